-- 行政复议 (modules/reconsideration): the module's schema, its register of respondent agencies and its case table. A
-- case is a kernel matter (same id): its number, title, unit, status, registration and closing times live in
-- kernel.matters; this row holds only the module's own fields, read beside the matter through the kernel's
-- matterSummary join. Statute: ../shared/laws/administrative-reconsideration-law-2023.md (行政复议法).
create schema if not exists reconsideration;
comment on schema reconsideration is '行政复议与行政应诉';

create table reconsideration.agencies (
  id uuid primary key,
  org_id uuid not null references kernel.orgs (id),
  name text not null,
  kind text not null,
  sector text not null,
  superior text not null,
  active boolean not null default true,
  unique (org_id, name)
);
comment on table reconsideration.agencies is '被申请人（行政机关）名录：每个机关登记在对其有管辖权的行政复议机构（司法局）名下 (行政复议法第二十四条)';
comment on column reconsideration.agencies.org_id is '有管辖权的行政复议机构所在单位 (县、市司法局)；按此单位划定数据范围';
comment on column reconsideration.agencies.name is '机关名称 (如 章贡区市场监督管理局)';
comment on column reconsideration.agencies.kind is '类别：department 政府工作部门、government 下一级人民政府、dispatched 派出机关、other 其他';
comment on column reconsideration.agencies.sector is '行业领域 (shared/catalogue.ts SECTORS)';
comment on column reconsideration.agencies.superior is '上级机关 (本级人民政府或上一级主管部门)';
comment on column reconsideration.agencies.active is '停用后不再出现在选择列表中，历史案件仍引用';

create table reconsideration.cases (
  id uuid primary key references kernel.matters (id),
  channel text not null,
  agency_id uuid references reconsideration.agencies (id),
  respondent text not null,
  sector text not null,
  act_type text not null,
  act text not null,
  request text not null,
  reasons text not null default '',
  act_known_on date,
  received_on date not null,
  window_due date,
  late_reason text,
  reconsideration_first boolean not null default false,
  forwarded_by text,
  enterprise boolean not null default false,
  procedure text,
  correction_items text,
  accepted_on date,
  accepted_at timestamptz generated always as ((accepted_on::timestamp) at time zone 'Asia/Shanghai') stored,
  deemed_accepted boolean not null default false,
  decline_reason text,
  competent_body text,
  closing text,
  closed_on date,
  decision_summary text,
  loss_recovered_fen bigint not null default 0,
  published boolean not null default false,
  imported boolean not null default false
);
comment on table reconsideration.cases is '行政复议案件 (与 kernel.matters 同 id；编号、名称、承办单位、状态、登记与办结时间在 kernel.matters)';
comment on column reconsideration.cases.id is '案件 id，即 kernel.matters.id';
comment on column reconsideration.cases.channel is '申请渠道：window 当面递交、post 邮寄、portal 网上申请、forwarded 经作出处罚的机关转送 (第三十二条)、import 历史数据导入';
comment on column reconsideration.cases.agency_id is '被申请人在名录中的记录 (名录外的机关为空，以 respondent 为准)';
comment on column reconsideration.cases.respondent is '被申请人名称';
comment on column reconsideration.cases.sector is '行业领域 (shared/catalogue.ts SECTORS)';
comment on column reconsideration.cases.act_type is '行政行为类别 (shared/catalogue.ts ACT_TYPES)';
comment on column reconsideration.cases.act is '申请行政复议的行政行为';
comment on column reconsideration.cases.request is '行政复议请求';
comment on column reconsideration.cases.reasons is '事实和理由';
comment on column reconsideration.cases.act_known_on is '知道或者应当知道该行政行为之日 (第二十条)';
comment on column reconsideration.cases.received_on is '收到行政复议申请之日 (审查期限自次日起算，第三十条)';
comment on column reconsideration.cases.window_due is '申请期限届满日 (第二十条第一款，六十日，登记时计算)';
comment on column reconsideration.cases.late_reason is '超过申请期限的正当理由 (第二十条第二款、第三款)';
comment on column reconsideration.cases.reconsideration_first is '复议前置案件 (第二十三条)';
comment on column reconsideration.cases.forwarded_by is '转送申请的行政机关 (第三十二条)';
comment on column reconsideration.cases.enterprise is '涉企案件 (申请人为企业或个体工商户)';
comment on column reconsideration.cases.procedure is '审理程序：ordinary 普通程序、simplified 简易程序 (第五十三条)；受理后确定';
comment on column reconsideration.cases.correction_items is '补正通知载明的事项 (第三十一条第一款，一次性告知)';
comment on column reconsideration.cases.accepted_on is '受理日期 (视为受理的为审查期限届满之日，第三十条第三款)；统计口径的日期';
comment on column reconsideration.cases.accepted_at is '受理日期的零时 (北京时间)：指标按此计数 (由 accepted_on 生成)';
comment on column reconsideration.cases.deemed_accepted is '审查期限届满未作决定而视为受理 (第三十条第三款，由定时任务记录)';
comment on column reconsideration.cases.decline_reason is '不予受理的理由';
comment on column reconsideration.cases.competent_body is '不属于本机关管辖时告知的有管辖权的行政复议机关 (第三十条第二款)';
comment on column reconsideration.cases.closing is '结案方式 (shared/catalogue.ts CLOSINGS)：维持、驳回、变更、撤销、确认违法、责令履行、确认无效、驳回申请、调解、和解终止、撤回终止、其他终止';
comment on column reconsideration.cases.closed_on is '结案日期';
comment on column reconsideration.cases.decision_summary is '决定或终止的要点';
comment on column reconsideration.cases.loss_recovered_fen is '为申请人挽回的经济损失 (分)';
comment on column reconsideration.cases.published is '决定书已公开 (第七十九条)';
comment on column reconsideration.cases.imported is '由历史数据导入 (上线前的案件)';

create index cases_accepted_idx on reconsideration.cases (accepted_at) where accepted_at is not null;
comment on index reconsideration.cases_accepted_idx is '统计按受理日期计数';

-- the list's newest-first order reads a page, not the whole register
create index matters_reconsideration_opened_idx on kernel.matters (opened_at desc, id) where module = 'reconsideration';
comment on index kernel.matters_reconsideration_opened_idx is '行政复议案件按登记时间倒序 (列表首页只读一页)';
