import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '@sifa/testing';

const row = (caseNo: string, over: Record<string, unknown> = {}) => ({
  courtCaseNumber: caseNo,
  courtName: '章贡区人民法院',
  kind: 'court-delegated',
  category: 'contract',
  summary: '买卖合同纠纷',
  description: '买方未按约支付货款',
  parties: [{ kind: 'person', name: '钱买方', idType: 'resident-id', idNumber: '360730198506120048', role: 'applicant' }],
  ...over,
});

describe('court linkage 诉调对接: batch referrals keep the court case number; results go back to the court', () => {
  let t: TestApp;
  let zg: Agent;
  let orgId: string;
  beforeAll(async () => {
    t = await createTestApp();
    zg = await t.loginAs('zhanggong');
    orgId = await t.orgId('章贡区司法局');
  });
  afterAll(() => t.close());

  test('a batch is registered row by row: errors and repeated case numbers are reported, the rest created', async () => {
    const res = await zg.request('POST', '/api/mediation/court-referrals/batch', {
      orgId,
      rows: [row('(2026)赣0702民诉前调101号'), row('', { summary: '缺案号' }), row('(2026)赣0702民诉前调101号'), row('(2026)赣0702民初55号', { kind: 'court-entrusted', courtProcedure: 'simplified' })],
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<{ created: number; rows: { row: number; ok: boolean; number: string | null; problems: string[] }[] }>();
    expect(report.created).toBe(2);
    expect(report.rows.map((r) => r.ok)).toEqual([true, false, false, true]);
    expect(report.rows[1]?.problems.join()).toContain('请填写法院案号');
    expect(report.rows[2]?.problems.join()).toContain('已登记，不重复登记');
    expect(report.rows[0]?.number).toMatch(/^赣章调〔\d{4}〕\d+号$/);
  });

  test('the results API and the Excel for the court list case number, our number and the outcome', async () => {
    const results = (await zg.request('GET', `/api/mediation/court-results?courtCaseNumber=${encodeURIComponent('(2026)赣0702民诉前调101号')}`)).json<{ number: string; statusZh: string }[]>();
    expect(results).toEqual([expect.objectContaining({ statusZh: '已登记' })]);
    const xlsx = await zg.request('GET', '/api/mediation/court-results.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(1).getCell(1).text).toBe('法院案号');
    expect(ws?.rowCount).toBe(3);
  });

  test('a batch for another county’s unit is refused whole', async () => {
    const res = await zg.request('POST', '/api/mediation/court-referrals/batch', { orgId: await t.orgId('宁都县司法局'), rows: [row('(2026)赣0730民诉前调1号')] });
    expect(res.statusCode).toBe(404);
    expect((await t.loginAs('ningdu').then((nd) => nd.request('GET', '/api/mediation/court-results'))).json<unknown[]>()).toEqual([]);
  });
});
