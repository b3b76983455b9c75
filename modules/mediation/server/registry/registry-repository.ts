import { sql, type ColumnType, type Insertable, type Kysely, type Updateable } from 'kysely';
import { inScope, staffInScope, underUnit, unitSummary, type Database, type Scope } from '@sifa/kernel';
import type { CommitteeFilter, CommitteeType, MediatorFilter } from '../../shared';

type Ts = ColumnType<Date, Date | string | undefined, Date | string>;
type Opt<T> = ColumnType<T, T | undefined, T>;

export interface CommitteesTable {
  orgId: string;
  type: string;
  field: Opt<string | null>;
  establishedOn: Opt<string | null>;
  address: Opt<string | null>;
  phone: Opt<string | null>;
  multiEthnicArea: Opt<boolean>;
  notes: Opt<string | null>;
  createdAt: Ts;
  updatedAt: Ts;
}

export interface MediatorsTable {
  id: string;
  committeeOrgId: string;
  name: string;
  gender: string;
  ethnicity: Opt<string | null>;
  position: string;
  employment: string;
  termStart: Opt<string | null>;
  termEnd: Opt<string | null>;
  specialties: Opt<string[]>;
  phoneCipher: Opt<string | null>;
  phoneMasked: Opt<string | null>;
  userId: Opt<string | null>;
  active: Opt<boolean>;
  createdAt: Ts;
  updatedAt: Ts;
}

// A type alias (not an interface) so it satisfies Kysely's Record<string, …> constraint (as schema.ts does).
export type RegistryTables = {
  'mediation.committees': CommitteesTable;
  'mediation.mediators': MediatorsTable;
};

/** The kernel's database handle (or transaction) seen with the register's tables too. */
export const rdb = (db: Kysely<Database>) => db.$extendTables<RegistryTables>();

const like = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/**
 * The type of a committee unit without a register row yet (seeded, or added in 组织机构): the township committee
 * the seed puts under each judicial office (第三十四条), linked and industry committees by their names.
 */
const inferredType = sql<CommitteeType>`case
  when p.kind = 'judicial-office' and o.name = replace(p.name, '司法所', '人民调解委员会') then 'township'
  when o.name like '%法院%' or o.name like '%法庭%' then 'court-linked'
  when o.name like '%派出所%' or o.name like '%公安%' then 'police-linked'
  when o.name like '%信访%' then 'petition-linked'
  when o.name ~ '(医疗|医患|交通|劳动|物业|婚姻家庭|消费|旅游|知识产权|金融|保险|行业|专业)' then 'industry-professional'
  when o.name like '%社区%' or o.name like '%居委会%' then 'community'
  when o.name like '%村%' then 'village'
  when o.name ~ '(乡|镇|街道)人民调解委员会$' then 'township'
  when o.name ~ '(公司|企业|集团|厂|医院|学校)' then 'enterprise'
  else 'other' end`;
const typeOf = sql<CommitteeType>`coalesce(c.type, ${inferredType})`;

function committees(db: Kysely<Database>, scope: Scope) {
  return rdb(db)
    .selectFrom(unitSummary(db).as('o'))
    .leftJoin('mediation.committees as c', 'c.orgId', 'o.id')
    .leftJoin(unitSummary(db).as('p'), 'p.id', 'o.parentId')
    .where('o.kind', '=', 'mediation-committee')
    .where(inScope(scope, 'o.id'));
}

const committeeColumns = [
  'o.id',
  'o.name',
  'o.parentId',
  'p.name as parentName',
  'o.active',
  'o.divisionCode',
  'c.orgId as registeredId',
  'c.field',
  'c.establishedOn',
  'c.address',
  'c.phone',
  'c.multiEthnicArea',
  'c.notes',
] as const;

export type CommitteeRow = Awaited<ReturnType<typeof findCommittee>> & {};

function filteredCommittees(db: Kysely<Database>, scope: Scope, f: CommitteeFilter) {
  let q = committees(db, scope).where('o.active', '=', true);
  if (f.q) q = q.where('o.name', 'like', like(f.q));
  if (f.type) q = q.where(typeOf, '=', f.type);
  if (f.orgId) q = q.where(underUnit(f.orgId, 'o.path'));
  return q;
}

