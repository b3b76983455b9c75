-- Background jobs (one queue on both engines) and notifications (SMS outbox, in-app).
create table kernel.jobs (
  id bigint generated always as identity primary key,
  name text not null,
  data jsonb not null default '{}',
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  run_at timestamptz not null default now(),
  attempts integer not null default 0,
  max_attempts integer not null default 5,
  singleton_key text,
  locked_by text,
  locked_at timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
comment on table kernel.jobs is '后台任务队列：各进程以 FOR UPDATE SKIP LOCKED 领取，多进程并行安全';
comment on column kernel.jobs.name is '任务名 (如 deadlines.sweep, sms.send)';
comment on column kernel.jobs.data is '任务参数';
comment on column kernel.jobs.status is '状态 queued 待办 / running 执行中 / done 完成 / failed 失败';
comment on column kernel.jobs.run_at is '最早执行时间 (重试时后延)';
comment on column kernel.jobs.attempts is '已尝试次数';
comment on column kernel.jobs.max_attempts is '最多尝试次数';
comment on column kernel.jobs.singleton_key is '同键任务同时只排一个 (如每个定时任务)';
comment on column kernel.jobs.locked_by is '领取进程标识';
comment on column kernel.jobs.locked_at is '领取时间 (超时未完成视为进程失联，重新排队)';
comment on column kernel.jobs.last_error is '最近一次失败原因';
comment on column kernel.jobs.finished_at is '完成或最终失败时间';
create index jobs_claim_idx on kernel.jobs (run_at, id) where status = 'queued';
create unique index jobs_singleton_idx on kernel.jobs (singleton_key) where status in ('queued', 'running');

create table kernel.job_schedules (
  name text primary key,
  every_seconds integer not null check (every_seconds > 0),
  next_run_at timestamptz not null default now()
);
comment on table kernel.job_schedules is '定时任务：到期时由恰好一个进程推进 next_run_at 并入队';
comment on column kernel.job_schedules.every_seconds is '执行间隔 (秒)';
comment on column kernel.job_schedules.next_run_at is '下次执行时间';

create table kernel.sms_outbox (
  id uuid primary key,
  phone_cipher text not null,
  phone_masked text not null,
  text text not null,
  purpose text not null,
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  provider text,
  provider_ref text,
  error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
comment on table kernel.sms_outbox is '短信发件箱：先落库再由任务发送；默认网关只写日志 (嵌入式演示)';
comment on column kernel.sms_outbox.phone_cipher is '手机号 (SM4 加密)';
comment on column kernel.sms_outbox.phone_masked is '手机号脱敏显示';
comment on column kernel.sms_outbox.text is '短信正文';
comment on column kernel.sms_outbox.purpose is '用途 (otp 验证码, reminder 提醒 …)';
comment on column kernel.sms_outbox.status is '状态 pending 待发 / sent 已发 / failed 失败';
comment on column kernel.sms_outbox.provider is '发送网关';
comment on column kernel.sms_outbox.provider_ref is '网关回执编号';
comment on column kernel.sms_outbox.error is '失败原因';
create index sms_outbox_created_idx on kernel.sms_outbox (created_at);

create table kernel.notifications (
  id uuid primary key,
  user_id uuid not null references kernel.users(id),
  title text not null,
  body text not null default '',
  link text,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
comment on table kernel.notifications is '站内通知 (工作人员)';
comment on column kernel.notifications.user_id is '接收人';
comment on column kernel.notifications.title is '标题';
comment on column kernel.notifications.body is '内容';
comment on column kernel.notifications.link is '点击后打开的页面';
comment on column kernel.notifications.read_at is '已读时间 (空为未读)';
create index notifications_unread_idx on kernel.notifications (user_id, created_at desc) where read_at is null;
