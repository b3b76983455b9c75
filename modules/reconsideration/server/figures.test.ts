import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, multipartFile, type Agent, type TestApp } from '@sifa/testing';

// issue #16 items 5–6: the figures of ../shared/domain/rules.md ("Indicator formulas") from imported earlier years.
// Ganzhou's published report: 208 accepted, 195 closed — 81 upheld or rejected, 61 ended by mediation or settlement,
// 40 revoked or confirmed illegal (13 others: withdrawn or other terminations) → 93.75 %, 31.28 %, 51.79 %.

const HEAD = '案号,申请人,被申请人,申请日期,受理日期,结案日期,结案方式,行业领域';
function ganzhouCsv(): string {
  const closings = [
    ...Array<string>(41).fill('维持'),
    ...Array<string>(40).fill('驳回'),
    ...Array<string>(30).fill('调解终止'),
    ...Array<string>(31).fill('和解终止'),
    ...Array<string>(25).fill('撤销'),
    ...Array<string>(15).fill('确认违法'),
    ...Array<string>(8).fill('撤回终止'),
    ...Array<string>(5).fill('其他终止'),
    ...Array<string>(13).fill(''), // accepted, not yet closed
  ];
  const lines = closings.map((c, i) => {
    const m = String((i % 12) + 1).padStart(2, '0');
    const sector = i % 2 ? '公安' : '自然资源';
    return `赣州历史复〔2023〕${i + 1}号,申请人${i + 1},赣州市${sector}局,2023-${m}-02,2023-${m}-06,${c ? `2023-${m}-20` : ''},${c},${sector}`;
  });
  return [HEAD, ...lines].join('\r\n');
}

describe('行政复议 figures reproduce a published report from imported records', () => {
  let t: TestApp;
  let city: Agent;
  let cityOrg: string;
  beforeAll(async () => {
    t = await createTestApp();
    city = await t.loginAs('city');
    cityOrg = await t.orgId('赣州市司法局');
  });
  afterAll(() => t.close());

  test('the template lists at least the issue’s columns, with the 结案方式 drop-down', async () => {
    const res = await city.request('GET', '/api/reconsideration/cases/template.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const header = (wb.worksheets[0]?.getRow(1).values as string[]).filter(Boolean);
    for (const h of ['案号', '申请人', '被申请人', '申请日期', '受理日期', '结案日期', '结案方式'])
      expect(header.some((x) => x.replace('*', '') === h)).toBe(true);
    const formula = wb.worksheets[0]?.getCell(2, 7).dataValidation.formulae[0] as string;
    for (const c of ['维持', '驳回', '变更', '撤销', '确认违法', '责令履行', '确认无效', '调解终止', '和解终止', '撤回终止', '其他终止'])
      expect(formula).toContain(c);
  });

  test('Ganzhou: 208 accepted, 195 closed → 结案率 93.75 %, 调解率 31.28 %, 综合纠错率 51.79 % (and the rest of rules.md)', async () => {
    const { payload, headers } = multipartFile('赣州2023.csv', ganzhouCsv());
    const res = await city.request('POST', `/api/reconsideration/units/${cityOrg}/cases/import`, payload, headers);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ created: number; failed: number }>()).toMatchObject({ created: 208, failed: 0 });
    const ids = [
      'reconsideration.accepted',
      'reconsideration.closed',
      'reconsideration.closure-rate',
      'reconsideration.mediation-rate',
      'reconsideration.direct-correction-rate',
      'reconsideration.comprehensive-correction-rate',
      'reconsideration.upheld-rate',
    ];
    const figures = await city.request('GET', `/api/indicator-values?ids=${ids.join(',')}&org=${cityOrg}&from=2023-01-01&to=2023-12-31`);
    expect(figures.statusCode, figures.body).toBe(200);
    const by = Object.fromEntries(figures.json<{ id: string; value: number; numerator: number; denominator: number | null }[]>().map((f) => [f.id, f]));
    expect(by['reconsideration.accepted']).toMatchObject({ value: 208 });
    expect(by['reconsideration.closed']).toMatchObject({ value: 195 });
    expect(by['reconsideration.closure-rate']).toMatchObject({ value: 93.75, numerator: 195, denominator: 208 });
    expect(by['reconsideration.mediation-rate']).toMatchObject({ value: 31.28, numerator: 61, denominator: 195 });
    expect(by['reconsideration.comprehensive-correction-rate']).toMatchObject({ value: 51.79, numerator: 101, denominator: 195 });
    expect(by['reconsideration.direct-correction-rate']).toMatchObject({ value: 20.51, numerator: 40 });
    expect(by['reconsideration.upheld-rate']).toMatchObject({ value: 41.54, numerator: 81 });
    // a different year counts nothing: the figures count by the acceptance date
    const other = await city.request('GET', `/api/indicator-values?ids=reconsideration.accepted&org=${cityOrg}&from=2024-01-01&to=2024-12-31`);
    expect(other.json<{ value: number }[]>()[0]?.value).toBe(0);
    // by sector: each figure keeps its numerator and denominator per bucket
    const table = await city.request(
      'GET',
      `/api/indicator-breakdown?ids=reconsideration.closed,reconsideration.closure-rate&by=sector&org=${cityOrg}&from=2023-01-01&to=2023-12-31`,
    );
    expect(table.statusCode, table.body).toBe(200);
    const t2 = table.json<{ buckets: (string | null)[]; series: { id: string; total: { value: number } }[] }>();
    expect(t2.buckets.sort()).toEqual(['natural-resources', 'public-security']);
    expect(t2.series.find((s) => s.id === 'reconsideration.closure-rate')?.total.value).toBe(93.75);
  });

  test('the import reports each bad row and imports the others; a case number is never imported twice', async () => {
    const csv = [
      HEAD,
      '赣州历史复〔2023〕1号,重复,赣州市公安局,2023-01-02,2023-01-06,2023-01-20,维持,公安',
      '赣州历史复〔2022〕9号,甲,赣州市公安局,2022-05-02,2022-04-06,,,公安',
      '赣州历史复〔2022〕10号,乙,赣州市公安局,2022-05-02,2022-05-06,2022-06-01,准予,公安',
      '赣州历史复〔2022〕11号,丙,赣州市公安局,2022-05-02,2022-05-06,2022-06-01,变更,公安',
    ].join('\n');
    const { payload, headers } = multipartFile('2022.csv', csv);
    const res = await city.request('POST', `/api/reconsideration/units/${cityOrg}/cases/import`, payload, headers);
    const report = res.json<{ created: number; rows: { row: number; ok: boolean; problems: string[] }[] }>();
    expect(report.created).toBe(1);
    expect(report.rows.map((r) => [r.row, r.ok])).toEqual([
      [2, false],
      [3, false],
      [4, false],
      [5, true],
    ]);
    expect(report.rows[0]?.problems.join()).toContain('已存在');
    expect(report.rows[1]?.problems.join()).toContain('受理日期：不能早于申请日期');
    expect(report.rows[2]?.problems.join()).toContain('结案方式：“准予”无法识别');
    // a county user cannot import into the city's unit
    const zg = await t.loginAs('zhanggong');
    const refused = await zg.request('POST', `/api/reconsideration/units/${cityOrg}/cases/import`, payload, headers);
    expect(refused.statusCode).toBe(404);
  });
});
