-- Kernel: divisions, organisation tree, staff accounts, sessions, audit log.
create schema if not exists kernel;

create table kernel.divisions (
  code text primary key,
  name text not null,
  level smallint not null check (level between 1 and 5),
  parent_code text references kernel.divisions(code)
);
comment on table kernel.divisions is '行政区划 (GB/T 2260 县级及以上 + GB/T 10114 乡级，国家统计局数据包)';
comment on column kernel.divisions.code is '区划代码：省2位、市4位、县6位、乡9位 (统计用区划代码截短)';
comment on column kernel.divisions.name is '区划名称';
comment on column kernel.divisions.level is '层级：1省 2市 3县 4乡 5村';
comment on column kernel.divisions.parent_code is '上级区划代码';
create index divisions_parent_idx on kernel.divisions(parent_code);

create table kernel.orgs (
  id uuid primary key,
  parent_id uuid references kernel.orgs(id),
  path text not null unique,
  depth smallint not null,
  kind text not null,
  name text not null,
  division_code text references kernel.divisions(code),
  active boolean not null default true,
  sort integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table kernel.orgs is '组织机构树 (市司法局 → 县司法局 → 司法所 及挂靠的中心、委员会、机构)';
comment on column kernel.orgs.parent_id is '上级单位';
comment on column kernel.orgs.path is '物化路径：自根到本单位的 id 以 / 连接并以 / 结尾；前缀匹配即子树 (数据权限范围)';
comment on column kernel.orgs.depth is '层级深度，根为 0';
comment on column kernel.orgs.kind is '单位类型 (city-bureau, county-bureau, judicial-office, …)';
comment on column kernel.orgs.name is '单位名称';
comment on column kernel.orgs.division_code is '所在行政区划';
comment on column kernel.orgs.active is '是否启用；停用单位保留历史数据，不可新增业务';
comment on column kernel.orgs.sort is '同级排序';
create index orgs_path_prefix_idx on kernel.orgs (path text_pattern_ops);
create index orgs_parent_idx on kernel.orgs (parent_id);

create table kernel.users (
  id uuid primary key,
  username text not null unique,
  display_name text not null,
  password_hash text not null,
  org_id uuid not null references kernel.orgs(id),
  roles text[] not null default '{}',
  active boolean not null default true,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  password_changed_at timestamptz,
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table kernel.users is '工作人员账号';
comment on column kernel.users.username is '登录名 (唯一)';
comment on column kernel.users.display_name is '姓名';
comment on column kernel.users.password_hash is '口令 argon2id 摘要';
comment on column kernel.users.org_id is '所属单位；数据权限为该单位子树';
comment on column kernel.users.roles is '角色代码集合';
comment on column kernel.users.active is '是否启用';
comment on column kernel.users.failed_logins is '连续登录失败次数';
comment on column kernel.users.locked_until is '临时锁定截止时间';
comment on column kernel.users.password_changed_at is '最近修改口令时间';
comment on column kernel.users.last_login_at is '最近登录时间';
create index users_org_idx on kernel.users(org_id);

create table kernel.sessions (
  id text primary key,
  user_id uuid not null references kernel.users(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
comment on table kernel.sessions is '工作人员会话 (Cookie 中为随机令牌，此处只存其 SHA-256 摘要)';
comment on column kernel.sessions.id is '会话令牌的 SHA-256 摘要 (十六进制)';
comment on column kernel.sessions.csrf_token is '防跨站请求伪造令牌，写请求须在 x-csrf-token 头中携带';
comment on column kernel.sessions.last_seen_at is '最近活动时间 (空闲超时依据)';
comment on column kernel.sessions.expires_at is '绝对过期时间';
comment on column kernel.sessions.ip is '登录 IP';
comment on column kernel.sessions.user_agent is '登录浏览器标识';
create index sessions_user_idx on kernel.sessions(user_id);

create table kernel.audit_log (
  seq bigint primary key,
  at timestamptz not null,
  actor_id uuid,
  actor_name text,
  action text not null,
  result text not null default 'success',
  org_id uuid,
  request_id text,
  ip text,
  target_type text,
  target_id text,
  summary jsonb not null default '{}',
  prev_hash text not null,
  hash text not null unique
);
comment on table kernel.audit_log is '审计日志：只追加，SM3 哈希链 (hash = SM3(prev_hash ‖ 规范化记录))，删改可被 audit:verify 发现';
comment on column kernel.audit_log.seq is '序号，连续递增';
comment on column kernel.audit_log.at is '发生时间';
comment on column kernel.audit_log.actor_id is '操作人账号 id (系统任务为空)';
comment on column kernel.audit_log.actor_name is '操作人登录名';
comment on column kernel.audit_log.action is '动作代码 <模块>.<对象>.<动作>';
comment on column kernel.audit_log.result is '结果 success / failure';
comment on column kernel.audit_log.org_id is '操作人所属单位 (检索范围依据)';
comment on column kernel.audit_log.request_id is '请求编号，与请求日志对应';
comment on column kernel.audit_log.ip is '来源 IP';
comment on column kernel.audit_log.target_type is '对象类型';
comment on column kernel.audit_log.target_id is '对象 id';
comment on column kernel.audit_log.summary is '变更摘要 (不含口令等秘密)';
comment on column kernel.audit_log.prev_hash is '上一条记录的哈希 (首条为 64 个 0)';
comment on column kernel.audit_log.hash is '本条记录的 SM3 哈希';
create index audit_log_at_idx on kernel.audit_log(at);
create index audit_log_org_idx on kernel.audit_log(org_id, seq);
create index audit_log_action_idx on kernel.audit_log(action);
