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
 * Parties the scope may see, each with the earliest of its registering units inside the scope. The lateral
 * join is the scope filter: a party none of whose registering units lies in the scope yields no row.
 */
const visible = (db: Kysely<Database>, scope: Scope) =>
  db.selectFrom('kernel.parties as p').innerJoinLateral(
    (eb) =>
      eb
        .selectFrom('kernel.partyUnits as pu')
        .innerJoin('kernel.orgs as o', 'o.id', 'pu.orgId')
        .select(['o.id as unitId', 'o.name as unitName'])
        .whereRef('pu.partyId', '=', 'p.id')
        .where(inScope(scope, 'pu.orgId'))
        .orderBy('pu.registeredAt')
        .limit(1)
        .as('u'),
    (join) => join.onTrue(),
  );

const rowColumns = [
  'p.id',
  'p.kind',
  'p.name',
  'p.idType',
  'p.idMasked',
  'p.phoneMasked',
  'p.phoneIndex',
  'p.uscc',
  'u.unitId as orgId',
  'u.unitName as orgName',
  'p.createdAt',
  'p.updatedAt',
] as const;

export async function findParty(db: Kysely<Database>, scope: Scope, id: string): Promise<PartyRow | undefined> {
  return visible(db, scope).select(rowColumns).where('p.id', '=', id).executeTakeFirst();
}

/** The ciphertexts of a party the scope may see (for unmasking). */
export async function findPartySecrets(db: Kysely<Database>, scope: Scope, id: string) {
  return visible(db, scope).select(['p.id', 'p.name', 'p.idCipher', 'p.idMasked', 'p.phoneCipher', 'p.phoneMasked']).where('p.id', '=', id).executeTakeFirst();
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
        ...(filter.phoneIndex !== undefined ? [eb('p.phoneIndex', '=', filter.phoneIndex)] : []),
        ...(filter.uscc !== undefined ? [eb('p.uscc', '=', filter.uscc)] : []),
      ]),
    );
  }
  const { n } = await q.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.select(rowColumns).orderBy('p.createdAt', 'desc').orderBy('p.id').offset(page.offset).limit(page.limit).execute();
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

/**
 * One statement: finds the party by its identity or inserts `row`, and records that `unitId` registered it.
 * Undefined when a concurrent registration of the same identity won the insert (its row is not in this
 * statement's snapshot); the caller then takes the slower path.
 */
export async function upsertPartyForUnit(
  db: Kysely<Database>,
  row: NewParty,
  unitId: string,
): Promise<{ id: string; name: string; phoneIndex: string | null; recognised: boolean; unitAdded: boolean } | undefined> {
  const match = row.uscc !== null ? sql`uscc = ${row.uscc}` : sql`id_type = ${row.idType} and id_index = ${row.idIndex}`;
  const conflict = row.uscc !== null ? sql`(uscc) where uscc is not null` : sql`(id_type, id_index) where id_index is not null`;
  const r = await sql<{ id: string; name: string; phoneIndex: string | null; recognised: boolean; unitAdded: boolean }>`
    with found as (select id, name, phone_index from kernel.parties where ${match}),
    ins as (
      insert into kernel.parties (id, kind, name, id_type, id_cipher, id_index, id_masked, phone_cipher, phone_index, phone_masked, uscc, org_id, created_by)
      select ${row.id}::uuid, ${row.kind}, ${row.name}, ${row.idType}::text, ${row.idCipher}::text, ${row.idIndex}::text, ${row.idMasked}::text,
             ${row.phoneCipher}::text, ${row.phoneIndex}::text, ${row.phoneMasked}::text, ${row.uscc}::text, ${row.orgId}::uuid, ${row.createdBy}::uuid
      where not exists (select 1 from found)
      on conflict ${conflict} do nothing
      returning id, name, phone_index
    ),
    p as (select id, name, phone_index, false as recognised from ins union all select id, name, phone_index, true from found),
    link as (
      insert into kernel.party_units (party_id, org_id, registered_by) select id, ${unitId}::uuid, ${row.createdBy}::uuid from p
      on conflict (party_id, org_id) do nothing returning party_id
    )
    select p.id, p.name, p.phone_index, p.recognised, exists (select 1 from link) as unit_added from p`.execute(db);
  return r.rows[0];
}

/** Records that a unit registered the party; true when the unit had not registered it before. */
export async function linkPartyUnit(db: Kysely<Database>, partyId: string, orgId: string, userId: string | null): Promise<boolean> {
  const res = await db
    .insertInto('kernel.partyUnits')
    .values({ partyId, orgId, registeredBy: userId })
    .onConflict((oc) => oc.columns(['partyId', 'orgId']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function updatePartyPhone(
  db: Kysely<Database>,
  id: string,
  phone: { phoneCipher: string; phoneIndex: string; phoneMasked: string },
): Promise<void> {
  await db
    .updateTable('kernel.parties')
    .set({ ...phone, updatedAt: sql`now()` })
    .where('id', '=', id)
    .execute();
}
