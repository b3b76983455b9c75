import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { inScope, type Scope } from '../scope';

/** A party row as lists show it: no ciphertexts, and the registering unit the caller may see. */
export interface PartyRow {
  id: string;
  kind: string;
  name: string;
  idType: string | null;
  idMasked: string | null;
  phoneMasked: string | null;
  phoneIndex: string | null;
  uscc: string | null;
  orgId: string;
  orgName: string;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Parties the scope may see, each through the earliest of its registering units inside the scope — that unit's
 * record of it (migrations/0011): the name it registered the party under, the phone it was given, when it registered.
 * The lateral join is the scope filter: a party none of whose registering units lies in the scope yields no row.
 * Reading through a unit's own record is what keeps a registration by another unit from showing it anything that unit
 * did not record itself (issue #11 items 3, 4).
 */
const visible = (db: Kysely<Database>, scope: Scope) =>
  db.selectFrom('kernel.parties as p').innerJoinLateral(
    (eb) =>
      eb
        .selectFrom('kernel.partyUnits as pu')
        .innerJoin('kernel.orgs as o', 'o.id', 'pu.orgId')
        .select([
          'o.id as unitId',
          'o.name as unitName',
          'pu.name as unitPartyName',
          'pu.phoneCipher as unitPhoneCipher',
          'pu.phoneIndex as unitPhoneIndex',
          'pu.phoneMasked as unitPhoneMasked',
          'pu.registeredAt as unitRegisteredAt',
          'pu.updatedAt as unitUpdatedAt',
        ])
        .whereRef('pu.partyId', '=', 'p.id')
        .where(inScope(scope, 'pu.orgId'))
        .orderBy('pu.registeredAt')
        .limit(1)
        .as('u'),
    (join) => join.onTrue(),
  );

const shownName = sql<string>`coalesce(${sql.ref('u.unitPartyName')}, ${sql.ref('p.name')})`.as('name');

const rowColumns = [
  'p.id',
  'p.kind',
  shownName,
  'p.idType',
  'p.idMasked',
  'u.unitPhoneMasked as phoneMasked',
  'u.unitPhoneIndex as phoneIndex',
  'p.uscc',
  'u.unitId as orgId',
  'u.unitName as orgName',
  'u.unitRegisteredAt as createdAt',
  'u.unitUpdatedAt as updatedAt',
] as const;

export async function findParty(db: Kysely<Database>, scope: Scope, id: string): Promise<PartyRow | undefined> {
  return visible(db, scope).select(rowColumns).where('p.id', '=', id).executeTakeFirst();
}

/**
 * The phone of the unit record the scope reads the party through, as a matter keeps it (the same ciphertext: both are
 * bound to the identity, `contactAad`) — for a party added to a matter after its registration.
 */
export async function scopeContactOf(db: Kysely<Database>, scope: Scope, id: string): Promise<UnitContact | undefined> {
  return visible(db, scope)
    .select(['u.unitPhoneCipher as phoneCipher', 'u.unitPhoneIndex as phoneIndex', 'u.unitPhoneMasked as phoneMasked'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

/**
 * The ciphertexts of a party the scope may see (for unmasking): its ID number, and the phone of the unit record the
 * scope reads it through (`legacyPhoneCipher`: the party's own, for records older than migrations/0011).
 */
export async function findPartySecrets(db: Kysely<Database>, scope: Scope, id: string) {
  return visible(db, scope)
    .select([
      'p.id',
      shownName,
      'p.idType',
      'p.idIndex',
      'p.uscc',
      'p.idCipher',
      'p.idMasked',
      'u.unitPhoneCipher as phoneCipher',
      'u.unitPhoneMasked as phoneMasked',
      'p.phoneCipher as legacyPhoneCipher',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

/**
 * The names the scope's units registered the party under (other than `exceptUnit`'s): empty when the caller could not
 * read the party before; otherwise what it reads it as (each unit's own name for it, or the party's).
 */
export async function partyNamesIn(db: Kysely<Database>, scope: Scope, partyId: string, exceptUnit?: string): Promise<string[]> {
  let q = db
    .selectFrom('kernel.partyUnits as pu')
    .innerJoin('kernel.parties as p', 'p.id', 'pu.partyId')
    .select(sql<string>`coalesce(${sql.ref('pu.name')}, ${sql.ref('p.name')})`.as('name'))
    .where('pu.partyId', '=', partyId)
    .where(inScope(scope, 'pu.orgId'));
  if (exceptUnit) q = q.where('pu.orgId', '<>', exceptUnit);
  return (await q.execute()).map((r) => r.name);
}

/** A unit changes its own record of a party (the name it registered it under, its phone); no other unit's. */
export async function updateUnitRecord(
  db: Kysely<Database>,
  partyId: string,
  unitId: string,
  patch: { name?: string; phoneCipher?: string; phoneIndex?: string; phoneMasked?: string },
): Promise<void> {
  await db
    .updateTable('kernel.partyUnits')
    .set({ ...patch, updatedAt: sql`now()` })
    .where('partyId', '=', partyId)
    .where('orgId', '=', unitId)
    .execute();
}

/** Any of these matches: a name prefix, an ID-number or phone blind index, a social credit code. */
export interface PartyFilter {
  namePrefix?: string;
  idIndex?: string;
  phoneIndex?: string;
  uscc?: string;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listParties(
  db: Kysely<Database>,
  scope: Scope,
  filter: PartyFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: PartyRow[]; total: number }> {
  let q = visible(db, scope);
  if (Object.values(filter).some((v) => v !== undefined)) {
    q = q.where((eb) =>
      eb.or([
        ...(filter.namePrefix !== undefined ? [eb('p.name', 'like', `${escapeLike(filter.namePrefix)}%`)] : []),
        ...(filter.idIndex !== undefined ? [eb('p.idIndex', '=', filter.idIndex)] : []),
        ...(filter.phoneIndex !== undefined ? [eb('u.unitPhoneIndex', '=', filter.phoneIndex)] : []),
        ...(filter.uscc !== undefined ? [eb('p.uscc', '=', filter.uscc)] : []),
      ]),
    );
  }
  const { n } = await q.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.select(rowColumns).orderBy('u.unitRegisteredAt', 'desc').orderBy('p.id').offset(page.offset).limit(page.limit).execute();
  return { rows, total: Number(n) };
}

/**
 * The party holding an identity, wherever it was registered. Deliberately not scoped: an ID number or social
 * credit code names one person or organisation city-wide (the unique indexes are global), and the caller has
 * presented the full identifier. Returns only what recognition needs; the service links the caller's unit
 * and then reads the party back through the scoped queries.
 */
export async function findPartyByIdentity(
  db: Kysely<Database>,
  identity: { idType: string; idIndex: string } | { uscc: string },
): Promise<{ id: string; name: string; phoneIndex: string | null } | undefined> {
  const q = db.selectFrom('kernel.parties').select(['id', 'name', 'phoneIndex']);
  return (
    'uscc' in identity ? q.where('uscc', '=', identity.uscc) : q.where('idType', '=', identity.idType).where('idIndex', '=', identity.idIndex)
  ).executeTakeFirst();
}

export interface NewParty {
  id: string;
  kind: string;
  name: string;
  idType: string | null;
  idCipher: string | null;
  idIndex: string | null;
  idMasked: string | null;
  phoneCipher: string | null;
  phoneIndex: string | null;
  phoneMasked: string | null;
  uscc: string | null;
  orgId: string;
  createdBy: string | null;
}

/** What the unit's new record of a party starts with: the phone it was given (encrypted for the identity). */
export interface UnitContact {
  phoneCipher: string | null;
  phoneIndex: string | null;
  phoneMasked: string | null;
}

/**
 * One statement: finds the party by its identity or inserts `row`, and records that `unitId` registered it (a new
 * record of the unit starts with `contact`; an existing one is left as it is, and its phone index is returned).
 * Undefined when a concurrent registration of the same identity won the insert (its row is not in this statement's
 * snapshot); the caller then takes the slower path.
 */
export async function upsertPartyForUnit(
  db: Kysely<Database>,
  row: NewParty,
  unitId: string,
  contact: UnitContact,
): Promise<{ id: string; name: string; recognised: boolean; unitAdded: boolean; unitPhoneIndex: string | null } | undefined> {
  const match = row.uscc !== null ? sql`uscc = ${row.uscc}` : sql`id_type = ${row.idType} and id_index = ${row.idIndex}`;
  const conflict = row.uscc !== null ? sql`(uscc) where uscc is not null` : sql`(id_type, id_index) where id_index is not null`;
  const r = await sql<{ id: string; name: string; recognised: boolean; unitAdded: boolean; unitPhoneIndex: string | null }>`
    with found as (select id, name from kernel.parties where ${match}),
    ins as (
      insert into kernel.parties (id, kind, name, id_type, id_cipher, id_index, id_masked, phone_cipher, phone_index, phone_masked, uscc, org_id, created_by)
      select ${row.id}::uuid, ${row.kind}, ${row.name}, ${row.idType}::text, ${row.idCipher}::text, ${row.idIndex}::text, ${row.idMasked}::text,
             ${row.phoneCipher}::text, ${row.phoneIndex}::text, ${row.phoneMasked}::text, ${row.uscc}::text, ${row.orgId}::uuid, ${row.createdBy}::uuid
      where not exists (select 1 from found)
      on conflict ${conflict} do nothing
      returning id, name
    ),
    p as (select id, name, false as recognised from ins union all select id, name, true from found),
    link as (
      insert into kernel.party_units (party_id, org_id, registered_by, phone_cipher, phone_index, phone_masked)
      select id, ${unitId}::uuid, ${row.createdBy}::uuid, ${contact.phoneCipher}::text, ${contact.phoneIndex}::text, ${contact.phoneMasked}::text from p
      on conflict (party_id, org_id) do nothing returning party_id
    )
    select p.id, p.name, p.recognised, exists (select 1 from link) as unit_added,
      (select pu.phone_index from kernel.party_units pu where pu.party_id = p.id and pu.org_id = ${unitId}::uuid) as unit_phone_index
    from p`.execute(db);
  return r.rows[0];
}

/** Records that a unit registered the party; true when the unit had not registered it before. */
export async function linkPartyUnit(db: Kysely<Database>, partyId: string, orgId: string, userId: string | null, contact: UnitContact): Promise<boolean> {
  const res = await db
    .insertInto('kernel.partyUnits')
    .values({ partyId, orgId, registeredBy: userId, ...contact })
    .onConflict((oc) => oc.columns(['partyId', 'orgId']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) > 0;
}
