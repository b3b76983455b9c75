-- 法律援助 (modules/legal-aid): the module's schema, its case table and the pool of legal-aid staff. A case is a kernel
-- matter (same id): its number, title, unit, status, registration and closing times live in kernel.matters; this row
-- holds only the module's own fields, read beside the matter through the kernel's matterSummary join.
create schema if not exists legal_aid;
comment on schema legal_aid is '法律援助';

create table legal_aid.lawyers (
  id uuid primary key,
  org_id uuid not null references kernel.orgs (id),
  name text not null,
  kind text not null,
  firm text not null,
  practice_years integer not null check (practice_years >= 0),
  specialties text[] not null default '{}',
  phone_masked text not null,
  active boolean not null default true,
  open_cases integer not null default 0 check (open_cases >= 0),
  last_assigned_at timestamptz,
  created_at timestamptz not null default now()
);
comment on table legal_aid.lawyers is '法律援助人员库 (法律援助机构律师、律师事务所律师、基层法律服务工作者)';
comment on column legal_aid.lawyers.org_id is '所属法律援助机构或司法局 (该单位及上级可指派)';
comment on column legal_aid.lawyers.name is '姓名';
comment on column legal_aid.lawyers.kind is '人员类别 (aid-lawyer 援助机构律师、firm-lawyer 律所律师、grassroots 基层法律服务工作者)';
comment on column legal_aid.lawyers.firm is '执业机构';
comment on column legal_aid.lawyers.practice_years is '执业年限 (法律援助法第二十六条：死刑、无期徒刑案件须三年以上)';
comment on column legal_aid.lawyers.specialties is '业务专长';
comment on column legal_aid.lawyers.phone_masked is '联系电话 (脱敏，告知受援人时显示)';
comment on column legal_aid.lawyers.active is '是否承办法律援助案件';
comment on column legal_aid.lawyers.open_cases is '在办案件数 (指派时加一，结案、终止、更换时减一)';
comment on column legal_aid.lawyers.last_assigned_at is '最近一次被指派的时间 (轮流指派)';
create index lawyers_org_idx on legal_aid.lawyers (org_id, active, open_cases, last_assigned_at);
comment on index legal_aid.lawyers_org_idx is '按单位取可指派人员并按在办数、最近指派时间轮流';

create table legal_aid.cases (
  id uuid primary key references kernel.matters (id),
  channel text not null,
  category text not null,
  summary text not null,
  received_on date not null,
  received_at text,
  routing_reason text,
  notified_by text,
  notifying_organ text,
  capital_case boolean not null default false,
  adverse_party text,
  eligible boolean not null,
  means_test text not null,
  eligibility_article text not null,
  eligibility_basis text not null,
  prior_aid boolean not null default false,
  commitment boolean not null default false,
  commitment_sampled boolean not null default false,
  monthly_income_fen bigint,
  materials_requested text,
  decision_reason text,
  granted_on date,
  lawyer_id uuid references legal_aid.lawyers (id),
  assignment_reason text,
  assigned_at timestamptz,
  same_day boolean not null default false,
  termination_ground text,
  outcome text,
  benefit_fen bigint check (benefit_fen >= 0),
  progress jsonb not null default '[]'
);
comment on table legal_aid.cases is '法律援助案件 (与 kernel.matters 同 id；编号、名称、承办单位、状态、登记与结案时间在 kernel.matters)';
comment on column legal_aid.cases.id is '案件 id，即 kernel.matters.id';
comment on column legal_aid.cases.channel is '申请渠道 (window 窗口、portal 网上、hotline 热线、notice 办案机关通知、forwarded 监管场所转交)';
comment on column legal_aid.cases.category is '援助事项类别 (shared/eligibility.ts MATTER_CATEGORIES，对应法律援助法第二十四、二十五、二十九至三十一条)';
comment on column legal_aid.cases.summary is '案情摘要';
comment on column legal_aid.cases.received_on is '收到申请或通知的日期 (审查、指派期限的起算事件)';
comment on column legal_aid.cases.received_at is '收件地点 (全市通办：在非承办机构收件时填写)';
comment on column legal_aid.cases.routing_reason is '转由承办机构办理的理由 (法律援助法第三十八条)';
comment on column legal_aid.cases.notified_by is '通知机关类别 (court 法院、procuratorate 检察院、police 公安机关；第三十六条)';
comment on column legal_aid.cases.notifying_organ is '通知机关名称';
comment on column legal_aid.cases.capital_case is '可能被判处无期徒刑、死刑或死刑复核案件 (第二十六条)';
comment on column legal_aid.cases.adverse_party is '对方当事人 (承办人员利益冲突审查)';
comment on column legal_aid.cases.eligible is '按申请时所述情况是否符合法律援助条件';
comment on column legal_aid.cases.means_test is '经济困难审查方式 (not-required 无需、exempt 第三十二条不受限制、not-checked 第四十二条免予核查、income 收入标准、commitment 告知承诺、failed 不符合、undeclared 未说明)';
comment on column legal_aid.cases.eligibility_article is '使申请人符合条件的条款 (首条)';
comment on column legal_aid.cases.eligibility_basis is '符合条件的依据说明 (控制台显示)';
comment on column legal_aid.cases.prior_aid is '先行援助 (第四十四条：距时效或期限届满不足七日等)';
comment on column legal_aid.cases.commitment is '以个人诚信承诺说明经济困难 (第四十一条第二款)';
comment on column legal_aid.cases.commitment_sampled is '承诺是否被抽中事后核查';
comment on column legal_aid.cases.monthly_income_fen is '申请人所述家庭人均月收入 (分)';
comment on column legal_aid.cases.materials_requested is '一次性告知需补充的材料 (第四十三条第二款)';
comment on column legal_aid.cases.decision_reason is '审查决定的理由 (不予援助时必填，第四十三条)';
comment on column legal_aid.cases.granted_on is '决定给予法律援助的日期 (指派期限起算)';
comment on column legal_aid.cases.lawyer_id is '承办人员';
comment on column legal_aid.cases.assignment_reason is '指派理由 (轮流指派的说明)';
comment on column legal_aid.cases.assigned_at is '指派时间';
comment on column legal_aid.cases.same_day is '收到申请、决定给予、指派在同一天 (当天申请、当天受理、当天指派)';
comment on column legal_aid.cases.termination_ground is '终止情形 (第四十八条)';
comment on column legal_aid.cases.outcome is '办理结果 (结案时填写，第五十条)';
comment on column legal_aid.cases.benefit_fen is '为受援人挽回的经济损失 (分)';
comment on column legal_aid.cases.progress is '办理进展 (会见、阅卷、开庭等，司法部令第148号)，[{at, kind, note, date, by}]';
create index cases_lawyer_idx on legal_aid.cases (lawyer_id);
comment on index legal_aid.cases_lawyer_idx is '承办人员的案件';

-- the list's newest-first order reads a page, not the whole register
create index matters_legal_aid_opened_idx on kernel.matters (opened_at desc, id) where module = 'legal-aid';
comment on index kernel.matters_legal_aid_opened_idx is '法律援助案件按登记时间倒序 (列表首页只读一页)';
