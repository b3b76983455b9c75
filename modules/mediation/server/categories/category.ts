import type { Kysely } from 'kysely';
import { appendAudit, AppError, notFound, type Ctx, type Database } from '@sifa/kernel';
import { OTHER_CATEGORY } from '../../shared/categories';
import type { Category, CategoryFilter, CreateCategoryInput, UpdateCategoryInput } from '../../shared/category-schemas';
import * as repo from './category-repository';

/**
 * 纠纷类型 (issue #4 item 2; migrations/0008_categories.sql): the city's list of dispute categories, its use cases
 * and an in-process copy so that checking a registration's category costs no query (its SQL: category-repository.ts).
 */

const toCategory = (r: {
  code: string;
  nameZh: string;
  nameEn: string | null;
  reportAs: string;
  sortOrder: number;
  active: boolean;
  builtin: boolean;
  createdAt: Date | string;
  updatedAt: Date | string;
}): Category => ({
  ...r,
  createdAt: new Date(r.createdAt).toISOString(),
  updatedAt: new Date(r.updatedAt).toISOString(),
});

/** Every category, in the order the forms offer them: by sort order, then code. */
async function readCategories(db: Kysely<Database>): Promise<Category[]> {
  return (await repo.selectCategories(db)).map(toCategory);
}

// ── The in-process copy ──────────────────────────────────────────────────────────────────────────────────────
// Loaded on first use, reloaded after every write through this module, and reloaded when older than a minute, so
// a write through another process (several app processes on one PostgreSQL server) is seen within 60 s. Keyed by
// the database handle: test files run several apps, each on its own database, in one process.

/** How stale the copy may be for writes made by another process. */
export const CATEGORY_CACHE_MS = 60_000;

interface Loaded {
  at: number;
  list: readonly Category[];
  byCode: ReadonlyMap<string, Category>;
}
const copies = new WeakMap<Kysely<Database>, Promise<Loaded>>();

function load(db: Kysely<Database>): Promise<Loaded> {
  const at = Date.now();
  const p = readCategories(db).then((list) => ({ at, list, byCode: new Map(list.map((c) => [c.code, c])) }));
  copies.set(db, p);
  // A failed load is not kept: the next use tries again.
  p.catch(() => {
    if (copies.get(db) === p) copies.delete(db);
  });
  return p;
}

async function current(db: Kysely<Database>): Promise<Loaded> {
  const pending = copies.get(db);
  if (!pending) return load(db);
  const loaded = await pending;
  if (Date.now() - loaded.at < CATEGORY_CACHE_MS) return loaded;
  const now = copies.get(db);
  return now && now !== pending ? now : load(db);
}

/** All categories (inactive ones too), from the in-process copy. `db` is the app's handle, not a transaction. */
export async function cachedCategories(db: Kysely<Database>): Promise<readonly Category[]> {
  return (await current(db)).list;
}

/** The active categories, in form order. */
export async function activeCategories(db: Kysely<Database>): Promise<Category[]> {
  return (await cachedCategories(db)).filter((c) => c.active);
}

/** Code → Chinese name of every category (exports name old disputes' categories too). */
export async function categoryNames(db: Kysely<Database>): Promise<Readonly<Record<string, string>>> {
  return Object.fromEntries((await cachedCategories(db)).map((c) => [c.code, c.nameZh]));
}

/** The message for a category a new dispute may not have; `value` as the caller sent it. */
export const unknownCategory = (value: string) => `纠纷类型“${value}”不存在或已停用`;

/**
 * Refuses (400 VALIDATION_FAILED on `category`) a category that does not exist or is deactivated: service.ts
 * registerDispute checks every registration with it — staff, portal, screening — before it opens a dispute (the
 * court import checks its rows against `activeCategories`). No query unless the copy is stale.
 */
export async function assertCategory(db: Kysely<Database>, code: string): Promise<void> {
  const c = (await current(db)).byCode.get(code);
  if (c?.active) return;
  const message = unknownCategory(code);
  throw new AppError('VALIDATION_FAILED', { first: message }, [{ field: 'category', message }]);
}

// ── Use cases ────────────────────────────────────────────────────────────────────────────────────────────────

interface Problem {
  field: string;
  message: string;
}

function invalid(problems: readonly Problem[]): never {
  throw new AppError(
    'VALIDATION_FAILED',
    { first: problems[0]?.message ?? '' },
    problems.map((p) => ({ ...p })),
  );
}

/** The list as the administrator's page shows it, read from the table (not the copy: it must show the latest). */
export async function listCategories(db: Kysely<Database>, f: CategoryFilter): Promise<Category[]> {
  const q = f.q?.toLowerCase();
  const status = f.status ?? 'all';
  return (await readCategories(db)).filter(
    (c) =>
      (status === 'all' || c.active === (status === 'active')) &&
      (!q || c.code.includes(q) || c.nameZh.includes(q) || (c.nameEn ?? '').toLowerCase().includes(q)),
  );
}

