-- People's mediation: the register of mediation committees and mediators (issue #4 item 1).
-- A committee is a kernel unit of kind 'mediation-committee' (data scope, tree, assignment); this table holds what
-- the register adds. A committee unit without a row here (the seeded ones, or one an administrator added) is still
-- listed, its type inferred from its name and unit, and gets its row when first edited — so no backfill is needed
-- and a first start shows every committee.
create table mediation.committees (
  org_id uuid primary key references kernel.orgs(id),
  type text not null,
  field text,
  established_on date,
  address text,
  phone text,
  multi_ethnic_area boolean not null default false,
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint committees_type_check check (type in ('village', 'community', 'township', 'enterprise', 'industry-professional', 'court-linked', 'police-linked', 'petition-linked', 'other'))
);
comment on table mediation.committees is '人民调解委员会名册 (与 kernel.orgs 中类型为 mediation-committee 的单位一一对应；人民调解法 第八条、第十条、第三十四条)';
comment on column mediation.committees.org_id is '调委会单位 (kernel.orgs.id；名称、上级单位、启用状态在组织机构中)';
comment on column mediation.committees.type is '调委会类型 village 村 / community 社区 / township 乡镇街道 / enterprise 企事业单位 / industry-professional 行业性专业性 / court-linked 驻法院 / police-linked 驻派出所 / petition-linked 驻信访部门 / other 其他';
comment on column mediation.committees.field is '行业领域或专业 (行业性专业性调委会，如 医疗纠纷、道路交通事故)';
comment on column mediation.committees.established_on is '成立日期';
comment on column mediation.committees.address is '办公地址 (调解室)';
comment on column mediation.committees.phone is '办公电话 (单位电话，非个人信息)';
comment on column mediation.committees.multi_ethnic_area is '位于多民族居住地区 (人民调解法 第八条第三款：应当有人数较少民族的成员)';
comment on column mediation.committees.notes is '备注';
comment on column mediation.committees.created_at is '登记时间';
comment on column mediation.committees.updated_at is '最后修改时间';
comment on constraint committees_type_check on mediation.committees is '调委会类型只能是规定的九种之一 (shared/registry.ts COMMITTEE_TYPES)';

create table mediation.mediators (
  id uuid primary key,
  committee_org_id uuid not null references kernel.orgs(id),
  name text not null,
  gender text not null,
  ethnicity text,
  position text not null,
  employment text not null,
  term_start date,
  term_end date,
  specialties text[] not null default '{}',
  phone_cipher text,
  phone_masked text,
  user_id uuid references kernel.users(id),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint mediators_gender_check check (gender in ('female', 'male')),
  constraint mediators_position_check check (position in ('director', 'deputy', 'member', 'hired')),
  constraint mediators_employment_check check (employment in ('full-time', 'part-time')),
  constraint mediators_term_check check (term_start is null or term_end is null or term_end >= term_start)
);
comment on table mediation.mediators is '人民调解员名册 (人民调解法 第十三条：委员和调委会聘任的人员；停用而不删除)';
comment on column mediation.mediators.id is '调解员 ID';
comment on column mediation.mediators.committee_org_id is '所属人民调解委员会 (kernel.orgs.id；数据权限依据)';
comment on column mediation.mediators.name is '姓名';
comment on column mediation.mediators.gender is '性别 female 女 / male 男 (第八条：应当有妇女成员)';
comment on column mediation.mediators.ethnicity is '民族 (第八条：多民族居住地区应当有人数较少民族的成员)';
comment on column mediation.mediators.position is '职务 director 主任 / deputy 副主任 / member 委员 / hired 聘任调解员 (前三者为委员，第八条计三至九人)';
comment on column mediation.mediators.employment is '专兼职 full-time 专职 / part-time 兼职';
comment on column mediation.mediators.term_start is '任期 (聘期) 开始日期';
comment on column mediation.mediators.term_end is '任期 (聘期) 届满日期 (第九条：委员每届任期三年)';
comment on column mediation.mediators.specialties is '调解专长 (如 婚姻家庭、医疗纠纷)';
comment on column mediation.mediators.phone_cipher is '手机号密文 (SM4，关联数据 mediation.mediators/<id>/phone)';
comment on column mediation.mediators.phone_masked is '手机号掩码 (138****5678)，列表和导出只显示此值';
comment on column mediation.mediators.user_id is '调解员的系统账号 (如有)';
comment on column mediation.mediators.active is '在册 (停用即离任或解聘，记录保留)';
comment on column mediation.mediators.created_at is '登记时间';
comment on column mediation.mediators.updated_at is '最后修改时间';
comment on constraint mediators_gender_check on mediation.mediators is '性别只能是 female 或 male';
comment on constraint mediators_position_check on mediation.mediators is '职务只能是主任、副主任、委员或聘任调解员';
comment on constraint mediators_employment_check on mediation.mediators is '专兼职只能是 full-time 或 part-time';
comment on constraint mediators_term_check on mediation.mediators is '任期届满日期不早于开始日期';
create index mediators_committee_idx on mediation.mediators (committee_org_id, active);
create index mediators_specialties_idx on mediation.mediators using gin (specialties);
comment on index mediation.mediators_committee_idx is '按调委会查调解员 (名册、构成校验、指派时选择)';
comment on index mediation.mediators_specialties_idx is '按专长查调解员';
