-- The workbench 工作台 (issue #13 item 1, ADR 0023): counts of work per stage for a unit's subtree in one grouped,
-- index-only query, the user's new arrivals, and the citizens who asked to be told of their matter by SMS.

-- Open matters by unit and status: the stage counts read only this index (closed matters are not in it).
create index matters_work_idx on kernel.matters (org_id, module, kind, status) where closed_at is null;
-- New arrivals of a unit's subtree, newest first.
create index matters_org_opened_idx on kernel.matters (org_id, opened_at);
-- 即将到期 / 已逾期: open deadlines of a unit whose warning date has come, with what the count and the list need.
create index deadlines_org_warn_open_idx on kernel.deadlines (org_id, warn_date) include (due_date, matter_id) where status = 'open';

create table kernel.matter_subscribers (
  matter_id uuid primary key references kernel.matters(id),
  phone_cipher text not null,
  phone_masked text not null,
  created_at timestamptz not null default now()
);
comment on table kernel.matter_subscribers is '短信告知：网上申请的群众，事项登记 (回执) 和每次状态变化时发短信告知';
comment on column kernel.matter_subscribers.matter_id is '事项';
comment on column kernel.matter_subscribers.phone_cipher is '接收短信的手机号 (SM4 加密，附加数据含事项编号)';
comment on column kernel.matter_subscribers.phone_masked is '手机号掩码 (显示用)';
comment on column kernel.matter_subscribers.created_at is '登记时间';
