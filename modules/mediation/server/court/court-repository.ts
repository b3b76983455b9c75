import type { Kysely } from 'kysely';
import { bulkInsert, type Database, type Scope } from '@sifa/kernel';
import { disputes } from '../disputes/repository';

/** A court referral's own fields; its number, title, unit, status and registration time are the matter's. */
export type CourtDisputeRow = readonly [
  id: string,
  category: string,
  source: string,
  description: string,
  courtCaseNumber: string,
  courtName: string | null,
  courtProcedure: string | null,
];

const DISPUTE_COLUMNS = [
  { name: 'id', type: 'uuid' },
  { name: 'category', type: 'text' },
  { name: 'source', type: 'text' },
  { name: 'description', type: 'text' },
  { name: 'court_case_number', type: 'text' },
  { name: 'court_name', type: 'text' },
  { name: 'court_procedure', type: 'text' },
] as const;

/** The dispute rows of an import's round, in its transaction (kernel openMattersBulk `within`). */
export async function insertCourtDisputes(trx: Kysely<Database>, rows: readonly CourtDisputeRow[]) {
  await bulkInsert(trx, 'mediation.disputes', DISPUTE_COLUMNS, rows);
}

/** Which of these case numbers are already registered in the caller's scope (5,000 per query). */
export async function registeredCaseNumbers(db: Kysely<Database>, scope: Scope, caseNumbers: readonly string[]) {
  const found = new Set<string>();
  for (let i = 0; i < caseNumbers.length; i += 5000) {
    const rows = await disputes(db, scope)
      .select('d.courtCaseNumber')
      .where('d.courtCaseNumber', 'in', caseNumbers.slice(i, i + 5000))
      .execute();
    for (const r of rows) if (r.courtCaseNumber) found.add(r.courtCaseNumber);
  }
  return found;
}

export interface CourtFilter {
  courtName?: string | undefined;
  courtCaseNumber?: string | undefined;
}

function courtLinked(db: Kysely<Database>, scope: Scope, f: CourtFilter) {
  let q = disputes(db, scope).where('d.source', 'in', ['court-delegated', 'court-entrusted', 'court-invited']).where('d.courtCaseNumber', 'is not', null);
  if (f.courtName) q = q.where('d.courtName', '=', f.courtName);
  if (f.courtCaseNumber) q = q.where('d.courtCaseNumber', '=', f.courtCaseNumber);
  return q;
}

/** How many court-linked disputes of the caller's scope the filter holds. */
export async function countCourtDisputes(db: Kysely<Database>, scope: Scope, f: CourtFilter): Promise<number> {
  const r = await courtLinked(db, scope, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return r.n;
}

/** Court-linked disputes of the caller's scope, newest first, filtered by court or case number: one page, or up to `limit`. */
export async function courtDisputes(db: Kysely<Database>, scope: Scope, f: CourtFilter, window: { limit: number; offset: number }) {
  return courtLinked(db, scope, f)
    .select([
      'd.id',
      'd.courtCaseNumber',
      'd.courtName',
      'm.number',
      'm.status',
      'm.outcome',
      'm.openedAt',
      'm.closedAt',
      'd.agreementKind',
      'd.agreementEffectiveOn',
    ])
    .orderBy('m.openedAt', 'desc')
    .orderBy('d.id')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}
