import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { bulkInsert, listUnits, reserveNumbers, seedMatters, type BulkColumn, type Database, type SeedAction, type SeedMatter } from '@sifa/kernel';
import { STANDARD_CATEGORY_CODES, type DisputeSource, type StandardCategory } from '../../shared/categories';
import type { MediationTables } from './schema';
import { rng } from '../common/demo-random';

// Rough shares of the monthly statistics bureaus publish (features.md M6); neighbour and family disputes lead. The
// demo uses the standard categories only: they are the built-in rows of every database, so the sample is the same
// whatever categories an administrator has added.
const CATEGORY_WEIGHTS: Partial<Record<StandardCategory, number>> = {
  'marriage-family': 18,
  neighbour: 22,
  'housing-homestead': 9,
  contract: 7,
  business: 3,
  damages: 8,
  'forest-land': 6,
  'expropriation-demolition': 2,
  environment: 1,
  labour: 5,
  consumer: 3,
  medical: 2,
  traffic: 6,
  property: 4,
  other: 4,
};
const SOURCE_WEIGHTS: [DisputeSource, number][] = [
  ['window', 38],
  ['phone', 10],
  ['portal', 7],
  ['screening', 30],
  ['court-delegated', 8],
  ['court-entrusted', 3],
  ['petition', 2],
  ['police', 2],
];
const TITLES: Partial<Record<StandardCategory, string[]>> = {
  'marriage-family': ['赡养费纠纷', '离婚财产分割纠纷', '抚养费纠纷'],
  neighbour: ['排水沟堵塞纠纷', '通行纠纷', '噪音扰邻纠纷', '围墙边界纠纷'],
  'housing-homestead': ['宅基地界址纠纷', '房屋漏水纠纷'],
  'forest-land': ['山林权属纠纷', '承包地边界纠纷'],
  traffic: ['交通事故赔偿纠纷'],
  labour: ['拖欠工资纠纷', '工伤赔偿纠纷'],
  damages: ['人身损害赔偿纠纷', '财产损害赔偿纠纷'],
};
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高钟曾谢邱'.split('');

function pick<T>(r: () => number, weighted: [T, number][]): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of weighted) if ((x -= w) < 0) return v;
  return weighted[weighted.length - 1]?.[0] as T;
}

type Col<T> = readonly [string, keyof T & string, BulkColumn['type']];
const columnsOf = <T>(cols: readonly Col<T>[]): BulkColumn[] => cols.map(([name, , type]) => ({ name, type }));
const DISPUTE_COLUMNS: readonly Col<Insertable<MediationTables['mediation.disputes']>>[] = [
  ['id', 'id', 'uuid'],
  ['category', 'category', 'text'],
  ['source', 'source', 'text'],
  ['description', 'description', 'text'],
  ['committee_org_id', 'committeeOrgId', 'uuid'],
  ['mediator_name', 'mediatorName', 'text'],
  ['accepted_at', 'acceptedAt', 'timestamptz'],
  ['assigned_at', 'assignedAt', 'timestamptz'],
  ['agreed_at', 'agreedAt', 'timestamptz'],
  ['agreement_kind', 'agreementKind', 'text'],
  ['court_case_number', 'courtCaseNumber', 'text'],
  ['court_procedure', 'courtProcedure', 'text'],
  ['at_risk', 'atRisk', 'boolean'],
  ['agreement_amount_fen', 'agreementAmountFen', 'bigint'],
  ['prevented_criminal', 'preventedCriminal', 'boolean'],
  ['prevented_mass_petition', 'preventedMassPetition', 'boolean'],
  ['persons_involved', 'personsInvolved', 'int'],
];
export interface DemoOptions {
  count: number;
  /** Disputes are spread over this calendar year, up to `until` (the demo's "now", from the seed's clock; the whole year without it). */
  year: number;
  until?: Date;
  seed?: number;
}

/**
 * Inserts `count` disputes of a realistic year straight into the tables (no service calls: fast enough for
 * 40,000 or 10^6 rows in benchmarks): spread over the city's judicial offices and county bureaus, categories,
 * sources and states — about 95% of accepted disputes end in agreement (Ganzhou 2024: 95.3%).
 */