export async function listCommittees(db: Kysely<Database>, scope: Scope, f: CommitteeFilter, page: number, pageSize: number) {
  const [rows, count] = await Promise.all([
    filteredCommittees(db, scope, f)
      .select(committeeColumns)
      .select(typeOf.as('type'))
      // the tree's order (paths are ids): bureau-level committees first, then by unit as the org tree sorts them
      .orderBy('o.depth')
      .orderBy('p.sort')
      .orderBy('p.name')
      .orderBy('o.sort')
      .orderBy('o.name')
      .orderBy('o.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filteredCommittees(db, scope, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

export async function findCommittee(db: Kysely<Database>, scope: Scope, id: string) {
  return committees(db, scope).select(committeeColumns).select(typeOf.as('type')).where('o.id', '=', id).executeTakeFirst();
}

/** Active committees of a subtree (by path) in the caller's scope, for an import's 所属调委会 column. */
export async function committeesUnder(db: Kysely<Database>, scope: Scope, path: string) {
  return committees(db, scope).select(['o.id', 'o.name']).where('o.active', '=', true).where('o.path', 'like', `${path}%`).execute();
}

/** Units of a subtree (by path) in the caller's scope, for an import's 上级单位 column. */
export async function unitsUnder(db: Kysely<Database>, scope: Scope, path: string) {
  return db
    .selectFrom(unitSummary(db).as('o'))
    .select(['o.id', 'o.name', 'o.kind', 'o.active'])
    .where('o.path', 'like', `${path}%`)
    .where(inScope(scope, 'o.id'))
    .execute();
}

/** A sibling committee of the same name under `parentId` (any state), so names stay unique under one unit. */
export async function siblingNamed(db: Kysely<Database>, parentId: string, name: string, exceptId?: string) {
  let q = db
    .selectFrom(unitSummary(db).as('o'))
    .select(['id', 'active'])
    .where('parentId', '=', parentId)
    .where('name', '=', name)
    .where('kind', '=', 'mediation-committee');
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

const mediatorColumns = [
  'm.id',
  'm.committeeOrgId',
  'o.name as committeeName',
  'm.name',
  'm.gender',
  'm.ethnicity',
  'm.position',
  'm.employment',
  'm.termStart',
  'm.termEnd',
  'm.specialties',
  'm.phoneMasked',
  'm.userId',
  'm.active',
  'm.createdAt',
  'm.updatedAt',
  // citizens' ratings of the disputes the mediator handled (assigned by name within the committee: actions.ts assign)
  sql<number>`(select count(*)::int from mediation.ratings r join mediation.disputes d on d.id = r.dispute_id
    where d.committee_org_id = m.committee_org_id and d.mediator_name = m.name)`.as('ratingCount'),
  sql<string | null>`(select round(avg(r.score), 2)::text from mediation.ratings r join mediation.disputes d on d.id = r.dispute_id
    where d.committee_org_id = m.committee_org_id and d.mediator_name = m.name)`.as('ratingAverage'),
] as const;

function mediators(db: Kysely<Database>, scope: Scope) {
  return rdb(db)
    .selectFrom('mediation.mediators as m')
    .innerJoin(unitSummary(db).as('o'), 'o.id', 'm.committeeOrgId')
    .where(inScope(scope, 'm.committeeOrgId'));
}

export type MediatorRow = Awaited<ReturnType<typeof mediatorsOf>>[number];

/** Mediators of the given committees (all states), in position order, for the detail page and the warnings. */
export async function mediatorsOf(db: Kysely<Database>, scope: Scope, committeeIds: readonly string[]) {
  if (committeeIds.length === 0) return [];
  return mediators(db, scope)
    .select(mediatorColumns)
    .where('m.committeeOrgId', 'in', committeeIds)
    .orderBy(sql`array_position(array['director','deputy','member','hired'], m.position)`)
    .orderBy('m.createdAt')
    .execute();
}

function filteredMediators(db: Kysely<Database>, scope: Scope, f: MediatorFilter) {
  let q = mediators(db, scope);
  const status = f.status ?? 'active';
  if (status !== 'all') q = q.where('m.active', '=', status === 'active');
  if (f.q) q = q.where((eb) => eb.or([eb('m.name', 'like', like(f.q ?? '')), eb('o.name', 'like', like(f.q ?? ''))]));
  if (f.committeeOrgId) q = q.where('m.committeeOrgId', '=', f.committeeOrgId);
  if (f.position) q = q.where('m.position', '=', f.position);
  if (f.employment) q = q.where('m.employment', '=', f.employment);
  if (f.specialty) q = q.where(sql<boolean>`exists (select 1 from unnest(m.specialties) s where s like ${like(f.specialty)})`);
  if (f.orgId) q = q.where(underUnit(f.orgId, 'o.path'));
  return q;
}

export async function listMediators(db: Kysely<Database>, scope: Scope, f: MediatorFilter, page: number, pageSize: number) {
  const [rows, count] = await Promise.all([
    filteredMediators(db, scope, f)
      .select(mediatorColumns)
      .orderBy('o.name')
      .orderBy('m.committeeOrgId')
      .orderBy(sql`array_position(array['director','deputy','member','hired'], m.position)`)
      .orderBy('m.createdAt')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filteredMediators(db, scope, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}

export async function findMediator(db: Kysely<Database>, scope: Scope, id: string) {
  return mediators(db, scope).select(mediatorColumns).select('m.phoneCipher').where('m.id', '=', id).executeTakeFirst();
}

/** An active mediator of the same name on the committee: an import run twice must not register people twice. */
export async function activeNamesake(db: Kysely<Database>, committeeOrgId: string, name: string, exceptId?: string) {
  let q = rdb(db)
    .selectFrom('mediation.mediators')
    .select('id')
    .where('committeeOrgId', '=', committeeOrgId)
    .where('name', '=', name)
    .where('active', '=', true);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

/** A staff account of the caller's scope (a mediator's own account). */
export async function userInScope(db: Kysely<Database>, scope: Scope, userId: string) {
  return staffInScope(db, scope, userId);
}

export async function insertCommittee(db: Kysely<Database>, row: Insertable<CommitteesTable>) {
  await rdb(db).insertInto('mediation.committees').values(row).execute();
}

/** The register entry of a committee unit, created with `type` when it had none (a seeded or administrator's unit). */
export async function upsertCommittee(
  db: Kysely<Database>,
  orgId: string,
  type: string,
  values: Omit<Updateable<CommitteesTable>, 'orgId' | 'type'>,
  now: Date,
) {
  await rdb(db)
    .insertInto('mediation.committees')
    .values({ orgId, type, ...values })
    .onConflict((oc) => oc.column('orgId').doUpdateSet({ ...values, updatedAt: now }))
    .execute();
}

/** Mediators (500 per statement). */
export async function insertMediators(db: Kysely<Database>, rows: readonly Insertable<MediatorsTable>[]) {
  for (let i = 0; i < rows.length; i += 500)
    await rdb(db)
      .insertInto('mediation.mediators')
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function updateMediatorRow(db: Kysely<Database>, id: string, patch: Updateable<MediatorsTable>) {
  await rdb(db).updateTable('mediation.mediators').set(patch).where('id', '=', id).execute();
}

/** The scope test's snapshot (scope-fixtures.ts): every column of the mediators of these committees, as stored. */
export async function mediatorRowsOf(db: Kysely<Database>, committeeOrgIds: readonly string[]) {
  return (await sql`select * from mediation.mediators where committee_org_id = any(${committeeOrgIds}::uuid[]) order by id`.execute(db)).rows;
}

/** The scope test's snapshot (scope-fixtures.ts): every column of these units' committee rows, as stored. */
export async function committeeRowsOf(db: Kysely<Database>, orgIds: readonly string[]) {
  return (await sql`select * from mediation.committees where org_id = any(${orgIds}::uuid[]) order by org_id`.execute(db)).rows;
}
