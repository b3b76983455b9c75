import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import { inScope, matterSummary, nearestDueDate, nearestDueLevel, underUnit, unitSummary, type Database, type Scope } from '@sifa/kernel';
import type { Lawyer } from '../shared/lawyers';
import type { CaseDetail, CaseFilter, CaseListItem, ProgressEntry } from '../shared/schemas';
import { legalAidDb, type CasesTable, type LawyersTable } from './schema';

// Every SQL statement of the module is here; services and routes call these functions.

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const day = (d: Date | string | null) => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/** Cases with their kernel matter (`m`: number, title, unit, status, times — same id) and lawyer, in the caller's scope. */
function cases(db: Kysely<Database>, scope: Scope) {
  return legalAidDb(db)
    .selectFrom('legal_aid.cases as c')
    .innerJoin(matterSummary(db, 'legal-aid').as('m'), 'm.id', 'c.id')
    .leftJoin('legal_aid.lawyers as l', 'l.id', 'c.lawyerId')
    .where(inScope(scope, 'm.orgId'));
}

function filtered(db: Kysely<Database>, scope: Scope, f: CaseFilter) {
  let q = cases(db, scope);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    q = q.where((eb) => eb.or([eb('m.number', 'like', like), eb('m.title', 'like', like)]));
  }
  if (f.status) q = q.where('m.status', '=', f.status);
  if (f.channel) q = q.where('c.channel', '=', f.channel);
  if (f.category) q = q.where('c.category', '=', f.category);
  if (f.orgId) q = q.where(underUnit(f.orgId, 'm.orgPath'));
  return q;
}

/** A page of the caller's cases, newest first, with the nearest open deadline of each. */
export async function listCases(
  db: Kysely<Database>,
  scope: Scope,
  f: CaseFilter,
  page: number,
  pageSize: number,
): Promise<{ items: CaseListItem[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, scope, f)
      .select([
        'c.id',
        'm.number',
        'm.title',
        'm.status',
        'c.channel',
        'c.category',
        'c.eligibilityArticle',
        'l.name as lawyerName',
        'm.orgName',
        'm.openedAt',
        'm.closedAt',
      ])
      .select([nearestDueDate('c.id').as('dueDate'), nearestDueLevel('c.id').as('level')])
      .orderBy('m.openedAt', 'desc')
      .orderBy('m.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filtered(db, scope, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      status: r.status as CaseListItem['status'],
      openedAt: iso(r.openedAt) ?? '',
      closedAt: iso(r.closedAt),
      level: r.level as CaseListItem['level'],
    })),
    total: count.n,
  };
}

/** One case of the caller's scope, or undefined (a case of another county is not found, never forbidden). */
export async function findCase(db: Kysely<Database>, scope: Scope, id: string): Promise<(CaseDetail & { orgId: string }) | undefined> {
  const r = await cases(db, scope)
    .selectAll('c')
    .select(['l.name as lawyerName', 'm.number', 'm.title', 'm.status', 'm.orgId', 'm.orgName', 'm.version', 'm.openedAt', 'm.closedAt'])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    status: r.status as CaseDetail['status'],
    channel: r.channel,
    category: r.category,
    eligibilityArticle: r.eligibilityArticle,
    lawyerName: r.lawyerName,
    orgId: r.orgId,
    orgName: r.orgName,
    openedAt: iso(r.openedAt) ?? '',
    closedAt: iso(r.closedAt),
    summary: r.summary,
    eligible: r.eligible,
    meansTest: r.meansTest,
    eligibilityBasis: r.eligibilityBasis,
    priorAid: r.priorAid,
    commitment: r.commitment,
    commitmentSampled: r.commitmentSampled,
    capitalCase: r.capitalCase,
    notifiedBy: r.notifiedBy,
    notifyingOrgan: r.notifyingOrgan,
    receivedOn: day(r.receivedOn) ?? '',
    receivedAt: r.receivedAt,
    routingReason: r.routingReason,
    adverseParty: r.adverseParty,
    materialsRequested: r.materialsRequested,
    decisionReason: r.decisionReason,
    lawyerId: r.lawyerId,
    assignmentReason: r.assignmentReason,
    assignedOn: day(r.assignedAt === null ? null : (iso(r.assignedAt) ?? null)),
    sameDay: r.sameDay,
    terminationGround: r.terminationGround,
    outcome: r.outcome,
    benefitFen: r.benefitFen,
    progress: (r.progress ?? []) as ProgressEntry[],
    version: r.version,
  };
}

