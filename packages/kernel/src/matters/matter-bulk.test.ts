import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDb, SAMPLE_WORKFLOW } from '@sifa/testing';
import type { Engine } from '../db/engine';
import { createFieldCrypto } from '../parties/crypto';
import { verifyAuditChain } from '../audit/audit';
import { residentIdCheckChar } from '../shared/identity';
import { openMattersBulk, type BulkMatterItem } from './matter-bulk';

const year = Number(new Date().toLocaleString('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }));
const person = (name: string, idNumber: string, phone?: string) => ({
  kind: 'person' as const,
  name,
  idType: 'resident-id' as const,
  idNumber,
  ...(phone ? { phone } : {}),
});
const ZHAO = person('赵一', '360730198506120048', '13907970001');
const QIAN = person('钱二', '360702198808081237');
const SUN = person('孙三', '360702199001011232');
const idNumber = (first17: string) => first17 + residentIdCheckChar(first17);

/** An import in rounds of two items: each round is written while the next is prepared (matter-bulk.ts). */
describe('openMattersBulk in several rounds', () => {
  let engine: Engine;
  let ctx: Parameters<typeof openMattersBulk>[0];
  let orgId: string;
  beforeAll(async () => {
    engine = await createTestDb();
    const u = await engine.db
      .selectFrom('kernel.users as u')
      .innerJoin('kernel.orgs as o', 'o.id', 'u.orgId')
      .select(['u.id', 'u.orgId', 'o.path', 'o.name'])
      .where('u.username', '=', 'zhanggong')
      .executeTakeFirstOrThrow();
    orgId = u.orgId;
    ctx = {
      db: engine.db,
      actor: { id: u.id, username: 'zhanggong', orgId: u.orgId },
      scope: { orgId: u.orgId, path: u.path },
      now: new Date(),
      user: {
        id: u.id,
        username: 'zhanggong',
        displayName: '张县局',
        orgId: u.orgId,
        orgName: u.name,
        orgPath: u.path,
        roles: ['county-staff'],
        permissions: new Set<string>(),
        sessionId: '',
        csrfToken: '',
      },
      pii: createFieldCrypto(randomBytes(32)),
    };
  });
  afterAll(() => engine.close());

  test('a party new in round one is the same party in round three; a bad item in round two is refused alone; numbers run on', async () => {
    const items: BulkMatterItem[] = [
      { title: '一', parties: [{ role: 'applicant', party: ZHAO }] },
      { title: '二', parties: [{ role: 'applicant', party: QIAN }] },
      {
        title: '三',
        parties: [
          { role: 'applicant', party: SUN },
          { role: 'respondent', party: { ...ZHAO, name: '赵壹' } },
        ],
      },
      { title: '四', parties: [{ role: 'applicant', party: QIAN }] },
      {
        title: '五',
        parties: [
          { role: 'applicant', party: SUN },
          { role: 'respondent', party: ZHAO },
        ],
      },
    ];
    const rows: string[] = [];
    const results = await openMattersBulk(ctx, SAMPLE_WORKFLOW, { orgId, items, audit: { via: 'test' }, chunk: 2 }, (_trx, opened) => {
      rows.push(...opened.map((o) => o.matter.title));
      return Promise.resolve();
    });
    expect(results.map((r) => r.ok)).toEqual([true, true, false, true, true]);
    expect(results[2]).toMatchObject({ ok: false, problems: ['当事人“赵壹”：证件号码 3607**********0048 已登记为“赵一”，与“赵壹”不一致'] });
    const numbers = results.flatMap((r) => (r.ok ? [r.matter.number] : []));
    const seqs = numbers.map((n) => Number(/〕(\d+)号$/.exec(n)?.[1]));
    expect(seqs).toEqual([seqs[0], (seqs[0] ?? 0) + 1, (seqs[0] ?? 0) + 2, (seqs[0] ?? 0) + 3]);
    expect(numbers[0]?.startsWith(`赣章样〔${year}〕`)).toBe(true);
    expect(rows).toEqual(['一', '二', '四', '五']);
    const roles = await engine.db
      .selectFrom('kernel.matterParties as mp')
      .innerJoin('kernel.matters as m', 'm.id', 'mp.matterId')
      .innerJoin('kernel.parties as p', 'p.id', 'mp.partyId')
      .select(['m.title', 'p.id', 'p.name', 'mp.role'])
      .where(
        'm.id',
        'in',
        results.flatMap((r) => (r.ok ? [r.matter.id] : [])),
      )
      .execute();
    const idOf = (name: string) => new Set(roles.filter((r) => r.name === name).map((r) => r.id));
    expect([idOf('赵一').size, idOf('钱二').size, idOf('孙三').size]).toEqual([1, 1, 1]);
    expect(roles).toHaveLength(5);
    // the party the refused item alone would have used (孙三 first appears there) is written with round three
    const audit = await engine.db.selectFrom('kernel.auditLog').select('summary').where('action', '=', 'sample.case.import').executeTakeFirstOrThrow();
    expect(audit.summary).toMatchObject({ items: 5, opened: 4, refused: 1, first: numbers[0], last: numbers[3], partiesCreated: 3, partiesRecognised: 0 });
    expect(await verifyAuditChain(engine.db)).toMatchObject({ ok: true });
  });

  test('raw inputs checked round by round: a refused one is reported with its problems and takes no number', async () => {
    const raw = ['甲', '', '乙', '丙'];
    const checkedAt: number[] = [];
    const results = await openMattersBulk(
      ctx,
      SAMPLE_WORKFLOW,
      {
        orgId,
        items: raw,
        chunk: 2,
        audit: { via: 'test-check' },
        check: (title, i) => {
          checkedAt.push(i);
          return title ? { title, parties: [{ role: 'applicant', party: QIAN }] } : { problems: ['标题为空'] };
        },
      },
      () => Promise.resolve(),
    );
    expect(checkedAt).toEqual([0, 1, 2, 3]);
    expect(results.map((r) => (r.ok ? r.matter.title : r.problems.join()))).toEqual(['甲', '标题为空', '乙', '丙']);
    const seqs = results.flatMap((r) => (r.ok ? [Number(/〕(\d+)号$/.exec(r.matter.number)?.[1])] : []));
    expect(seqs).toEqual([seqs[0], (seqs[0] ?? 0) + 1, (seqs[0] ?? 0) + 2]);
    const audit = await engine.db
      .selectFrom('kernel.auditLog')
      .select('summary')
      .where('action', '=', 'sample.case.import')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.summary).toMatchObject({ via: 'test-check', items: 4, invalid: 1, opened: 3, refused: 1 });
  });

  test('links to the unit: a new party once, a party the unit registered before not again, one registered elsewhere newly; a role named twice is one role', async () => {
    const here = person('周四', idNumber('36070219700101123'));
    const elsewhere = person('吴五', idNumber('36070219710101123'));
    const other = await engine.db.selectFrom('kernel.users').select('orgId as id').where('username', '=', 'ningdu').executeTakeFirstOrThrow();
    const city = await engine.db
      .selectFrom('kernel.orgs')
      .select(['id', 'path'])
      .orderBy(({ fn }) => fn('length', ['path']))
      .limit(1)
      .executeTakeFirstOrThrow();
    const open = (unit: string, items: BulkMatterItem[]) =>
      openMattersBulk(
        { ...ctx, scope: { orgId: city.id, path: city.path } },
        SAMPLE_WORKFLOW,
        { orgId: unit, items, audit: { via: 'test-links' }, chunk: 2 },
        () => Promise.resolve(),
      );
    await open(orgId, [{ title: '先登记', parties: [{ role: 'applicant', party: here }] }]);
    await open(other.id, [{ title: '别处登记', parties: [{ role: 'applicant', party: elsewhere }] }]);
    const fresh = person('郑六', idNumber('36070219720101123'));
    const results = await open(orgId, [
      {
        title: '甲',
        parties: [
          { role: 'applicant', party: here },
          { role: 'respondent', party: elsewhere },
        ],
      },
      {
        title: '乙',
        parties: [
          { role: 'applicant', party: fresh },
          { role: 'applicant', party: fresh },
        ],
      },
      {
        title: '丙',
        parties: [
          { role: 'applicant', party: fresh },
          { role: 'respondent', party: here },
        ],
      },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    const units = await engine.db
      .selectFrom('kernel.partyUnits as pu')
      .innerJoin('kernel.parties as p', 'p.id', 'pu.partyId')
      .select(['p.name', 'pu.orgId'])
      .where('p.name', 'in', ['周四', '吴五', '郑六'])
      .orderBy('p.name')
      .orderBy('pu.orgId')
      .execute();
    const at = (name: string) =>
      units
        .filter((u) => u.name === name)
        .map((u) => u.orgId)
        .sort();
    expect(at('周四')).toEqual([orgId]);
    expect(at('吴五')).toEqual([orgId, other.id].sort());
    expect(at('郑六')).toEqual([orgId]);
    const second = results[1];
    const roles = await engine.db
      .selectFrom('kernel.matterParties')
      .select(['role'])
      .where('matterId', '=', second?.ok ? second.matter.id : '')
      .execute();
    expect(roles).toEqual([{ role: 'applicant' }]);
  });
});
