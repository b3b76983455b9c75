-- Follow-up visits 回访 after an agreement: was it performed? (issue #4 item 3; 人民调解法 第三十一条: the committee
-- supervises performance of the agreement — people-mediation-law-2010.md). Each visit is kept; the dispute caches the latest.
create table mediation.follow_ups (
  id uuid primary key,
  dispute_id uuid not null references mediation.disputes(id),
  visited_on date not null,
  performed text not null check (performed in ('full', 'partial', 'none')),
  note text,
  created_by uuid references kernel.users(id),
  created_by_name text,
  created_at timestamptz not null default now()
);
comment on table mediation.follow_ups is '调解协议履行回访记录 (人民调解法 第三十一条：人民调解委员会应当对调解协议的履行情况进行监督)';
comment on column mediation.follow_ups.dispute_id is '纠纷';
comment on column mediation.follow_ups.visited_on is '回访日期';
comment on column mediation.follow_ups.performed is '履行情况 full 已全部履行 / partial 部分履行 / none 未履行';
comment on column mediation.follow_ups.note is '回访情况说明';
comment on column mediation.follow_ups.created_by is '记录人账号';
comment on column mediation.follow_ups.created_by_name is '记录人姓名';
comment on column mediation.follow_ups.created_at is '记录时间';
create index follow_ups_dispute_idx on mediation.follow_ups (dispute_id, visited_on);

alter table mediation.disputes add column followed_up_on date;
comment on column mediation.disputes.followed_up_on is '最近一次回访日期 (履行情况见 performed，明细见 mediation.follow_ups)';
