-- __zh__ (modules/__name__): the module's schema and its case table. A case is a kernel matter (same id): its
-- number, title, unit, status, registration and closing times live in kernel.matters; this row holds only the
-- module's own fields (issue #10 item 3), read beside the matter through the kernel's matterSummary join.
create schema if not exists __snake__;
comment on schema __snake__ is '__zh__';

create table __snake__.cases (
  id uuid primary key references kernel.matters (id),
  channel text not null,
  summary text not null,
  decline_reason text,
  result text
);
comment on table __snake__.cases is '__zh__案件 (与 kernel.matters 同 id；编号、名称、承办单位、状态、登记与办结时间在 kernel.matters)';
comment on column __snake__.cases.id is '案件 id，即 kernel.matters.id';
comment on column __snake__.cases.channel is '登记渠道 (window 窗口登记、phone 电话、referral 转交)';
comment on column __snake__.cases.summary is '基本情况';
comment on column __snake__.cases.decline_reason is '不予受理的理由 (不予受理时填写)';
comment on column __snake__.cases.result is '办理结果 (办结时填写)';

-- the list's newest-first order reads a page, not the whole register
create index matters___snake___opened_idx on kernel.matters (opened_at desc, id) where module = '__name__';
comment on index kernel.matters___snake___opened_idx is '__zh__案件按登记时间倒序 (列表首页只读一页)';
