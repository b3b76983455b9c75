import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hasPartyPhone, matterSummary, unitSummary, type Database } from '@sifa/kernel';
import { mdb } from '../disputes/schema';

/** Judicial offices a citizen may apply to, by name of the office or its county (at most 200). */
export async function portalOffices(db: Kysely<Database>, q: string | undefined) {
  let query = db
    .selectFrom(unitSummary(db).as('o'))
    .leftJoin(unitSummary(db).as('c'), 'c.id', 'o.parentId')
    .select(['o.id', 'o.name', 'c.name as countyName'])
    .where('o.kind', '=', 'judicial-office')
    .where('o.active', '=', true);
  if (q) query = query.where((eb) => eb.or([eb('o.name', 'like', `%${q}%`), eb('c.name', 'like', `%${q}%`)]));
  // every office (a city has a few hundred): the portal groups them by county, so none is out of reach (issue #13 item 7)
  return query.orderBy('c.sort').orderBy('c.name').orderBy('o.sort').orderBy('o.name').execute();
}

/** The dispute numbered `number` if one of its parties has this phone (blind index): the citizen's own. */
export async function disputeOfPhone(db: Kysely<Database>, number: string, phoneIndex: string) {
  return mdb(db)
    .selectFrom('mediation.disputes as d')
    .innerJoin(matterSummary(db, 'mediation').as('m'), 'm.id', 'd.id')
    .select(['d.id', 'm.status', 'm.orgId'])
    .where('m.number', '=', number)
    .where(hasPartyPhone('d.id', phoneIndex))
    .executeTakeFirst();
}

export async function findRating(db: Kysely<Database>, disputeId: string, accountId: string) {
  return mdb(db)
    .selectFrom('mediation.ratings')
    .select(['score', 'comment', 'createdAt'])
    .where('disputeId', '=', disputeId)
    .where('accountId', '=', accountId)
    .executeTakeFirst();
}

/** The citizen's rating of the dispute, unless they rated it already (then undefined: one rating per dispute). */
export async function insertRating(db: Kysely<Database>, r: { disputeId: string; accountId: string; score: number; comment: string | null }) {
  return mdb(db)
    .insertInto('mediation.ratings')
    .values({ id: randomUUID(), ...r })
    .onConflict((oc) => oc.columns(['disputeId', 'accountId']).doNothing())
    .returning(['score', 'comment', 'createdAt'])
    .executeTakeFirst();
}
