-- Attachments (files uploaded to a matter) and documents (PDFs the platform issues, with a public verification code).
-- The bytes live in the file store (`<data dir>/files/yyyy/mm/<uuid>`, or SIFA_FILES_DIR); the rows say what they are.
create table kernel.attachments (
  id uuid primary key,
  matter_id uuid not null references kernel.matters(id),
  filename text not null,
  mime text not null,
  size_bytes bigint not null check (size_bytes > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key text not null unique,
  uploaded_by uuid references kernel.users(id),
  uploaded_at timestamptz not null default now(),
  deleted_at timestamptz,
  deleted_by uuid references kernel.users(id)
);
comment on table kernel.attachments is '事项附件：上传到事项的材料 (证据、申请书、听证录音等)；文件内容存于文件存储，删除为软删除';
comment on column kernel.attachments.id is '附件编号';
comment on column kernel.attachments.matter_id is '所属事项 (数据权限随事项的承办单位)';
comment on column kernel.attachments.filename is '原文件名 (仅用于显示和下载时的文件名，不参与存储路径)';
comment on column kernel.attachments.mime is '文件类型 (按扩展名和文件头核验后由服务器确定，不采信客户端声明)';
comment on column kernel.attachments.size_bytes is '文件大小 (字节)';
comment on column kernel.attachments.sha256 is '文件内容的 SHA-256 摘要 (十六进制)，下载时据此校验文件未被篡改';
comment on column kernel.attachments.storage_key is '文件存储中的相对路径 (yyyy/mm/uuid)，由服务器生成';
comment on column kernel.attachments.uploaded_by is '上传人';
comment on column kernel.attachments.uploaded_at is '上传时间';
comment on column kernel.attachments.deleted_at is '删除时间 (软删除：记录和文件保留备查，列表和下载不再提供)';
comment on column kernel.attachments.deleted_by is '删除人';
create index attachments_matter_idx on kernel.attachments (matter_id, uploaded_at) where deleted_at is null;

create table kernel.documents (
  id uuid primary key,
  matter_id uuid not null references kernel.matters(id),
  org_id uuid not null references kernel.orgs(id),
  kind text not null,
  title text not null,
  number text not null unique,
  issued_at timestamptz not null default now(),
  content_sm3 text not null check (content_sm3 ~ '^[0-9a-f]{64}$'),
  verify_code text not null unique check (verify_code ~ '^[A-Z2-7]{26}$'),
  storage_key text not null unique,
  size_bytes bigint not null check (size_bytes > 0),
  issued_by uuid references kernel.users(id),
  revoked_at timestamptz,
  revoke_reason text,
  revoked_by uuid references kernel.users(id),
  check ((revoked_at is null) = (revoke_reason is null))
);
comment on table kernel.documents is '出具的文书：平台生成的 PDF 文书 (通知书、决定书等)，带文书编号和公开核验码';
comment on column kernel.documents.id is '文书编号 (内部)';
comment on column kernel.documents.matter_id is '所属事项 (数据权限随事项的承办单位)';
comment on column kernel.documents.org_id is '出具单位 (事项承办单位或其上级单位)，公开核验页显示其名称';
comment on column kernel.documents.kind is '文书类型代码 (模块定义，如 mediation.acceptance-notice)';
comment on column kernel.documents.title is '文书标题 (文种名称，公开核验页显示，不得含当事人信息)';
comment on column kernel.documents.number is '文书编号 (发文字号)，如 赣章文〔2026〕1号；全平台唯一';
comment on column kernel.documents.issued_at is '出具时间 (文书落款日期按 Asia/Shanghai 取日)';
comment on column kernel.documents.content_sm3 is 'PDF 文件内容的 SM3 摘要 (GB/T 32905，十六进制)，公开核验页显示，用于核对电子文件未被篡改';
comment on column kernel.documents.verify_code is '公开核验码：128 位随机数的 Base32 编码 (26 位)，二维码指向 <公网地址>/verify/<核验码>；不可猜测';
comment on column kernel.documents.storage_key is '文件存储中的相对路径 (yyyy/mm/uuid)';
comment on column kernel.documents.size_bytes is 'PDF 文件大小 (字节)';
comment on column kernel.documents.issued_by is '出具人 (经办人)';
comment on column kernel.documents.revoked_at is '撤销时间：撤销后公开核验页显示“已撤销”';
comment on column kernel.documents.revoke_reason is '撤销理由 (仅内部可见)';
comment on column kernel.documents.revoked_by is '撤销人';
create index documents_matter_idx on kernel.documents (matter_id, issued_at);
create index documents_org_idx on kernel.documents (org_id, issued_at);

comment on column kernel.matter_counters.module is '编号序列：业务模块名 (案号)，或 document:<编号格式> (文书编号：同一编号格式共用一个序列，保证不重号)';
