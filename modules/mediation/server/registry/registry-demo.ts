import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { listUnits, type Database } from '@sifa/kernel';
import { SUGGESTED_SPECIALTIES, type MediatorPosition } from '../../shared/registry';
import { insertMediators, type RegistryTables } from './registry-repository';
import { rng } from '../common/demo-random';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高钟曾谢邱赖温'.split('');
const GIVEN = ['建国', '志强', '秀英', '桂兰', '海燕', '国华', '小红', '春梅', '德明', '丽华', '永福', '晓东', '红梅', '文斌', '玉兰', '金生'];

/**
 * A register for a demo start: every committee gets its 委员 and a few hired mediators, most of them composed as
 * 人民调解法 第八条 asks and some not (too few, no woman, a term ended, 第九条) so the warnings have something to show.
 * Phones are left empty: a demo start has no reason to invent personal data.
 */
export async function generateRegister(db: Kysely<Database>, opts: { today: string; seed?: number }): Promise<number> {
  const r = rng(opts.seed ?? 2026);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)] as T;
  const committees = await listUnits(db, { kinds: ['mediation-committee'], active: true, ordered: true });
  const year = Number(opts.today.slice(0, 4));
  const rows: Insertable<RegistryTables['mediation.mediators']>[] = [];
  for (const c of committees) {
    const members = r() < 0.08 ? 2 : 3 + Math.floor(r() * 5);
    const noWoman = r() < 0.12;
    const expired = r() < 0.1;
    // a three-year term (第九条): 1 January to 31 December two years later; an expired one ended last year or before
    const from = expired ? year - 4 : year - 1;
    const [termStart, termEnd] = [`${from}-01-01`, `${from + 2}-12-31`];
    const names = new Set<string>();
    const newName = () => {
      let n = `${pick(SURNAMES)}${pick(GIVEN)}`;
      while (names.has(n)) n = `${pick(SURNAMES)}${pick(GIVEN)}`;
      names.add(n);
      return n;
    };
    const field = c.name.includes('医疗') ? ['医疗纠纷'] : [];
    const person = (position: MediatorPosition, i: number) => ({
      id: randomUUID(),
      committeeOrgId: c.id,
      name: newName(),
      gender: !noWoman && (i === 1 || r() < 0.35) ? 'female' : 'male',
      ethnicity: r() < 0.03 ? '畲族' : '汉族',
      position,
      employment: position === 'hired' || r() < 0.2 ? 'full-time' : 'part-time',
      termStart,
      termEnd,
      specialties: [...new Set([...field, pick(SUGGESTED_SPECIALTIES), ...(r() < 0.5 ? [pick(SUGGESTED_SPECIALTIES)] : [])])],
    });
    for (let i = 0; i < members; i++) rows.push(person(i === 0 ? 'director' : i === 1 && members > 4 ? 'deputy' : 'member', i));
    const hired = Math.floor(r() * 3);
    for (let i = 0; i < hired; i++) rows.push({ ...person('hired', members + i), termStart: `${year}-01-01`, termEnd: `${year}-12-31` });
  }
  await insertMediators(db, rows);
  return rows.length;
}
