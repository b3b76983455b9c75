-- People's mediation: citizens rate the mediation of their closed dispute on the public portal (issue #4 item 6).
create table mediation.ratings (
  id uuid primary key,
  dispute_id uuid not null references mediation.disputes(id),
  account_id uuid not null references kernel.public_accounts(id),
  score smallint not null constraint ratings_score_check check (score between 1 and 5),
  comment text,
  created_at timestamptz not null default now(),
  constraint ratings_dispute_account_key unique (dispute_id, account_id)
);
create index ratings_dispute_idx on mediation.ratings (dispute_id);
comment on table mediation.ratings is '群众对调解员的评价 (公众门户；纠纷调解成功或终止后，当事人每件纠纷评价一次)';
comment on column mediation.ratings.id is '评价 ID';
comment on column mediation.ratings.dispute_id is '被评价的纠纷 (mediation.disputes.id)';
comment on column mediation.ratings.account_id is '评价的群众账号 (kernel.public_accounts.id；其手机号为该纠纷当事人的手机号)';
comment on column mediation.ratings.score is '评分，1 至 5 星';
comment on column mediation.ratings.comment is '评价内容 (可选，不超过 500 字)';
comment on column mediation.ratings.created_at is '评价时间';
comment on index mediation.ratings_dispute_idx is '按纠纷查评价';
comment on constraint ratings_score_check on mediation.ratings is '评分只能是 1 至 5';
comment on constraint ratings_dispute_account_key on mediation.ratings is '同一群众账号对同一纠纷只能评价一次';
