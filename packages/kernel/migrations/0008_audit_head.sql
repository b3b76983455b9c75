-- The head of the audit hash chain in one row: appending locks and bumps it in one statement (UPDATE … RETURNING
-- waits for a concurrent appender and then reads its committed head), instead of an advisory lock plus a read of
-- the last entry. ADR 0008.
create table kernel.audit_head (
  id boolean primary key default true check (id),
  seq bigint not null,
  hash text not null
);
comment on table kernel.audit_head is '审计哈希链的链头 (仅一行)：最后一条记录的序号与哈希；追加时行锁保证顺序';
comment on column kernel.audit_head.seq is '最后一条审计记录的序号';
comment on column kernel.audit_head.hash is '最后一条审计记录的 SM3 哈希 (空链为 64 个 0)';
insert into kernel.audit_head (id, seq, hash)
select true, coalesce((select max(seq) from kernel.audit_log), 0), coalesce((select hash from kernel.audit_log order by seq desc limit 1), repeat('0', 64));
