-- Parties: the natural persons and organisations that matters concern, one record per identity.
create table kernel.parties (
  id uuid primary key,
  kind text not null check (kind in ('person', 'organisation')),
  name text not null,
  id_type text,
  id_cipher text,
  id_index text,
  id_masked text,
  phone_cipher text,
  phone_index text,
  phone_masked text,
  uscc text,
  org_id uuid not null references kernel.orgs(id),
  created_by uuid references kernel.users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint parties_identity_ck check (
    (kind = 'person' and id_type is not null and id_cipher is not null and id_index is not null and id_masked is not null and uscc is null)
    or (kind = 'organisation' and uscc is not null and id_type is null and id_cipher is null and id_index is null and id_masked is null)
  ),
  constraint parties_phone_ck check ((phone_cipher is null) = (phone_index is null) and (phone_index is null) = (phone_masked is null))
);
comment on table kernel.parties is '当事人：自然人与单位；同一证件 (自然人) 或同一统一社会信用代码 (单位) 只登记一次';
comment on column kernel.parties.id is '当事人编号';
comment on column kernel.parties.kind is '类别：person 自然人，organisation 单位';
comment on column kernel.parties.name is '姓名或单位名称';
comment on column kernel.parties.id_type is '证件类型 (resident-id 居民身份证, passport 护照, hk-macau-permit 港澳居民来往内地通行证, taiwan-permit 台湾居民来往大陆通行证, hmt-residence-permit 港澳台居民居住证)；单位为空';
comment on column kernel.parties.id_cipher is '证件号码密文 (SM4，带完整性校验；格式 版本.密钥标识.密文)';
comment on column kernel.parties.id_index is '证件号码盲索引 (HMAC-SM3，独立派生密钥)：识别重复登记、按号码精确查询，不可还原号码';
comment on column kernel.parties.id_masked is '证件号码脱敏显示值 (如 3607**********1237)';
comment on column kernel.parties.phone_cipher is '手机号码密文 (SM4，带完整性校验)';
comment on column kernel.parties.phone_index is '手机号码盲索引 (HMAC-SM3)：按号码精确查询';
comment on column kernel.parties.phone_masked is '手机号码脱敏显示值 (如 138****5678)';
comment on column kernel.parties.uscc is '统一社会信用代码 (GB 32100，公开信息，明文)；自然人为空';
comment on column kernel.parties.org_id is '首次登记单位';
comment on column kernel.parties.created_by is '首次登记人';
comment on column kernel.parties.created_at is '首次登记时间';
comment on column kernel.parties.updated_at is '最近修改时间';
create unique index parties_identity_uq on kernel.parties (id_type, id_index) where id_index is not null;
create unique index parties_uscc_uq on kernel.parties (uscc) where uscc is not null;
create index parties_phone_idx on kernel.parties (phone_index) where phone_index is not null;
create index parties_name_idx on kernel.parties (name text_pattern_ops);
create index parties_org_idx on kernel.parties (org_id);

-- A party registered in one county and later in another is one record seen by both: the data scope of a
-- party is the set of units that registered it, not only the first one.
create table kernel.party_units (
  party_id uuid not null references kernel.parties(id),
  org_id uuid not null references kernel.orgs(id),
  registered_by uuid references kernel.users(id),
  registered_at timestamptz not null default now(),
  primary key (party_id, org_id)
);
comment on table kernel.party_units is '当事人登记单位：登记过该当事人的单位，各单位据此在其管辖范围内看到该当事人 (数据权限依据)';
comment on column kernel.party_units.party_id is '当事人';
comment on column kernel.party_units.org_id is '登记单位';
comment on column kernel.party_units.registered_by is '该单位的登记人';
comment on column kernel.party_units.registered_at is '该单位首次登记时间';
create index party_units_org_idx on kernel.party_units (org_id, party_id);

create table kernel.matter_parties (
  matter_id uuid not null references kernel.matters(id),
  party_id uuid not null references kernel.parties(id),
  role text not null,
  added_at timestamptz not null default now(),
  primary key (matter_id, party_id, role)
);
comment on table kernel.matter_parties is '事项当事人：当事人在某一事项中的身份 (同一人可在同一事项中兼有多种身份)';
comment on column kernel.matter_parties.matter_id is '事项';
comment on column kernel.matter_parties.party_id is '当事人';
comment on column kernel.matter_parties.role is '当事人身份 (模块定义，如 applicant 申请人, respondent 被申请人, agent 代理人)';
comment on column kernel.matter_parties.added_at is '加入事项时间';
create index matter_parties_party_idx on kernel.matter_parties (party_id);
