import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, pdfText, requirePoppler, sampleModule, type Agent, type TestApp } from '@sifa/testing';

const poppler = requirePoppler();
const year = Number(new Date().toLocaleString('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }));
const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
const todayZh = `${String(year)}年${String(Number(today.slice(5, 7)))}月${String(Number(today.slice(8, 10)))}日`;

const PARTY = { name: '王小明', idNumber: '360702199001010037' };

interface Doc {
  id: string;
  number: string;
  orgName: string;
  contentHash: string;
  hashAlgorithm: string;
  verifyUrl: string;
  revokedAt: string | null;
}

describe('documents: a staff member prints a notice, a citizen scans its QR code and sees it is genuine', () => {
  let t: TestApp;
  let zhanggong: Agent;
  let ningdu: Agent;
  let matterId: string;
  let matterNumber: string;
  beforeAll(async () => {
    t = await createTestApp({ modules: [sampleModule] });
    [zhanggong, ningdu] = await Promise.all([t.loginAs('zhanggong'), t.loginAs('ningdu')]);
    const m = (await zhanggong.request('POST', '/api/sample/cases', { orgId: await t.orgId('章贡区司法局'), title: '相邻关系纠纷' })).json<{
      id: string;
      number: string;
    }>();
    matterId = m.id;
    matterNumber = m.number;
    const party = await zhanggong.request('POST', '/api/parties', {
      kind: 'person',
      name: PARTY.name,
      idType: 'resident-id',
      idNumber: PARTY.idNumber,
      phone: '13907970002',
    });
    expect(party.statusCode, party.body).toBe(201);
    await t.engine.db.insertInto('kernel.matterParties').values({ matterId, partyId: party.json<{ id: string }>().id, role: 'applicant' }).execute();
  });
  afterAll(() => t.close());

  const notice = {
    kind: 'sample.acceptance-notice',
    title: '人民调解受理通知书',
    addressee: `${PARTY.name}：`,
    body: [
      `申请人${PARTY.name}（公民身份号码${PARTY.idNumber}）申请调解的相邻关系纠纷，符合受理条件，本局决定予以受理。`,
      '请于十日内携带身份证件和证据材料到本局参加调解。',
    ],
  };
  const issue = (agent: Agent, body: Record<string, unknown> = notice, id = matterId) => agent.request('POST', `/api/matters/${id}/documents`, body);
  const codeOf = (d: Doc) => d.verifyUrl.split('/verify/')[1] ?? '';

  test('issuing numbers the document, renders it and keeps its SM3 hash; the download is exactly those bytes', async () => {
    const res = await issue(zhanggong);
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json<Doc>();
    expect(d).toMatchObject({ number: `赣章文〔${String(year)}〕1号`, orgName: '章贡区司法局', hashAlgorithm: 'SM3', revokedAt: null });
    expect(d.verifyUrl).toMatch(/^http:\/\/127\.0\.0\.1:8080\/verify\/[A-Z2-7]{26}$/);

    const pdf = await zhanggong.request('GET', `/api/documents/${d.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(encodeURIComponent(`人民调解受理通知书-${d.number}.pdf`));
    expect(createHash('sm3').update(pdf.rawPayload).digest('hex')).toBe(d.contentHash);
    if (poppler) {
      const text = pdfText(pdf.rawPayload);
      for (const s of ['章贡区司法局', '人民调解受理通知书', d.number, todayZh, `${PARTY.name}：`, '扫码核验真伪']) expect(text).toContain(s);
      expect(text.replace(/\s+/g, ' ')).toContain(d.verifyUrl);
    }
    const audit = await t.engine.db.selectFrom('kernel.auditLog').select(['action', 'summary']).where('targetId', '=', d.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['kernel.document.issue', 'kernel.document.download']);
    expect(audit[0]?.summary).toMatchObject({ number: d.number, matter: matterNumber, sm3: d.contentHash });
  });

  test('the public page shows number, unit, date and hash, and nothing about the people concerned', async () => {
    const d = (await issue(zhanggong)).json<Doc>();
    const res = await t.anonymous('GET', `/api/public/documents/${codeOf(d)}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({
      number: d.number,
      issuingUnit: '章贡区司法局',
      issuedAt: today,
      kind: 'sample.acceptance-notice',
      title: '人民调解受理通知书',
      contentHash: d.contentHash,
      hashAlgorithm: 'SM3',
      revoked: false,
      revokedAt: null,
    });
    for (const secret of [PARTY.name, PARTY.idNumber, PARTY.idNumber.slice(-4), '相邻关系纠纷', matterNumber, matterId, '身份证件'])
      expect(res.body).not.toContain(secret);
    // Typed by hand: lower case and hyphens are fine.
    expect(
      (
        await t.anonymous(
          'GET',
          `/api/public/documents/${codeOf(d)
            .toLowerCase()
            .replace(/(.{5})/g, '$1-')}`,
        )
      ).statusCode,
    ).toBe(200);
  });

  test('the document kinds are the ones the modules declare, each with its module', async () => {
    const kinds = (await zhanggong.request('GET', '/api/document-kinds')).json<{ kind: string; nameZh: string; module: string }[]>();
    expect(kinds).toEqual(
      expect.arrayContaining([
        { kind: 'mediation.agreement', nameZh: '人民调解协议书', nameEn: 'People’s mediation agreement', module: 'mediation' },
        { kind: 'sample.acceptance-notice', nameZh: '受理通知书', nameEn: 'Acceptance notice', module: 'sample' },
      ]),
    );
  });

  test('an unknown or malformed code answers 404 with what the citizen can do', async () => {
    for (const code of ['AAAAAAAAAAAAAAAAAAAAAAAAAA', 'not-a-code', 'X'.repeat(90)]) {
      const res = await t.anonymous('GET', `/api/public/documents/${code}`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'VERIFY_NOT_FOUND', message: expect.stringContaining('向出具单位核实') as string });
    }
  });

  test('a revoked document shows as revoked; revoking twice is refused', async () => {
    const d = (await issue(zhanggong)).json<Doc>();
    const revoked = await zhanggong.request('POST', `/api/documents/${d.id}/revoke`, { reason: '送达地址有误，重新出具' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json<Doc>().revokedAt).not.toBeNull();
    expect((await t.anonymous('GET', `/api/public/documents/${codeOf(d)}`)).json()).toMatchObject({ number: d.number, revoked: true, revokedAt: today });
    const again = await zhanggong.request('POST', `/api/documents/${d.id}/revoke`, { reason: '再次撤销' });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ message: string }>().message).toBe(`文书 ${d.number} 已于 ${today} 撤销，不能重复撤销`);
    expect((await t.anonymous('GET', `/api/public/documents/${codeOf(d)}`)).body).not.toContain('送达地址有误');
  });

  test('another county can neither download, list, issue on nor revoke the matter’s documents', async () => {
    const d = (await issue(zhanggong)).json<Doc>();
    expect((await ningdu.request('GET', `/api/documents/${d.id}/pdf`)).statusCode).toBe(404);
    expect((await ningdu.request('GET', `/api/matters/${matterId}/documents`)).statusCode).toBe(404);
    expect((await issue(ningdu)).statusCode).toBe(404);
    expect((await ningdu.request('POST', `/api/documents/${d.id}/revoke`, { reason: '越权撤销' })).statusCode).toBe(404);
    const list = (await zhanggong.request('GET', `/api/matters/${matterId}/documents`)).json<Doc[]>();
    expect(list.map((x) => x.id)).toContain(d.id);
  });

  test('a title naming a party or carrying an ID number is refused, because the title is public', async () => {
    const named = await issue(zhanggong, { ...notice, title: `${PARTY.name}调解受理通知书` });
    expect(named.statusCode).toBe(400);
    expect(named.json<{ message: string }>().message).toBe('文书标题会在公开核验页显示，不得包含当事人姓名或名称；请只写文种名称，如“人民调解受理通知书”');
    expect((await issue(zhanggong, { ...notice, title: `受理通知书${PARTY.idNumber}` })).json()).toMatchObject({ code: 'DOCUMENT_TITLE_PERSONAL' });
  });

  test('a number given by hand is used once; the second use is refused', async () => {
    const first = await issue(zhanggong, { ...notice, number: `赣章文〔${String(year)}〕88号` });
    expect(first.json<Doc>().number).toBe(`赣章文〔${String(year)}〕88号`);
    const second = await issue(zhanggong, { ...notice, number: `赣章文〔${String(year)}〕88号` });
    expect(second.statusCode).toBe(409);
    expect(second.json<{ message: string }>().message).toContain('已被使用');
  });

  test('a number given by hand follows the kind’s format with the issuing unit’s mark and this year, nobody else’s (issue #11)', async () => {
    for (const number of [
      `赣宁文〔${String(year)}〕5号`,
      `赣章调〔${String(year)}〕89号`,
      `赣章文〔${String(year - 1)}〕90号`,
      `赣章文〔${String(year)}〕0号`,
      '随手写的编号',
    ]) {
      const res = await issue(zhanggong, { ...notice, number });
      expect(res.statusCode, number).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'DOCUMENT_NUMBER_FORMAT',
        message: `文书编号“${number}”不符合本单位本年度的编号格式，应形如“赣章文〔${String(year)}〕1号”；或留空由系统自动编号`,
      });
    }
    // the county bureau numbers for its offices: an office issues with the county's mark
    const office = await t.loginAs('office');
    const m = (await office.request('POST', '/api/sample/cases', { orgId: await t.orgId('解放街道司法所'), title: '劳务纠纷' })).json<{ id: string }>();
    expect((await issue(office, { ...notice, number: `赣章文〔${String(year)}〕4001号` }, m.id)).statusCode).toBe(201);
  });

  test('only a kind the matter’s line declares is issued; another line’s kind or an unknown one is refused with the list', async () => {
    for (const kind of ['mediation.agreement', 'sample.judgement', 'kernel.notice']) {
      const res = await issue(zhanggong, { ...notice, kind });
      expect(res.statusCode, kind).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'DOCUMENT_KIND_UNKNOWN',
        message: `文书类型“${kind}”不是本业务条线声明的文书类型；可出具的类型：sample.notice（通知书）、sample.acceptance-notice（受理通知书）`,
      });
    }
    const docs = await t.engine.db.selectFrom('kernel.documents').select('kind').where('matterId', '=', matterId).execute();
    expect(docs.map((d) => d.kind)).not.toContain('mediation.agreement');
  });

  test('the issuing unit is the matter’s unit or one above it, never a sibling or a unit outside the scope', async () => {
    const office = await t.loginAs('office');
    const officeOrg = await t.orgId('解放街道司法所');
    const m = (await office.request('POST', '/api/sample/cases', { orgId: officeOrg, title: '婚姻家庭纠纷' })).json<{ id: string }>();
    const own = (await issue(office, notice, m.id)).json<Doc>();
    expect(own.orgName).toBe('解放街道司法所');
    expect(own.number).toMatch(new RegExp(`^赣章文〔${String(year)}〕\\d+号$`)); // numbered by the county bureau's sequence
    const byCounty = await issue(zhanggong, { ...notice, issuingOrgId: await t.orgId('章贡区司法局') }, m.id);
    expect(byCounty.json<Doc>().orgName).toBe('章贡区司法局');
    const sibling = await issue(zhanggong, { ...notice, issuingOrgId: await t.orgId('章贡区法律援助中心') }, m.id);
    expect(sibling.json()).toMatchObject({ code: 'DOCUMENT_ISSUER_INVALID', message: '出具单位须为事项承办单位“解放街道司法所”或其上级单位' });
    expect((await issue(office, { ...notice, issuingOrgId: await t.orgId('章贡区司法局') }, m.id)).statusCode).toBe(404);
  });

  test('a body over 20,000 characters in all is refused with 400 and says by how much, before anything is rendered', async () => {
    const res = await issue(zhanggong, { ...notice, body: Array.from({ length: 5 }, () => '调'.repeat(4500)) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '提交的内容有误：body：文书正文共 22500 字，超过 20000 字 (约 32 页) 的上限，请精简或分为多份文书',
    });
  });

  test('a long document renders on a worker, outside the transaction: other requests are answered meanwhile', async () => {
    await issue(zhanggong); // the worker is started and has read its fonts
    const body = Array.from({ length: 4 }, (_, i) => `第${String(i + 1)}段：${'经调解，双方当事人自愿达成如下协议，并保证履行。'.repeat(190)}`);
    const state = { done: false };
    const started = performance.now();
    const issuing = issue(zhanggong, { ...notice, body }).finally(() => (state.done = true));
    const waits: number[] = [];
    while (!state.done) {
      const t0 = performance.now();
      expect((await zhanggong.request('GET', `/api/matters/${matterId}/documents`)).statusCode).toBe(200);
      waits.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 10));
    }
    const res = await issuing;
    const took = performance.now() - started;
    expect(res.statusCode, res.body).toBe(201);
    expect(took).toBeGreaterThan(250); // real rendering …
    expect(Math.max(...waits)).toBeLessThan(took / 2); // … while the list kept answering (it used to wait for all of it)
  });

  test('two documents issued at once on one unit get consecutive numbers, each printed on its own PDF', async () => {
    const [a, b] = (await Promise.all([issue(zhanggong), issue(zhanggong)])).map((r) => r.json<Doc>());
    const seq = (d: Doc | undefined) => Number(/〕(\d+)号$/.exec(d?.number ?? '')?.[1]);
    expect(Math.abs(seq(a) - seq(b))).toBe(1);
    if (poppler) {
      for (const [d, other] of [
        [a, b],
        [b, a],
      ] as const) {
        const text = pdfText((await zhanggong.request('GET', `/api/documents/${d?.id ?? ''}/pdf`)).rawPayload);
        expect(text).toContain(d?.number);
        expect(text).not.toContain(other?.number);
      }
    }
  });

  test('the public verification is rate limited per client address', async () => {
    let last = 0;
    for (let i = 0; i < 40 && last !== 429; i++) last = (await t.anonymous('GET', '/api/public/documents/AAAAAAAAAAAAAAAAAAAAAAAAAA')).statusCode;
    expect(last).toBe(429);
  });
});
