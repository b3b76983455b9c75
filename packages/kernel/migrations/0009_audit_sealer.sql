-- Audit entries are written unsealed, in the statement or transaction of the change they record, and a sealer
-- appends them to the hash chain after commit (ADR 0011). `id` is the order of writing; `seq`, `prev_hash` and
-- `hash` are set by the sealer, which alone moves the head (kernel.audit_head).
alter table kernel.audit_log add column id bigint;
update kernel.audit_log set id = seq;
alter table kernel.audit_log alter column id set not null;
alter table kernel.audit_log alter column id add generated always as identity;
select setval(pg_get_serial_sequence('kernel.audit_log', 'id'), (select coalesce(max(id), 0) + 1 from kernel.audit_log), false);
alter table kernel.audit_log drop constraint audit_log_pkey;
alter table kernel.audit_log add primary key (id);
alter table kernel.audit_log alter column seq drop not null;
alter table kernel.audit_log add constraint audit_log_seq_key unique (seq);
-- the chain links each hash to the one before and verification recomputes every hash: no unique index is needed
alter table kernel.audit_log drop constraint audit_log_hash_key;
alter table kernel.audit_log alter column prev_hash drop not null;
alter table kernel.audit_log alter column hash drop not null;
alter table kernel.audit_log add constraint audit_log_sealed_check check ((seq is null) = (hash is null) and (hash is null) = (prev_hash is null));
drop index kernel.audit_log_org_idx;
create index audit_log_org_idx on kernel.audit_log (org_id, id);
create index audit_log_unsealed_idx on kernel.audit_log (id) where seq is null;
comment on column kernel.audit_log.id is '写入顺序 (写入时分配)';
comment on column kernel.audit_log.seq is '审计链序号：封存时按写入顺序分配，未封存为空';
comment on table kernel.audit_head is '审计哈希链的链头 (仅一行)：最后封存记录的序号与哈希；只由封存程序更新';
