import { sql, type Kysely, type RawBuilder } from 'kysely';
import { runPrepared } from '../db/prepared';
import type { Database } from '../db/schema';

/**
 * What a module reads of the kernel's data, as query parts to join into its own queries: a module's row holds only
 * its own fields (issue #10 item 3), and module code names no `kernel.` table (eslint.config.js). Each part is a
 * plain subquery, which PostgreSQL (and PGlite) pulls up into the module's query: its conditions, order and limit
 * use kernel.matters' and kernel.orgs' indexes as a hand-written join would.
 *
 *   mdb(db).selectFrom('mediation.disputes as d').innerJoin(matterSummary(db, 'mediation').as('m'), 'm.id', 'd.id')
 */

/**
 * Every matter (of `module`, when given) with what the kernel owns of it: number, title, unit (id, name, path),
 * status, outcome, version, opened and closed times. Scope it with `inScope(scope, 'm.orgId')`.
 */
export function matterSummary(db: Kysely<Database>, module?: string) {
  const q = db
    .selectFrom('kernel.matters as km')
    .innerJoin('kernel.orgs as ko', 'ko.id', 'km.orgId')
    .select([
      'km.id',
      'km.module',
      'km.kind',
      'km.number',
      'km.title',
      'km.orgId',
      'ko.name as orgName',
      'ko.path as orgPath',
      'km.status',
      'km.outcome',
      'km.version',
      'km.openedAt',
      'km.closedAt',
      'km.createdBy',
    ]);
  return module ? q.where('km.module', '=', module) : q;
}

/** Every unit (organisation) with its place in the tree, e.g. a dispute's committee: `leftJoin(unitSummary(db).as('c'), 'c.id', 'd.committeeOrgId')`. */
export function unitSummary(db: Kysely<Database>) {
  return db
    .selectFrom('kernel.orgs as ku')
    .select(['ku.id', 'ku.parentId', 'ku.path', 'ku.depth', 'ku.kind', 'ku.name', 'ku.abbr', 'ku.active', 'ku.sort', 'ku.divisionCode']);
}

/** `pathRef` (a unit's materialised path, e.g. `m.orgPath`) lies in the subtree of unit `orgId` (the unit filter of lists). */
export function underUnit(orgId: string, pathRef: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(pathRef)} like (select under_unit.path || '%' from kernel.orgs under_unit where under_unit.id = ${orgId})`;
}

/** The user `userRef` (e.g. `s.createdBy`) displays as: `select(userName('s.createdBy').as('createdByName'))`. */
export function userName(userRef: string): RawBuilder<string | null> {
  return sql<string | null>`(select user_name.display_name from kernel.users user_name where user_name.id = ${sql.ref(userRef)})`;
}

/** The nearest due date (`YYYY-MM-DD`) of the matter's open deadlines, null when none runs (a list's deadline badge). */
export function nearestDueDate(matterRef: string): RawBuilder<string | null> {
  return sql<string | null>`(select min(dl.due_date)::text from kernel.deadlines dl where dl.matter_id = ${sql.ref(matterRef)} and dl.status = 'open')`;
}

/** The reminder level of the matter's nearest open deadline (null when none runs). */
export function nearestDueLevel(matterRef: string): RawBuilder<string | null> {
  return sql<string | null>`(select dl.last_level from kernel.deadlines dl where dl.matter_id = ${sql.ref(matterRef)} and dl.status = 'open'
    order by dl.due_date limit 1)`;
}

/**
 * The ids of the matters that have a party in common with matter `matterId` — the same party, or a party given the same
 * phone (blind index) — `matterId` among them. Two lookups through matter_parties' indexes on party and on phone (issue
 * #11 item 10): a page finds such matters from these ids (`id = any(ids)`) instead of testing every matter in scope.
 */
export async function matterIdsSharingParty(db: Kysely<Database>, matterId: string): Promise<string[]> {
  // asked on every opening of a matter's page: prepared, planned once (ADR 0021)
  const query = sql<{ matterId: string }>`
    select theirs.matter_id from kernel.matter_parties mine join kernel.matter_parties theirs on theirs.party_id = mine.party_id
    where mine.matter_id = ${matterId}
    union
    select theirs.matter_id from kernel.matter_parties mine join kernel.matter_parties theirs on theirs.phone_index = mine.phone_index
    where mine.matter_id = ${matterId} and mine.phone_index is not null`.compile(db);
  const r = await runPrepared<{ matterId: string }>(db, 'matter_sharing_party', query);
  return r.rows.map((x) => x.matterId);
}

/**
 * Matter `matterRef` has a party in common with matter `matterId` — the same party, or one given the same phone
 * (blind index): earlier matters between the same people (features.md M5). To find such matters, use sharingParty.
 */
export function sharesParty(matterId: string, matterRef: string): RawBuilder<boolean> {
  return sql<boolean>`exists (
    select 1 from kernel.matter_parties mine join kernel.matter_parties theirs on theirs.matter_id = ${sql.ref(matterRef)}
    where mine.matter_id = ${matterId} and (mine.party_id = theirs.party_id or (mine.phone_index is not null and mine.phone_index = theirs.phone_index)))`;
}

/**
 * Matter `matterRef` has a party given this phone (its blind index) with it: a citizen's own matters on the portal. The
 * phone given with the matter, not the person's: registering a known person with one's own phone tracks no one else's
 * matters (issue #11 item 3).
 */
export function hasPartyPhone(matterRef: string, phoneIndex: string): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from kernel.matter_parties mp where mp.matter_id = ${sql.ref(matterRef)} and mp.phone_index = ${phoneIndex})`;
}

/**
 * The parties of a matter with their roles, in the order they were added, for a document the matter's action
 * issues (names and masked identities only). Unscoped: the caller has read the matter in its scope.
 */
export async function matterPartyNames(db: Kysely<Database>, matterId: string) {
  return (
    db
      .selectFrom('kernel.matterParties as mp')
      .innerJoin('kernel.parties as p', 'p.id', 'mp.partyId')
      .innerJoin('kernel.matters as m', 'm.id', 'mp.matterId')
      .leftJoin('kernel.partyUnits as pu', (j) => j.onRef('pu.partyId', '=', 'mp.partyId').onRef('pu.orgId', '=', 'm.orgId'))
      // the name the matter's unit registered the party under (migrations/0011)
      .select([sql<string>`coalesce(${sql.ref('pu.name')}, ${sql.ref('p.name')})`.as('name'), 'p.idMasked', 'mp.role'])
      .where('mp.matterId', '=', matterId)
      .orderBy('mp.addedAt')
      .execute()
  );
}
