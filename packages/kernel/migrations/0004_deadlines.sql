-- Statutory deadlines on the official working-day calendar (DESIGN.md "Deadlines").

create table kernel.calendar_years (
  year smallint primary key check (year between 1990 and 2200),
  source text not null,
  loaded_at timestamptz not null default now(),
  loaded_by uuid references kernel.users(id),
  loaded_by_name text
);
comment on table kernel.calendar_years is '已载入的国务院节假日安排年度：只有载入的年度才算“已覆盖”，超出的年份计算结果会标明“节假日安排未发布”';
comment on column kernel.calendar_years.year is '安排所属年度 (国务院办公厅《关于某年部分节假日安排的通知》的年度)';
comment on column kernel.calendar_years.source is '来源，如通知文号或内置数据包 chinese-days 的版本';
comment on column kernel.calendar_years.loaded_at is '载入时间';
comment on column kernel.calendar_years.loaded_by is '载入人 (系统内置数据为空)';
comment on column kernel.calendar_years.loaded_by_name is '载入人姓名或 system / 命令行 (冗余，便于显示)';

create table kernel.calendar_days (
  date date primary key,
  year smallint not null references kernel.calendar_years(year) on delete cascade,
  kind text not null check (kind in ('holiday', 'workday')),
  name text not null
);
comment on table kernel.calendar_days is '节假日安排中的特殊日期：放假日 (含调休放假的周末和工作日) 与调休上班日；未列出的日期按周一至周五上班、周六周日休息';
comment on column kernel.calendar_days.date is '日期';
comment on column kernel.calendar_days.year is '所属安排年度 (元旦调休可能落在上一年 12 月底，如 2019 年安排中的 2018-12-29 至 2018-12-31)';
comment on column kernel.calendar_days.kind is '类型：holiday 放假日，workday 调休上班日';
comment on column kernel.calendar_days.name is '节日名称，如 国庆节';
create index calendar_days_year_idx on kernel.calendar_days(year);

create table kernel.deadlines (
  id uuid primary key,
  matter_id uuid not null references kernel.matters(id),
  rule_id text not null,
  start_date date not null,
  due_date date not null,
  warn_date date not null,
  calendar_covered boolean not null,
  status text not null default 'open' check (status in ('open', 'paused', 'met', 'cancelled')),
  pauses jsonb not null default '[]',
  paused_since date,
  paused_days integer not null default 0,
  extended_amount integer not null default 0,
  extension_count smallint not null default 0,
  assignee_id uuid references kernel.users(id),
  org_id uuid not null references kernel.orgs(id),
  last_level text not null default 'normal' check (last_level in ('normal', 'due-soon', 'overdue')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  met_at timestamptz
);
comment on table kernel.deadlines is '法定期限实例：某事项按某条期限规则计算的届满日，随中止、恢复、延长重新计算；待办列表和到期提醒据此生成';
comment on column kernel.deadlines.matter_id is '所属事项';
comment on column kernel.deadlines.rule_id is '期限规则编号 (如 reconsideration.intake-review，见 /api/deadline-rules)';
comment on column kernel.deadlines.start_date is '起算事件发生日 (该日不计入期限)';
comment on column kernel.deadlines.due_date is '期限届满日 (已计入中止、延长和节假日顺延)';
comment on column kernel.deadlines.warn_date is '开始提醒“即将到期”的日期';
comment on column kernel.deadlines.calendar_covered is '计算所依据的节假日安排是否均已载入；为否时届满日是按普通周末推算的，载入新年度安排后自动重算';
comment on column kernel.deadlines.status is '状态：open 计时中，paused 已中止，met 已完成，cancelled 已撤销';
comment on column kernel.deadlines.pauses is '已结束的中止期间 [{from,to}]，两端日期均不计入期限';
comment on column kernel.deadlines.paused_since is '当前中止的开始日期 (计时中为空)';
comment on column kernel.deadlines.paused_days is '已结束的中止期间合计天数 (便于显示)';
comment on column kernel.deadlines.extended_amount is '已延长的合计期限，单位为规则延长政策的单位 (日、工作日或月)';
comment on column kernel.deadlines.extension_count is '已延长次数';
comment on column kernel.deadlines.assignee_id is '承办人 (其待办列表显示本期限)';
comment on column kernel.deadlines.org_id is '承办单位 (本单位待办列表显示本期限；数据权限依据)';
comment on column kernel.deadlines.last_level is '上次巡检时的提醒级别：normal 正常，due-soon 即将到期，overdue 已逾期；级别变化时发送提醒';
comment on column kernel.deadlines.created_at is '登记时间';
comment on column kernel.deadlines.updated_at is '最后修改时间';
comment on column kernel.deadlines.met_at is '完成时间';

create index deadlines_matter_idx on kernel.deadlines(matter_id);
-- To-do list: open deadlines of one assignee or one unit, nearest first.
create index deadlines_assignee_open_idx on kernel.deadlines(assignee_id, due_date) where status = 'open';
create index deadlines_org_open_idx on kernel.deadlines(org_id, due_date) where status = 'open';
-- Sweep: open deadlines whose warning or due date has passed.
create index deadlines_warn_open_idx on kernel.deadlines(warn_date) where status = 'open';
-- Recomputation after a calendar year is loaded.
create index deadlines_uncovered_idx on kernel.deadlines(due_date) where not calendar_covered and status in ('open', 'paused');
