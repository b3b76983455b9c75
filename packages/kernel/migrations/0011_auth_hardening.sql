-- Sign-in hardening (issue #11, ADR 0020): failures counted per account and client address, a second factor (TOTP
-- with recovery codes) for staff, and the demo accounts' exemption from it.

create table kernel.login_throttle (
  kind text not null check (kind in ('login', 'password')),
  subject text not null,
  source text not null,
  failures integer not null default 0,
  last_failure_at timestamptz not null default now(),
  blocked_until timestamptz,
  primary key (kind, subject, source)
);
comment on table kernel.login_throttle is '登录/改口令失败计数：按账号 + 来源地址计数并递增延迟，陌生来源不能锁住账号本人';
comment on column kernel.login_throttle.kind is 'login 登录 (口令或二次验证码错误)；password 修改本人口令时当前口令错误';
comment on column kernel.login_throttle.subject is 'login: 规范化的登录名 (无论是否存在，不泄露账号是否存在)；password: 用户 id';
comment on column kernel.login_throttle.source is '客户端地址 (经配置的可信反向代理解析)；password 为 * (按账号计)';
comment on column kernel.login_throttle.failures is '连续失败次数 (成功或 24 小时无失败后清零)';
comment on column kernel.login_throttle.last_failure_at is '最近一次失败时间';
comment on column kernel.login_throttle.blocked_until is '该账号在该来源的暂停截止时间 (递增：1、2、4、8… 分钟，上限见策略)';
create index login_throttle_age_idx on kernel.login_throttle(last_failure_at);

alter table kernel.users
  add column totp_secret text,
  add column totp_pending_secret text,
  add column totp_enabled_at timestamptz,
  add column totp_last_step bigint,
  add column mfa_exempt boolean not null default false;
comment on column kernel.users.totp_secret is '动态口令 (TOTP, RFC 6238) 密钥，以数据密钥 SM4 加密';
comment on column kernel.users.totp_pending_secret is '绑定中的动态口令密钥 (加密)；输入正确动态口令后才生效';
comment on column kernel.users.totp_enabled_at is '动态口令绑定时间；为空表示未绑定';
comment on column kernel.users.totp_last_step is '最近一次已用动态口令的时间步，同一口令不能重复使用';
comment on column kernel.users.mfa_exempt is '演示账号免二次验证 (仅演示数据种子设置；绑定动态口令后失效)';
comment on column kernel.users.failed_logins is '不再使用：登录失败按账号 + 来源计于 kernel.login_throttle';
comment on column kernel.users.locked_until is '最近一次某来源被暂停登录的截止时间 (供管理员查看与解锁)';

create table kernel.recovery_codes (
  user_id uuid not null references kernel.users(id) on delete cascade,
  code_hash text not null,
  used_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (user_id, code_hash)
);
comment on table kernel.recovery_codes is '二次验证恢复码 (每个仅可使用一次)，只存 SM3 摘要';
comment on column kernel.recovery_codes.code_hash is 'SM3(用户 id:恢复码)';
comment on column kernel.recovery_codes.used_at is '使用时间；为空表示未用';
