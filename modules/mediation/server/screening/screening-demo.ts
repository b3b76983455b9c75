import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { listUnits, type Database } from '@sifa/kernel';
import type { ScreeningKind } from '../../shared/screening';
import { insertScreenings, linkDemoScreenings, type ScreeningTables } from './screening-repository';
import { rng } from '../common/demo-random';

// Village and community names of the kind found in southern Jiangxi; demo data, not a gazetteer.
const PLACES = ['东门', '水南', '高坑', '塘背', '上坪', '下坝', '新屋', '黄屋', '石门', '坳背', '长岭', '罗坑', '湖边', '田心', '桥头', '大坪'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高钟曾谢邱'.split('');
const FINDINGS = ['宅基地边界争议', '山林承包界址争议', '赡养老人分歧', '邻里排水纠纷', '拖欠务工工资', '土地流转租金争议', '婚姻家庭矛盾', '通行道路争议'];

/**
 * Screening records for a demo start: every judicial office and county bureau screens its villages, communities
 * and grids once a month (例行), before the Spring Festival and National Day (节前) and now and then on a subject
 * (专项), from 1 January to `today`. Then about two thirds of the demo disputes of source `screening` are linked to
 * the unit's latest screening on or before their registration, and each screening counts at least what it found.
 */
export async function generateScreenings(db: Kysely<Database>, opts: { today: string; seed?: number }): Promise<number> {
  const r = rng(opts.seed ?? 2026);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)] as T;
  const units = await listUnits(db, { kinds: ['judicial-office', 'county-bureau'], active: true, ordered: true });
  const [year, month, day] = opts.today.split('-').map(Number) as [number, number, number];
  const dayOf = (m: number, d: number) => `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const rows: Insertable<ScreeningTables['mediation.screenings']>[] = [];
  for (const unit of units) {
    const township = unit.name.replace(/(司法所|司法局)$/, '');
    const add = (screenedOn: string, kind: ScreeningKind) => {
      if (screenedOn > opts.today) return;
      const found = Math.floor(r() * r() * 6);
      const risk = found > 0 && r() < 0.2 ? 1 : 0;
      const area =
        unit.kind === 'county-bureau'
          ? `${township}各乡镇（街道）`
          : `${township}${pick(PLACES)}${r() < 0.4 ? '社区' : '村'}${r() < 0.5 ? `第${1 + Math.floor(r() * 6)}网格` : ''}`;
      const findings = Array.from({ length: found }, (_, i) => `${i + 1}. ${pick(SURNAMES)}某与${pick(SURNAMES)}某${pick(FINDINGS)}`);
      rows.push({
        id: randomUUID(),
        orgId: unit.id,
        screenedOn,
        area,
        screeners: `${pick(SURNAMES)}司法、${pick(SURNAMES)}网格员`,
        kind,
        foundCount: found,
        riskCount: risk,
        notes: found ? `${findings.join('；')}（演示数据）` : '未发现矛盾纠纷（演示数据）',
        createdAt: new Date(`${screenedOn}T10:00:00+08:00`),
        updatedAt: new Date(`${screenedOn}T10:00:00+08:00`),
      });
    };
    for (let m = 1; m <= month; m++) add(dayOf(m, 1 + Math.floor(r() * (m === month ? Math.max(1, day) : 28))), 'routine');
    add(dayOf(1, 20 + Math.floor(r() * 8)), 'holiday'); // before the Spring Festival
    add(dayOf(9, 20 + Math.floor(r() * 8)), 'holiday'); // before National Day
    if (r() < 0.3) add(dayOf(1 + Math.floor(r() * month), 1 + Math.floor(r() * 28)), 'special');
  }
  await insertScreenings(db, rows);
  // Link two thirds of the screening-source disputes (a deterministic share by id) and keep the counts consistent.
  await linkDemoScreenings(db);
  return rows.length;
}