export async function generateDisputes(db: Kysely<Database>, opts: DemoOptions): Promise<number> {
  const r = rng(opts.seed ?? 2026);
  // the monthly report's figures from a stream of their own, so the rest of a seeded year stays as it was
  const m6 = rng((opts.seed ?? 2026) + 1);
  const units = await listUnits(db, { kinds: ['judicial-office', 'county-bureau'], active: true });
  const committees = await listUnits(db, { kinds: ['mediation-committee'] });
  const committeeOf = new Map(committees.map((c) => [c.parentId, c.id]));
  const abbrs = new Map((await listUnits(db, { withAbbr: true })).map((o) => [o.id, o.abbr ?? '']));
  const numbering = (path: string) => [...path.split('/').filter(Boolean)].reverse().find((id) => abbrs.has(id)) ?? '';
  const counters = new Map<string, number>();
  const start = Date.UTC(opts.year, 0, 1) - 8 * 3_600_000;
  const end = Math.min(opts.until?.getTime() ?? Number.POSITIVE_INFINITY, Date.UTC(opts.year + 1, 0, 1) - 8 * 3_600_000);
  const categories = STANDARD_CATEGORY_CODES.map((c) => [c, CATEGORY_WEIGHTS[c] ?? 1] as [StandardCategory, number]);
  const actor = 'demo';
  let made = 0;
  while (made < opts.count) {
    const batch = Math.min(5000, opts.count - made);
    const matters: SeedMatter[] = [];
    const disputes: Insertable<MediationTables['mediation.disputes']>[] = [];
    const actions: SeedAction[] = [];
    for (let i = 0; i < batch; i++) {
      const unit = units[Math.floor(r() * units.length)];
      if (!unit) throw new Error('没有可用的司法所或县局');
      const numberingOrg = numbering(unit.path);
      const seq = (counters.get(numberingOrg) ?? 0) + 1;
      counters.set(numberingOrg, seq);
      const id = randomUUID();
      const category = pick(r, categories);
      const source = pick(r, SOURCE_WEIGHTS);
      const registered = new Date(start + r() * (end - start));
      const age = (end - registered.getTime()) / 86_400_000;
      const accepted = r() < 0.985 ? new Date(registered.getTime() + r() * 86_400_000) : null;
      const days = 1 + Math.floor(r() * r() * 40);
      const done = accepted && age > days ? new Date(accepted.getTime() + days * 86_400_000) : null;
      const success = r() < 0.953;
      // registered in the last hours and accepted "later": still waiting to be accepted now (the workbench's 待受理)
      const pending = accepted !== null && accepted.getTime() > (opts.until?.getTime() ?? Number.POSITIVE_INFINITY);
      const status = pending ? 'registered' : !accepted ? 'declined' : !done ? (age < 2 ? 'accepted' : 'mediating') : success ? 'agreed' : 'failed';
      const number = `${abbrs.get(numberingOrg) ?? ''}调〔${opts.year}〕${seq}号`;
      const titles = TITLES[category] ?? ['纠纷'];
      const title = `${SURNAMES[Math.floor(r() * SURNAMES.length)] ?? '王'}某与${SURNAMES[Math.floor(r() * SURNAMES.length)] ?? '李'}某${titles[Math.floor(r() * titles.length)] ?? '纠纷'}`;
      const closedAt = status === 'declined' ? registered : done;
      const outcome = status === 'agreed' ? 'success' : status === 'failed' ? 'failed' : status === 'declined' ? 'declined' : null;
      matters.push({ id, kind: 'dispute', number, year: opts.year, seq, orgId: unit.id, status, title, outcome, openedAt: registered, closedAt });
      disputes.push({
        id,
        category,
        source,
        description: `${title}（演示数据）`,
        committeeOrgId: accepted ? (committeeOf.get(unit.id) ?? null) : null,
        mediatorName: accepted ? `${SURNAMES[Math.floor(r() * SURNAMES.length)] ?? '刘'}调解员` : null,
        acceptedAt: accepted,
        assignedAt: accepted,
        agreedAt: status === 'agreed' ? done : null,
        agreementKind: status === 'agreed' ? (r() < 0.8 ? 'written' : 'oral') : null,
        courtCaseNumber: source.startsWith('court-') ? `(${opts.year})赣07民诉前调${seq}号` : null,
        courtProcedure: source === 'court-entrusted' ? 'ordinary' : null,
        atRisk: !closedAt && r() < 0.05,
        ...monthlyReportFigures(m6, status === 'agreed'),
        ...(pending ? { committeeOrgId: null, mediatorName: null, acceptedAt: null, assignedAt: null } : {}),
      });
      actions.push({
        matterId: id,
        action: 'register',
        fromStatus: null,
        toStatus: 'registered',
        actorName: actor,
        at: registered,
        data: { source, category },
      });
      if (!pending)
        actions.push({
          matterId: id,
          action: status === 'declined' ? 'decline' : 'accept',
          fromStatus: 'registered',
          toStatus: status === 'declined' ? 'declined' : 'accepted',
          actorName: actor,
          at: accepted ?? registered,
        });
    }
    await db.transaction().execute(async (trx) => {
      await seedMatters(trx, 'mediation', matters, actions);
      await bulkInsert(
        trx,
        'mediation.disputes',
        columnsOf(DISPUTE_COLUMNS),
        disputes.map((d) => DISPUTE_COLUMNS.map(([, k]) => d[k])),
      );
    });
    made += batch;
  }
  // New registrations continue after the demo numbers.
  for (const [orgId, last] of counters) await reserveNumbers(db, { module: 'mediation', unitId: orgId, year: opts.year, lastSeq: last });
  return made;
}

/**
 * An agreement's amount and the monthly report's 防止民转刑 / 防止群体性上访 (features.md M6): most agreements name
 * an amount (¥200 to ¥500,000, most of them small); about 3% prevent a criminal case (2–6 persons) and 1% a mass
 * petition (5–40 persons).
 */
function monthlyReportFigures(r: () => number, agreed: boolean) {
  if (!agreed) return { agreementAmountFen: null, preventedCriminal: false, preventedMassPetition: false, personsInvolved: null };
  const amount = r() < 0.7 ? Math.round(200 * Math.pow(2500, r() * r())) * 100 : null;
  const criminal = r() < 0.03;
  const petition = !criminal && r() < 0.01;
  const persons = criminal ? 2 + Math.floor(r() * 5) : petition ? 5 + Math.floor(r() * 36) : null;
  return { agreementAmountFen: amount, preventedCriminal: criminal, preventedMassPetition: petition, personsInvolved: persons };
}
