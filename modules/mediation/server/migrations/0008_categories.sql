-- People's mediation: dispute categories kept by an administrator (issue #4 item 2). Until now the categories were
-- the fifteen of the MoJ monthly statistics, fixed in shared/categories.ts; a city also wants its own (校园纠纷,
-- 旅游纠纷 …). Each row has a stable code (mediation.disputes.category keeps it, indicators group by it) and names
-- the standard category it is counted under in the monthly report (report_as), so that report keeps the MoJ's
-- table. The fifteen standard categories are seeded as built-in rows reporting as themselves. No row is ever
-- deleted: a deactivated category is no longer offered for new disputes, and the old ones keep it.
create table mediation.categories (
  code text primary key,
  name_zh text not null,
  name_en text,
  report_as text not null,
  sort_order integer not null default 0,
  active boolean not null default true,
  builtin boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint categories_code_check check (code ~ '^[a-z0-9-]{2,40}$'),
  constraint categories_report_as_check check (report_as in ('marriage-family', 'neighbour', 'housing-homestead', 'contract', 'business', 'damages', 'forest-land', 'expropriation-demolition', 'environment', 'labour', 'consumer', 'medical', 'traffic', 'property', 'other')),
  constraint categories_builtin_check check (not builtin or report_as = code),
  constraint categories_other_active_check check (code <> 'other' or active)
);
comment on table mediation.categories is '纠纷类型 (管理员维护；内置司法部统计口径 15 类，自定义类型按 report_as 计入月报的统计口径；只停用，不删除)';
comment on column mediation.categories.code is '类型代码 (小写字母、数字、连字符；创建后不变，mediation.disputes.category 和统计按它记录)';
comment on column mediation.categories.name_zh is '中文名称 (唯一)';
comment on column mediation.categories.name_en is '英文名称 (可空，空时显示中文名称)';
comment on column mediation.categories.report_as is '统计归类：在司法部人民调解月报中计入的统计口径类型 (内置 15 类之一；内置类型为其自身)';
comment on column mediation.categories.sort_order is '排序 (小者在前；登记表单、筛选和图表按此顺序)';
comment on column mediation.categories.active is '启用 (停用后新登记的纠纷不能再选，已有纠纷保留)';
comment on column mediation.categories.builtin is '内置 (司法部统计口径，代码和统计归类不能修改)';
comment on column mediation.categories.created_at is '创建时间';
comment on column mediation.categories.updated_at is '最后修改时间';
comment on constraint categories_code_check on mediation.categories is '类型代码只能由小写字母、数字和连字符组成，2 至 40 个字符';
comment on constraint categories_report_as_check on mediation.categories is '统计归类只能是司法部统计口径的 15 类之一 (shared/categories.ts DISPUTE_CATEGORIES)';
comment on constraint categories_builtin_check on mediation.categories is '内置类型按自身统计';
comment on constraint categories_other_active_check on mediation.categories is '“其他”类型不能停用 (任何纠纷都能归入)';
create unique index categories_name_zh_idx on mediation.categories (name_zh);
comment on index mediation.categories_name_zh_idx is '中文名称不重复 (法院导入按中文名称识别类型)';

insert into mediation.categories (code, name_zh, name_en, report_as, sort_order, builtin) values
  ('marriage-family', '婚姻家庭', 'Marriage and family', 'marriage-family', 10, true),
  ('neighbour', '邻里', 'Neighbours', 'neighbour', 20, true),
  ('housing-homestead', '房屋宅基地', 'Housing and homestead', 'housing-homestead', 30, true),
  ('contract', '合同', 'Contract', 'contract', 40, true),
  ('business', '生产经营', 'Production and business', 'business', 50, true),
  ('damages', '损害赔偿', 'Damages', 'damages', 60, true),
  ('forest-land', '山林土地', 'Forest and land', 'forest-land', 70, true),
  ('expropriation-demolition', '征地拆迁', 'Expropriation and demolition', 'expropriation-demolition', 80, true),
  ('environment', '环境污染', 'Environmental pollution', 'environment', 90, true),
  ('labour', '劳动争议', 'Labour', 'labour', 100, true),
  ('consumer', '消费', 'Consumer', 'consumer', 110, true),
  ('medical', '医疗', 'Medical', 'medical', 120, true),
  ('traffic', '道路交通事故', 'Road traffic accident', 'traffic', 130, true),
  ('property', '物业', 'Property management', 'property', 140, true),
  ('other', '其他', 'Other', 'other', 150, true);

comment on column mediation.disputes.category is '纠纷类型 (mediation.categories.code；月报按其 report_as 统计)';
