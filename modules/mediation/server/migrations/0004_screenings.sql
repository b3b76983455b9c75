-- People's mediation: dispute screening 矛盾纠纷排查 as an intake channel (issue #4 item 2; features.md M2, M6).
-- Judicial offices, county bureaus and committees screen their area on a date and record what they found; the
-- disputes that need mediation are registered from the screening (source 'screening', counted as 主动调解) and
-- keep a link to it.
create table mediation.screenings (
  id uuid primary key,
  org_id uuid not null references kernel.orgs(id),
  screened_on date not null,
  area text not null,
  screeners text not null,
  kind text not null,
  found_count integer not null default 0,
  risk_count integer not null default 0,
  notes text,
  created_by uuid references kernel.users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint screenings_kind_check check (kind in ('routine', 'special', 'holiday', 'sensitive', 'other')),
  constraint screenings_counts_check check (found_count >= 0 and risk_count >= 0 and risk_count <= found_count)
);
comment on table mediation.screenings is '矛盾纠纷排查记录 (司法所、县局或调委会对村、社区、网格的排查；排查发现需调解的纠纷由此登记，来源为“矛盾纠纷排查”)';
comment on column mediation.screenings.id is '排查记录 ID';
comment on column mediation.screenings.org_id is '排查单位 (司法所、县局或人民调解委员会；数据权限依据)';
comment on column mediation.screenings.screened_on is '排查日期 (不晚于登记当日)';
comment on column mediation.screenings.area is '排查区域 (村、社区或网格)';
comment on column mediation.screenings.screeners is '排查人员 (姓名，多人以顿号分隔)';
comment on column mediation.screenings.kind is '排查类型 routine 例行排查 / special 专项排查 / holiday 节前排查 / sensitive 重要敏感时期排查 / other 其他';
comment on column mediation.screenings.found_count is '发现矛盾纠纷数';
comment on column mediation.screenings.risk_count is '其中有激化风险的纠纷数 (不超过发现数)';
comment on column mediation.screenings.notes is '排查情况 (每件纠纷的简要情况、是否需要调解)';
comment on column mediation.screenings.created_by is '登记人账号 (演示数据为空)';
comment on column mediation.screenings.created_at is '登记时间';
comment on column mediation.screenings.updated_at is '最后修改时间';
comment on constraint screenings_kind_check on mediation.screenings is '排查类型只能是例行、专项、节前、敏感时期或其他';
comment on constraint screenings_counts_check on mediation.screenings is '发现数、风险数不为负，风险数不超过发现数';
create index screenings_org_day_idx on mediation.screenings (org_id, screened_on);
comment on index mediation.screenings_org_day_idx is '按单位和日期查排查记录 (列表、导出)';

alter table mediation.disputes add column screening_id uuid references mediation.screenings(id);
comment on column mediation.disputes.screening_id is '由哪次矛盾纠纷排查发现 (mediation.screenings.id；来源为 screening 的纠纷)';
create index disputes_screening_idx on mediation.disputes (screening_id) where screening_id is not null;
comment on index mediation.disputes_screening_idx is '排查记录下登记的纠纷';
