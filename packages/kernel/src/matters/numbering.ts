import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Matter numbers per module, numbering unit and year in a configurable format, e.g. `{abbr}调〔{year}〕{seq}号`
 * → 赣章调〔2026〕123号. The numbering unit is the nearest unit at or above the matter's unit that has an
 * abbreviation (a county bureau numbers for its judicial offices), so numbers are unique and gap-free.
 */
export function formatNumber(template: string, v: { abbr: string; year: number; seq: number }): string {
  return template.replace(/\{(abbr|year|seq)(?::(\d))?\}/g, (_m, key: string, pad?: string) => {
    const raw = key === 'abbr' ? v.abbr : String(key === 'year' ? v.year : v.seq);
    return pad ? raw.padStart(Number(pad), '0') : raw;
  });
}

/** Takes the next number inside the caller's transaction (the counter row is locked until it commits). */
export async function takeNumber(trx: Kysely<Database>, module: string, orgPath: string, year: number, template: string) {
  const ids = orgPath.split('/').filter(Boolean);
  const unit = await trx
    .selectFrom('kernel.orgs')
    .select(['id', 'abbr', 'depth'])
    .where('id', 'in', ids)
    .where('abbr', 'is not', null)
    .orderBy('depth', 'desc')
    .limit(1)
    .executeTakeFirst();
  const numberingOrg = unit?.id ?? ids[0];
  if (!numberingOrg) throw new Error('单位路径为空，无法编号');
  const row = await sql<{ lastSeq: number }>`
    insert into kernel.matter_counters (module, org_id, year, last_seq) values (${module}, ${numberingOrg}, ${year}, 1)
    on conflict (module, org_id, year) do update set last_seq = kernel.matter_counters.last_seq + 1
    returning last_seq`.execute(trx);
  const seq = row.rows[0]?.lastSeq;
  if (seq === undefined) throw new Error('取号失败');
  return { seq, number: formatNumber(template, { abbr: unit?.abbr ?? '', year, seq }) };
}
