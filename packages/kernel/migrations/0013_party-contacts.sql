-- Issue #11 items 3 and 4 (docs/adr/0018-party-records-per-unit.md): a registration that names a person another unit
-- registered links the person without changing what that unit recorded. Each registering unit keeps its own record of
-- the party — the name it registered the party under when that differs, the phone it was given, when it last changed —
-- and each matter keeps the phone given with it. A unit reads the party through its own record only, so naming a
-- known ID number reveals nothing another unit recorded, and nobody redirects another unit's matters to their phone.
alter table kernel.party_units
  add column name text,
  add column phone_cipher text,
  add column phone_index text,
  add column phone_masked text,
  add column updated_at timestamptz not null default now(),
  add constraint party_units_phone_ck check ((phone_index is null) = (phone_masked is null) and (phone_cipher is null or phone_index is not null));
comment on column kernel.party_units.name is '该单位登记的姓名或名称 (与当事人登记的名称不同时才有值；为空即 kernel.parties.name)';
comment on column kernel.party_units.phone_cipher is '该单位登记的手机号码密文 (SM4，关联数据为证件盲索引)；为空而有脱敏值的是迁移前的记录，密文在 kernel.parties';
comment on column kernel.party_units.phone_index is '该单位登记的手机号码盲索引 (HMAC-SM3)';
comment on column kernel.party_units.phone_masked is '该单位登记的手机号码脱敏显示值';
comment on column kernel.party_units.updated_at is '该单位的记录最近修改时间';

alter table kernel.matter_parties
  add column phone_cipher text,
  add column phone_index text,
  add column phone_masked text,
  add constraint matter_parties_phone_ck check ((phone_index is null) = (phone_masked is null) and (phone_cipher is null or phone_index is not null));
comment on column kernel.matter_parties.phone_cipher is '随本事项登记的联系电话密文 (SM4，关联数据为证件盲索引)；为空而有脱敏值的是迁移前的记录';
comment on column kernel.matter_parties.phone_index is '随本事项登记的联系电话盲索引：群众凭此手机号查询本事项';
comment on column kernel.matter_parties.phone_masked is '随本事项登记的联系电话脱敏显示值';

-- Before this migration every unit saw the party's one phone: each record starts with it (no unit sees more than it did).
update kernel.party_units pu
   set phone_index = p.phone_index, phone_masked = p.phone_masked, updated_at = greatest(pu.registered_at, p.updated_at)
  from kernel.parties p where p.id = pu.party_id;
update kernel.matter_parties mp set phone_index = p.phone_index, phone_masked = p.phone_masked
  from kernel.parties p where p.id = mp.party_id;

create index party_units_phone_idx on kernel.party_units (phone_index) where phone_index is not null;
create index matter_parties_phone_idx on kernel.matter_parties (phone_index) where phone_index is not null;