async function findCategory(db: Kysely<Database>, code: string) {
  const r = await repo.findCategoryRow(db, code);
  return r ? toCategory(r) : undefined;
}

const nameTaken = repo.nameTaken;
const lockTable = repo.lockCategories;

const blank = (v: string | undefined) => (v === undefined ? undefined : v.trim() === '' ? null : v.trim());

/** A new category, active, after the last one unless an order is given. */
export async function createCategory(ctx: Ctx, input: CreateCategoryInput): Promise<Category> {
  await ctx.db.transaction().execute(async (trx) => {
    await lockTable(trx);
    const problems: Problem[] = [];
    if (await findCategory(trx, input.code)) problems.push({ field: 'code', message: `类型代码“${input.code}”已被使用，请换一个` });
    const same = await nameTaken(trx, input.nameZh);
    if (same) problems.push({ field: 'nameZh', message: `已有名为“${input.nameZh}”的纠纷类型 (代码 ${same.code})` });
    if (problems.length) invalid(problems);
    const sortOrder = input.sortOrder ?? ((await repo.lastSortOrder(trx)) ?? 0) + 10;
    const nameEn = blank(input.nameEn) ?? null;
    await repo.insertCategory(trx, { code: input.code, nameZh: input.nameZh, nameEn, reportAs: input.reportAs, sortOrder });
    await appendAudit(trx, ctx.actor, {
      action: 'mediation.category.create',
      targetType: 'category',
      targetId: input.code,
      summary: { nameZh: input.nameZh, nameEn, reportAs: input.reportAs, sortOrder },
    });
  });
  await load(ctx.db);
  return getCategory(ctx.db, input.code);
}

export async function getCategory(db: Kysely<Database>, code: string): Promise<Category> {
  const c = await findCategory(db, code);
  if (!c) throw notFound(`纠纷类型“${code}”`);
  return c;
}

/**
 * Changes labels, statistical category, order or status. The code never changes (disputes and indicators keep
 * it); a built-in category reports as itself; 其他 stays active so that every dispute has a category to fall on.
 */
export async function updateCategory(ctx: Ctx, code: string, input: UpdateCategoryInput): Promise<Category> {
  await ctx.db.transaction().execute(async (trx) => {
    await lockTable(trx);
    const before = await getCategory(trx, code);
    const problems: Problem[] = [];
    if (input.code !== undefined && input.code !== code) {
      problems.push({ field: 'code', message: before.builtin ? '内置纠纷类型的代码不能修改' : '类型代码创建后不能修改 (已登记的纠纷和统计按代码记录)' });
    }
    if (before.builtin && input.reportAs !== undefined && input.reportAs !== code) {
      problems.push({ field: 'reportAs', message: `内置纠纷类型“${before.nameZh}”按自身统计，统计归类不能修改` });
    }
    if (input.nameZh !== undefined && input.nameZh !== before.nameZh) {
      const same = await nameTaken(trx, input.nameZh, code);
      if (same) problems.push({ field: 'nameZh', message: `已有名为“${input.nameZh}”的纠纷类型 (代码 ${same.code})` });
    }
    if (code === OTHER_CATEGORY && input.active === false) problems.push({ field: 'active', message: '“其他”类型不能停用：任何纠纷都须能归入一类' });
    if (problems.length) invalid(problems);
    const patch = {
      ...(input.nameZh !== undefined ? { nameZh: input.nameZh } : {}),
      ...(input.nameEn !== undefined ? { nameEn: blank(input.nameEn) } : {}),
      ...(input.reportAs !== undefined ? { reportAs: input.reportAs } : {}),
      ...(input.sortOrder !== undefined ? { sortOrder: input.sortOrder } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    };
    await repo.updateCategoryRow(trx, code, patch, ctx.now);
    // Switching a category on or off is audited as such; anything else as an edit with what it was.
    const onlyStatus = Object.keys(patch).length === 1 && patch.active !== undefined;
    const action = onlyStatus ? (patch.active ? 'mediation.category.activate' : 'mediation.category.deactivate') : 'mediation.category.update';
    const was = { nameZh: before.nameZh, nameEn: before.nameEn, reportAs: before.reportAs, sortOrder: before.sortOrder, active: before.active };
    await appendAudit(trx, ctx.actor, { action, targetType: 'category', targetId: code, summary: { nameZh: before.nameZh, before: was, after: patch } });
  });
  await load(ctx.db);
  return getCategory(ctx.db, code);
}
