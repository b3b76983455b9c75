import { sql, type ColumnType, type Kysely, type Updateable } from 'kysely';
import type { Database } from '@sifa/kernel';

/** The SQL of dispute categories (category.ts; migrations/0008_categories.sql). */

type Ts = ColumnType<Date, Date | string | undefined, Date | string>;
type Opt<T> = ColumnType<T, T | undefined, T>;

export interface CategoriesTable {
  code: string;
  nameZh: string;
  nameEn: Opt<string | null>;
  reportAs: string;
  sortOrder: Opt<number>;
  active: Opt<boolean>;
  builtin: Opt<boolean>;
  createdAt: Ts;
  updatedAt: Ts;
}

// A type alias (not an interface) so it satisfies Kysely's Record<string, …> constraint (as schema.ts does).
export type CategoryTables = { 'mediation.categories': CategoriesTable };

const cdb = (db: Kysely<Database>) => db.$extendTables<CategoryTables>();

/** Every category, in the order the forms offer them: by sort order, then code. */
export async function selectCategories(db: Kysely<Database>) {
  return cdb(db).selectFrom('mediation.categories').selectAll().orderBy('sortOrder').orderBy('code').execute();
}

export async function findCategoryRow(db: Kysely<Database>, code: string) {
  return cdb(db).selectFrom('mediation.categories').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Another category of this Chinese name (names are unique). */
export async function nameTaken(db: Kysely<Database>, nameZh: string, except?: string) {
  let q = cdb(db).selectFrom('mediation.categories').select('code').where('nameZh', '=', nameZh);
  if (except) q = q.where('code', '<>', except);
  return q.executeTakeFirst();
}

/** Category writes one at a time: the uniqueness checks then hold until commit (a few writes a year). */
export const lockCategories = (trx: Kysely<Database>) => sql`lock table mediation.categories in share row exclusive mode`.execute(trx);

/** The largest sort order in use (null when there is no category). */
export async function lastSortOrder(db: Kysely<Database>): Promise<number | null> {
  const last = await cdb(db)
    .selectFrom('mediation.categories')
    .select((eb) => eb.fn.max('sortOrder').as('m'))
    .executeTakeFirst();
  return last?.m ?? null;
}

export async function insertCategory(db: Kysely<Database>, c: { code: string; nameZh: string; nameEn: string | null; reportAs: string; sortOrder: number }) {
  await cdb(db).insertInto('mediation.categories').values(c).execute();
}

export async function updateCategoryRow(db: Kysely<Database>, code: string, patch: Omit<Updateable<CategoriesTable>, 'code' | 'updatedAt'>, now: Date) {
  await cdb(db)
    .updateTable('mediation.categories')
    .set({ ...patch, updatedAt: now })
    .where('code', '=', code)
    .execute();
}
