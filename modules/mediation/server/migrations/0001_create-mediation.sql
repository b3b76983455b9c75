-- People's mediation 人民调解: disputes and mediation sessions. A dispute is a kernel matter (same id).
create schema if not exists mediation;

create table mediation.disputes (
  id uuid primary key references kernel.matters(id),
  number text not null,
  title text not null,
  org_id uuid not null references kernel.orgs(id),
  status text not null,
  category text not null,
  source text not null,
  description text not null,
  amount_fen bigint,
  address text,
  court_case_number text,
  court_name text,
  court_procedure text,
  committee_org_id uuid references kernel.orgs(id),
  mediator_name text,
  mediator_user_id uuid references kernel.users(id),
  registered_at timestamptz not null default now(),
  accepted_at timestamptz,
  assigned_at timestamptz,
  agreed_at timestamptz,
  agreement_kind text,
  agreement_effective_on date,
  agreement_amount_fen bigint,
  closed_at timestamptz,
  outcome text,
  confirmation_result text,
  confirmation_court text,
  confirmed_on date,
  performed text,
  at_risk boolean not null default false,
  risk_reason text
);
comment on table mediation.disputes is '人民调解纠纷 (与 kernel.matters 同 id；编号、状态冗余于此，统计只读本表)';
comment on column mediation.disputes.number is '纠纷编号，如 赣章调〔2026〕1号 (同 kernel.matters.number)';
comment on column mediation.disputes.title is '纠纷名称';
comment on column mediation.disputes.org_id is '受理单位 (司法所、县局等；数据权限依据)';
comment on column mediation.disputes.status is '当前状态 (同 kernel.matters.status)';
comment on column mediation.disputes.category is '纠纷类型 (司法部统计口径，见 shared/categories.ts)';
comment on column mediation.disputes.source is '纠纷来源：窗口、电话、网上、排查、法院委派/委托/邀请、信访、公安';
comment on column mediation.disputes.description is '纠纷事实与当事人请求';
comment on column mediation.disputes.amount_fen is '争议金额 (分)';
comment on column mediation.disputes.address is '纠纷发生地 (用于同地点重复纠纷预警)';
comment on column mediation.disputes.court_case_number is '法院案号 (诉调对接案件)';
comment on column mediation.disputes.court_name is '委派、委托、邀请的法院';
comment on column mediation.disputes.court_procedure is '委托调解适用程序 ordinary 普通 / simplified 简易';
comment on column mediation.disputes.committee_org_id is '承办的人民调解委员会';
comment on column mediation.disputes.mediator_name is '调解员';
comment on column mediation.disputes.mediator_user_id is '调解员账号 (如有)';
comment on column mediation.disputes.registered_at is '登记时间';
comment on column mediation.disputes.accepted_at is '受理时间 (指标按此统计)';
comment on column mediation.disputes.assigned_at is '指派时间 (法院案件调解期限自调解员签收起算)';
comment on column mediation.disputes.agreed_at is '达成协议时间';
comment on column mediation.disputes.agreement_kind is '协议形式 written 书面 / oral 口头 (人民调解法 第二十八至三十条)';
comment on column mediation.disputes.agreement_effective_on is '协议生效日期 (司法确认 30 日期间自此起算，第三十三条)';
comment on column mediation.disputes.agreement_amount_fen is '协议涉及金额 (分)';
comment on column mediation.disputes.closed_at is '办结时间';
comment on column mediation.disputes.outcome is '结果 success 调解成功 / failed 调解不成 / refused 当事人拒绝 / declined 不予受理 / withdrawn 撤回';
comment on column mediation.disputes.confirmation_result is '司法确认结果 confirmed 确认有效 / dismissed 驳回';
comment on column mediation.disputes.confirmation_court is '作出司法确认裁定的法院';
comment on column mediation.disputes.confirmed_on is '司法确认裁定日期';
comment on column mediation.disputes.performed is '回访履行情况 full / partial / none';
comment on column mediation.disputes.at_risk is '有激化风险，列入司法所重点关注';
comment on column mediation.disputes.risk_reason is '风险说明';
create index disputes_org_accepted_idx on mediation.disputes (org_id, accepted_at);
create index disputes_org_registered_idx on mediation.disputes (org_id, registered_at);
create index disputes_status_idx on mediation.disputes (status);
create index disputes_address_idx on mediation.disputes (address) where address is not null;
create index disputes_watch_idx on mediation.disputes (org_id) where at_risk and closed_at is null;

create table mediation.sessions (
  id uuid primary key,
  dispute_id uuid not null references mediation.disputes(id),
  held_on date not null,
  place text not null,
  attendees text not null,
  record text not null,
  recorded_by uuid references kernel.users(id),
  created_at timestamptz not null default now()
);
comment on table mediation.sessions is '调解记录 (每次调解：日期、地点、参加人、记录)';
comment on column mediation.sessions.held_on is '调解日期';
comment on column mediation.sessions.place is '调解地点';
comment on column mediation.sessions.attendees is '参加人';
comment on column mediation.sessions.record is '调解过程记录';
comment on column mediation.sessions.recorded_by is '记录人';
create index sessions_dispute_idx on mediation.sessions (dispute_id, held_on);
