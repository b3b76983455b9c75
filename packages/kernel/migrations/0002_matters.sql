-- Matters: anything that flows through a workflow (a dispute, an aid application, a reconsideration case…).
create table kernel.matters (
  id uuid primary key,
  module text not null,
  kind text not null,
  number text not null unique,
  year smallint not null,
  seq integer not null,
  org_id uuid not null references kernel.orgs(id),
  status text not null,
  title text not null,
  outcome text,
  version integer not null default 1,
  opened_at timestamptz not null default now(),
  closed_at timestamptz,
  created_by uuid references kernel.users(id),
  updated_at timestamptz not null default now()
);
comment on table kernel.matters is '事项 (案件)：各业务模块的案件主表，状态为其操作日志最新状态的缓存';
comment on column kernel.matters.module is '所属业务模块 (mediation, legal-aid, …)';
comment on column kernel.matters.kind is '事项类型 (模块内，如 dispute)';
comment on column kernel.matters.number is '案号，如 赣章调〔2026〕123号；全平台唯一';
comment on column kernel.matters.year is '编号年度';
comment on column kernel.matters.seq is '年度内顺序号 (按模块、单位、年度连续)';
comment on column kernel.matters.org_id is '承办单位 (数据权限依据)';
comment on column kernel.matters.status is '当前状态 (操作日志最新一条的结果状态)';
comment on column kernel.matters.title is '事项名称';
comment on column kernel.matters.outcome is '办结结果 (指标统计口径，如 agreed / failed)';
comment on column kernel.matters.version is '版本号：每次操作加一，并发修改时据此发现冲突';
comment on column kernel.matters.opened_at is '登记时间';
comment on column kernel.matters.closed_at is '办结时间';
comment on column kernel.matters.created_by is '登记人';
create index matters_org_idx on kernel.matters(org_id, module, opened_at);
create index matters_module_status_idx on kernel.matters(module, status);

create table kernel.matter_counters (
  module text not null,
  org_id uuid not null references kernel.orgs(id),
  year smallint not null,
  last_seq integer not null default 0,
  primary key (module, org_id, year)
);
comment on table kernel.matter_counters is '案号计数器：每模块、每单位、每年度一行，取号时行锁保证连续不重号';
comment on column kernel.matter_counters.last_seq is '已取到的最大顺序号';

create table kernel.matter_actions (
  id bigint generated always as identity primary key,
  matter_id uuid not null references kernel.matters(id),
  action text not null,
  from_status text,
  to_status text not null,
  actor_id uuid references kernel.users(id),
  actor_name text,
  at timestamptz not null default now(),
  note text,
  data jsonb not null default '{}'
);
comment on table kernel.matter_actions is '事项操作日志 (只追加)：每一次登记、受理、指派、办结都是一条';
comment on column kernel.matter_actions.action is '操作代码 (工作流表中的动作)';
comment on column kernel.matter_actions.from_status is '操作前状态 (登记时为空)';
comment on column kernel.matter_actions.to_status is '操作后状态';
comment on column kernel.matter_actions.actor_id is '操作人';
comment on column kernel.matter_actions.actor_name is '操作人姓名 (冗余，便于显示)';
comment on column kernel.matter_actions.note is '意见或说明';
comment on column kernel.matter_actions.data is '操作所附数据 (如指派对象、不予受理理由)';
create index matter_actions_matter_idx on kernel.matter_actions(matter_id, id);

create table kernel.matter_assignments (
  matter_id uuid not null references kernel.matters(id),
  user_id uuid references kernel.users(id),
  org_id uuid references kernel.orgs(id),
  role text not null,
  active boolean not null default true,
  assigned_at timestamptz not null default now(),
  ended_at timestamptz,
  check (user_id is not null or org_id is not null)
);
comment on table kernel.matter_assignments is '事项承办指派：承办人或承办单位；改派时旧指派结束并保留';
comment on column kernel.matter_assignments.role is '指派角色 (handler 承办人, mediator 调解员, unit 承办单位 …)';
comment on column kernel.matter_assignments.active is '是否当前有效';
create index matter_assignments_user_idx on kernel.matter_assignments(user_id) where active;
create index matter_assignments_matter_idx on kernel.matter_assignments(matter_id);

alter table kernel.orgs add column abbr text;
comment on column kernel.orgs.abbr is '案号简称 (如 赣章)；设有简称的单位自成编号单位，下级单位沿用最近上级的简称和计数器';