/** The module's row of a case as the action handlers need it (inside their transaction, after the kernel's scope check). */
export async function caseRow(db: Kysely<Database>, id: string) {
  return legalAidDb(db).selectFrom('legal_aid.cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Writes the module's fields of a case (inside an action's transaction). */
export async function updateCase(db: Kysely<Database>, id: string, patch: Updateable<CasesTable>): Promise<void> {
  await legalAidDb(db).updateTable('legal_aid.cases').set(patch).where('id', '=', id).execute();
}

/** Appends one entry to a case's progress log (司法部令第148号: meetings, file reading, hearings). */
export async function appendProgress(db: Kysely<Database>, id: string, entry: ProgressEntry): Promise<void> {
  await legalAidDb(db)
    .updateTable('legal_aid.cases')
    .set({ progress: sql`progress || ${JSON.stringify([entry])}::jsonb` })
    .where('id', '=', id)
    .execute();
}

/** The cases of a unit's subtree as stored (the scope test's snapshot of a neighbour's rows). */
export async function casesUnder(db: Kysely<Database>, ids: readonly string[]): Promise<unknown[]> {
  if (!ids.length) return [];
  return (await sql`select * from legal_aid.cases where id = any(${ids}::uuid[]) order by id`.execute(db)).rows;
}

// ——— the pool of legal-aid staff ———

function lawyers(db: Kysely<Database>, scope: Scope) {
  return legalAidDb(db)
    .selectFrom('legal_aid.lawyers as l')
    .innerJoin(unitSummary(db).as('u'), 'u.id', 'l.orgId')
    .where(inScope(scope, 'l.orgId'))
    .select([
      'l.id',
      'l.orgId',
      'u.name as orgName',
      'l.name',
      'l.kind',
      'l.firm',
      'l.practiceYears',
      'l.specialties',
      'l.phoneMasked as phone',
      'l.active',
      'l.openCases',
      'l.lastAssignedAt',
    ]);
}

type LawyerRow = Awaited<ReturnType<ReturnType<typeof lawyers>['execute']>>[number];
const toLawyer = (r: LawyerRow): Lawyer => ({ ...r, kind: r.kind as Lawyer['kind'], openCases: r.openCases, lastAssignedAt: iso(r.lastAssignedAt) });

/** A page of the pool in the caller's scope, by name; `activeOnly` for the assignment's candidates. */
export async function listLawyers(db: Kysely<Database>, scope: Scope, page: number, pageSize: number): Promise<{ items: Lawyer[]; total: number }> {
  const [rows, count] = await Promise.all([
    lawyers(db, scope)
      .orderBy('l.name')
      .orderBy('l.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    legalAidDb(db)
      .selectFrom('legal_aid.lawyers as l')
      .where(inScope(scope, 'l.orgId'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toLawyer), total: count.n };
}

/** The active pool of the caller's scope, fewest open cases first (the rotation reads at most `limit`). */
export async function activePool(db: Kysely<Database>, scope: Scope, limit = 2000): Promise<Lawyer[]> {
  const rows = await lawyers(db, scope)
    .where('l.active', '=', true)
    .orderBy('l.openCases')
    .orderBy('l.lastAssignedAt', (o) => o.nullsFirst())
    .limit(limit)
    .execute();
  return rows.map(toLawyer);
}

export async function findLawyer(db: Kysely<Database>, scope: Scope, id: string): Promise<Lawyer | undefined> {
  const r = await lawyers(db, scope).where('l.id', '=', id).executeTakeFirst();
  return r ? toLawyer(r) : undefined;
}

export async function insertLawyer(db: Kysely<Database>, row: Insertable<LawyersTable>): Promise<void> {
  await legalAidDb(db).insertInto('legal_aid.lawyers').values(row).execute();
}

/** One more (or one less) open case for a lawyer; an assignment also stamps the rotation's time. */
export async function countCase(db: Kysely<Database>, id: string, delta: 1 | -1, at?: Date): Promise<void> {
  await legalAidDb(db)
    .updateTable('legal_aid.lawyers')
    .set((eb) => ({ openCases: sql`greatest(${eb.ref('openCases')} + ${delta}, 0)`, ...(at ? { lastAssignedAt: at } : {}) }))
    .where('id', '=', id)
    .execute();
}
