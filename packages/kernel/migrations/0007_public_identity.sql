-- Public identity: citizens and enterprises sign in with phone + one-time code, apart from staff accounts.
create table kernel.public_accounts (
  id uuid primary key,
  phone_index text not null unique,
  phone_cipher text not null,
  phone_masked text not null,
  created_at timestamptz not null default now(),
  last_login_at timestamptz
);
comment on table kernel.public_accounts is '群众、企业账号 (手机号 + 短信验证码登录)，与工作人员账号分开';
comment on column kernel.public_accounts.phone_index is '手机号盲索引 (HMAC-SM3)，用于查找，不可还原';
comment on column kernel.public_accounts.phone_cipher is '手机号 (SM4 加密)';
comment on column kernel.public_accounts.phone_masked is '手机号脱敏显示';
comment on column kernel.public_accounts.last_login_at is '最近登录时间';

create table kernel.otp_challenges (
  id uuid primary key,
  phone_index text not null,
  code_hash text not null,
  expires_at timestamptz not null,
  attempts integer not null default 0,
  consumed_at timestamptz,
  created_at timestamptz not null default now(),
  ip text
);
comment on table kernel.otp_challenges is '短信验证码：只存摘要；限时、限次、一次有效';
comment on column kernel.otp_challenges.phone_index is '手机号盲索引';
comment on column kernel.otp_challenges.code_hash is '验证码摘要 SM3(编号:验证码)';
comment on column kernel.otp_challenges.expires_at is '失效时间';
comment on column kernel.otp_challenges.attempts is '已尝试次数 (超过上限作废)';
comment on column kernel.otp_challenges.consumed_at is '使用时间 (已用不可再用)';
comment on column kernel.otp_challenges.ip is '申请 IP';
create index otp_challenges_phone_idx on kernel.otp_challenges (phone_index, created_at desc);

create table kernel.public_sessions (
  id text primary key,
  account_id uuid not null references kernel.public_accounts(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
comment on table kernel.public_sessions is '群众会话 (Cookie sifa_public 中为随机令牌，此处只存其 SHA-256 摘要)';
comment on column kernel.public_sessions.csrf_token is '防跨站请求伪造令牌';
comment on column kernel.public_sessions.last_seen_at is '最近活动时间';
comment on column kernel.public_sessions.expires_at is '过期时间';
