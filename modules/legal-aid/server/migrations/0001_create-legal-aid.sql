-- 法律援助 (modules/legal-aid): the module's schema and its case table. A case is a kernel matter (same id): its
-- number, title, unit, status, registration and closing times live in kernel.matters; this row holds only the
-- module's own fields (issue #10 item 3), read beside the matter through the kernel's matterSummary join.
create schema if not exists legal_aid;
comment on schema legal_aid is '法律援助';

create table legal_aid.cases (
  id uuid primary key references kernel.matters (id),
  channel text not null,
  summary text not null,
  decline_reason text,
  result text
);
comment on table legal_aid.cases is '法律援助案件 (与 kernel.matters 同 id；编号、名称、承办单位、状态、登记与办结时间在 kernel.matters)';
comment on column legal_aid.cases.id is '案件 id，即 kernel.matters.id';
comment on column legal_aid.cases.channel is '登记渠道 (window 窗口登记、phone 电话、referral 转交)';
comment on column legal_aid.cases.summary is '基本情况';
comment on column legal_aid.cases.decline_reason is '不予受理的理由 (不予受理时填写)';
comment on column legal_aid.cases.result is '办理结果 (办结时填写)';

-- the list's newest-first order reads a page, not the whole register
create index matters_legal_aid_opened_idx on kernel.matters (opened_at desc, id) where module = 'legal-aid';
comment on index kernel.matters_legal_aid_opened_idx is '法律援助案件按登记时间倒序 (列表首页只读一页)';
