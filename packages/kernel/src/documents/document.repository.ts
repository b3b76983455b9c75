import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { inScope, type Scope } from '../scope';

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d ? iso(d) : null);

export interface DocumentRow {
  id: string;
  matterId: string;
  kind: string;
  title: string;
  number: string;
  orgId: string;
  orgName: string;
  issuedAt: string;
  contentSm3: string;
  verifyCode: string;
  storageKey: string;
  sizeBytes: number;
  issuedByName: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
  module: string;
  matterKind: string;
  matterNumber: string;
}

// A document is in the caller's scope when its matter is (the issuing unit may be a unit above the matter's).
const visible = (db: Kysely<Database>, scope: Scope) =>
  db
    .selectFrom('kernel.documents as d')
    .innerJoin('kernel.matters as m', 'm.id', 'd.matterId')
    .innerJoin('kernel.orgs as o', 'o.id', 'd.orgId')
    .leftJoin('kernel.users as u', 'u.id', 'd.issuedBy')
    .select([
      'd.id',
      'd.matterId',
      'd.kind',
      'd.title',
      'd.number',
      'd.orgId',
      'o.name as orgName',
      'd.issuedAt',
      'd.contentSm3',
      'd.verifyCode',
      'd.storageKey',
      'd.sizeBytes',
      'u.displayName as issuedByName',
      'd.revokedAt',
      'd.revokeReason',
      'm.module',
      'm.kind as matterKind',
      'm.number as matterNumber',
    ])
    .where(inScope(scope, 'm.orgId'));

type Raw = Omit<DocumentRow, 'issuedAt' | 'revokedAt'> & { issuedAt: Date; revokedAt: Date | null };
const asRow = (r: Raw): DocumentRow => ({ ...r, issuedAt: iso(r.issuedAt), revokedAt: isoOrNull(r.revokedAt) });

export async function findDocument(db: Kysely<Database>, scope: Scope, id: string, opts: { lock?: boolean } = {}): Promise<DocumentRow | undefined> {
  let q = visible(db, scope).where('d.id', '=', id);
  if (opts.lock) q = q.forUpdate('d');
  const r = await q.executeTakeFirst();
  return r ? asRow(r) : undefined;
}

export async function listDocuments(db: Kysely<Database>, scope: Scope, matterId: string): Promise<DocumentRow[]> {
  const rows = await visible(db, scope).where('d.matterId', '=', matterId).orderBy('d.issuedAt').orderBy('d.id').execute();
  return rows.map(asRow);
}

export async function numberTaken(db: Kysely<Database>, number: string): Promise<boolean> {
  return (await db.selectFrom('kernel.documents').select('id').where('number', '=', number).executeTakeFirst()) !== undefined;
}

export async function insertDocument(
  db: Kysely<Database>,
  row: {
    id: string;
    matterId: string;
    orgId: string;
    kind: string;
    title: string;
    number: string;
    issuedAt: Date;
    contentSm3: string;
    verifyCode: string;
    storageKey: string;
    sizeBytes: number;
    issuedBy: string | null;
  },
): Promise<void> {
  await db.insertInto('kernel.documents').values(row).execute();
}

export async function markRevoked(db: Kysely<Database>, id: string, reason: string, by: string | null, at: Date): Promise<void> {
  await db
    .updateTable('kernel.documents')
    .set({ revokedAt: at, revokeReason: reason, revokedBy: by })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .execute();
}

/**
 * Names of the matter's parties: a document title (shown publicly) must not contain them — the registered name and the
 * name the matter's unit registered the party under (migrations/0011), when it differs.
 */
export async function partyNamesOf(db: Kysely<Database>, matterId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('kernel.matterParties as mp')
    .innerJoin('kernel.parties as p', 'p.id', 'mp.partyId')
    .innerJoin('kernel.matters as m', 'm.id', 'mp.matterId')
    .leftJoin('kernel.partyUnits as pu', (j) => j.onRef('pu.partyId', '=', 'mp.partyId').onRef('pu.orgId', '=', 'm.orgId'))
    .select(['p.name', 'pu.name as unitName'])
    .where('mp.matterId', '=', matterId)
    .execute();
  return rows.flatMap((r) => (r.unitName ? [r.name, r.unitName] : [r.name]));
}

/**
 * The public verification lookup. Deliberately not scoped: whoever holds the 128-bit code may verify the
 * document. It selects only what the public page shows — no matter, party or body data leaves this query.
 */
export async function findForVerification(db: Kysely<Database>, verifyCode: string) {
  const r = await db
    .selectFrom('kernel.documents as d')
    .innerJoin('kernel.orgs as o', 'o.id', 'd.orgId')
    .select(['d.number', 'o.name as issuingUnit', 'd.issuedAt', 'd.kind', 'd.title', 'd.contentSm3', 'd.revokedAt'])
    .where('d.verifyCode', '=', verifyCode)
    .executeTakeFirst();
  return r ? { ...r, issuedAt: iso(r.issuedAt), revokedAt: isoOrNull(r.revokedAt) } : undefined;
}
