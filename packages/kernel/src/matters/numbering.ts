import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Matter numbers per module, numbering unit and year in a configurable format, e.g. `{abbr}调〔{year}〕{seq}号`
 * → 赣章调〔2026〕123号. The numbering unit is the nearest unit at or above the matter's unit that has an
 * abbreviation (a county bureau numbers for its judicial offices), so numbers are unique and gap-free.
 */
/** A field of a number template: `{abbr}`, `{year}`, `{seq}`, optionally zero-padded (`{seq:4}`). */
export const NUMBER_FIELD = /\{(abbr|year|seq)(?::(\d))?\}/g;

export function formatNumber(template: string, v: { abbr: string; year: number; seq: number }): string {
  return template.replace(NUMBER_FIELD, (_m, key: string, pad?: string) => {
    const raw = key === 'abbr' ? v.abbr : String(key === 'year' ? v.year : v.seq);
    return pad ? raw.padStart(Number(pad), '0') : raw;
  });
}

/** The ids on a unit's path, top first; a unit without a path cannot number. */
function pathIds(orgPath: string): string[] {
  const ids = orgPath.split('/').filter(Boolean);
  if (ids.length === 0) throw new Error('单位路径为空，无法编号');
  return ids;
}

/**
 * The numbering unit of a path (one row, `id`): the nearest unit at or above the last one that has an abbreviation,
 * else the top one. Taking, peeking and checking a number all find it here.
 */
const numberingUnit = (ids: readonly string[]) =>
  sql`select coalesce((select id from kernel.orgs where id = any(${ids}::uuid[]) and abbr is not null order by depth desc limit 1), ${ids[0]}::uuid) as id`;

/**
 * Takes the next number inside the caller's transaction (the counter row is locked until it commits): one
 * statement finds the numbering unit on the matter's path and bumps its counter by `count` (a batch takes a block).
 */
export async function takeNumbers(trx: Kysely<Database>, module: string, orgPath: string, year: number, template: string, count = 1) {
  const ids = pathIds(orgPath);
  const row = await sql<{ lastSeq: number; abbr: string | null }>`
    with unit as (${numberingUnit(ids)}), bumped as (
      insert into kernel.matter_counters (module, org_id, year, last_seq) select ${module}, unit.id, ${year}, ${count} from unit
      on conflict (module, org_id, year) do update set last_seq = kernel.matter_counters.last_seq + ${count}
      returning org_id, last_seq
    )
    select bumped.last_seq, o.abbr from bumped join kernel.orgs o on o.id = bumped.org_id`.execute(trx);
  const r = row.rows[0];
  if (!r) throw new Error('取号失败');
  const first = r.lastSeq - count + 1;
  return Array.from({ length: count }, (_, i) => ({ seq: first + i, number: formatNumber(template, { abbr: r.abbr ?? '', year, seq: first + i }) }));
}

/** One number (takeNumbers with a count of one). */
export async function takeNumber(trx: Kysely<Database>, module: string, orgPath: string, year: number, template: string) {
  const [n] = await takeNumbers(trx, module, orgPath, year, template, 1);
  if (!n) throw new Error('取号失败');
  return n;
}

/** The abbreviation numbers of a unit carry: its numbering unit's (as takeNumbers finds it), or none. */
export async function numberingAbbr(db: Kysely<Database>, orgPath: string): Promise<string> {
  const row = await sql<{ abbr: string | null }>`
    with unit as (${numberingUnit(pathIds(orgPath))})
    select o.abbr from unit join kernel.orgs o on o.id = unit.id`.execute(db);
  return row.rows[0]?.abbr ?? '';
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a number given by hand follows the template for this unit and year: the literal text and the unit's
 * abbreviation exactly, any sequence — so a county cannot issue under another county's mark or another line's.
 */
export function followsTemplate(number: string, template: string, v: { abbr: string; year: number }): boolean {
  let re = '';
  let last = 0;
  for (const f of template.matchAll(NUMBER_FIELD)) {
    re += escapeRe(template.slice(last, f.index));
    re += f[1] === 'abbr' ? escapeRe(v.abbr) : f[1] === 'year' ? String(v.year) : f[2] ? `\\d{${f[2]},}` : '[1-9]\\d*';
    last = f.index + f[0].length;
  }
  re += escapeRe(template.slice(last));
  return new RegExp(`^${re}$`).test(number);
}

/** The literal part of a template (`{}调〔{}〕{}号`): two counters sharing a mark could hand out the same number. */
export const numberMark = (template: string) => template.replace(NUMBER_FIELD, '{}');

/**
 * The number `takeNumber` would give now, without taking it (nothing is written or locked). Work that prints the
 * number (a document's PDF) is done with it before the transaction; the transaction takes the number and redoes
 * the work only when another one took this number meanwhile.
 */
export async function peekNumber(db: Kysely<Database>, module: string, orgPath: string, year: number, template: string): Promise<string> {
  const ids = pathIds(orgPath);
  const row = await sql<{ nextSeq: number; abbr: string | null }>`
    with unit as (${numberingUnit(ids)})
    select coalesce((select c.last_seq from kernel.matter_counters c where c.module = ${module} and c.org_id = unit.id and c.year = ${year}), 0) + 1 as next_seq,
      o.abbr
    from unit join kernel.orgs o on o.id = unit.id`.execute(db);
  const r = row.rows[0];
  if (!r) throw new Error('取号失败');
  return formatNumber(template, { abbr: r.abbr ?? '', year, seq: r.nextSeq });
}
