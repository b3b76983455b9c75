import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, handmadeXlsx, multipartFile, type Agent, type TestApp } from '@sifa/testing';

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
      rows: [
        row('(2026)赣0702民诉前调101号'),
        row('', { summary: '缺案号' }),
        row('(2026)赣0702民诉前调101号'),
        row('(2026)赣0702民初55号', { kind: 'court-entrusted', courtProcedure: 'simplified' }),
      ],
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
    const results = (await zg.request('GET', `/api/mediation/court-results?courtCaseNumber=${encodeURIComponent('(2026)赣0702民诉前调101号')}`)).json<{
      items: { number: string; statusZh: string }[];
      total: number;
    }>();
    expect(results.items).toEqual([expect.objectContaining({ statusZh: '已登记' })]);
    expect(results.total).toBe(1);
    // pages of the whole list, newest first, with the total
    const first = (await zg.request('GET', '/api/mediation/court-results?pageSize=1')).json<{
      items: { courtCaseNumber: string }[];
      total: number;
      page: number;
    }>();
    const second = (await zg.request('GET', '/api/mediation/court-results?pageSize=1&page=2')).json<{ items: { courtCaseNumber: string }[]; total: number }>();
    expect([first.total, first.page, first.items.length, second.items.length]).toEqual([2, 1, 1, 1]);
    expect(first.items[0]?.courtCaseNumber).not.toBe(second.items[0]?.courtCaseNumber);
    const xlsx = await zg.request('GET', '/api/mediation/court-results.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(1).getCell(1).text).toBe('法院案号');
    expect(ws?.rowCount).toBe(3);
  });

  test('a batch for another county’s unit is refused whole', async () => {
    const res = await zg.request('POST', '/api/mediation/court-referrals/batch', {
      orgId: await t.orgId('宁都县司法局'),
      rows: [row('(2026)赣0730民诉前调1号')],
    });
    expect(res.statusCode).toBe(404);
    expect((await t.loginAs('ningdu').then((nd) => nd.request('GET', '/api/mediation/court-results'))).json<{ items: unknown[] }>().items).toEqual([]);
  });

  const upload = (name: string, content: Buffer | string) => {
    const { payload, headers } = multipartFile(name, content);
    return zg.request('POST', `/api/mediation/units/${orgId}/court-referrals/import`, payload, headers);
  };
  type Report = { created: number; rows: { row: number; courtCaseNumber: string | null; ok: boolean; number: string | null; problems: string[] }[] };

  test('a CSV from the court is imported in one go: the sheet’s row numbers, one party per identity, names checked, one audit entry', async () => {
    const csv = [
      '法院案号,法院,调解类型,适用程序,纠纷类型,纠纷名称,纠纷情况,申请人,申请人证件号码,申请人电话,被申请人,被申请人证件类型,被申请人证件号码',
      '(2026)赣0702民诉前调201号,章贡区人民法院,委派,,合同,买卖合同纠纷,"买方未按约支付货款，""多次""催告",周甲方,11010519491231002X,13907971234,赣州某某商贸有限公司,统一社会信用代码,91360702MA35XXXX0Y',
      '(2026)赣0702民初202号,章贡区人民法院,委托,简易程序,劳动争议,拖欠工资纠纷,拖欠三个月工资,周甲方,11010519491231002X,,,,',
      '(2026)赣0702民诉前调203号,章贡区人民法院,委派,,合同,借款纠纷,借款到期未还,吴乙,110105194912310021,,,,',
      '(2026)赣0702民诉前调204号,章贡区人民法院,委派,,合同,借款纠纷,借款到期未还,周另名,11010519491231002X,,,,',
      '(2026)赣0702民诉前调201号,章贡区人民法院,委派,,合同,买卖合同纠纷,重复的案号,郑丙,360730198506120048,,,,',
      '(2026)赣0702民诉前调205号,章贡区人民法院,转交,,宅基地,纠纷,短,郑丙,360730198506120048,,,,',
    ].join('\r\n');
    const uscc = '91360702MA35XXXX0Y';
    const res = await upload('法院委派.csv', csv.replace(uscc, await validUscc()));
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<Report>();
    expect(report.rows.map((r) => [r.row, r.ok])).toEqual([
      [2, true],
      [3, true],
      [4, false],
      [5, false],
      [6, false],
      [7, false],
    ]);
    expect(report.created).toBe(2);
    expect(report.rows[2]?.problems.join()).toMatch(/^申请人证件号码：.*校验码/);
    expect(report.rows[3]?.problems.join()).toContain('已登记为“周甲方”');
    expect(report.rows[4]?.problems.join()).toContain('已登记，不重复登记');
    expect(report.rows[5]?.problems.join('；')).toMatch(/调解类型：调解类型应为委派、委托或邀请.*纠纷类型：“宅基地”不存在或已停用/);

    // One party for the same ID in two rows; the organisation registered by its credit code; roles kept.
    const parties = await sql<{
      n: number;
    }>`select count(distinct mp.party_id)::int as n from kernel.matter_parties mp join mediation.disputes d on d.id = mp.matter_id where d.court_case_number in ('(2026)赣0702民诉前调201号', '(2026)赣0702民初202号')`.execute(
      t.engine.db,
    );
    expect(parties.rows[0]?.n).toBe(2);
    const entrusted = await sql<{
      courtProcedure: string;
      status: string;
    }>`select d.court_procedure, m.status from mediation.disputes d join kernel.matters m on m.id = d.id where d.court_case_number = '(2026)赣0702民初202号'`.execute(
      t.engine.db,
    );
    expect(entrusted.rows[0]).toEqual({ courtProcedure: 'simplified', status: 'registered' });
    const audit = await sql<{
      summary: { file: string; opened: number; refused: number };
    }>`select summary from kernel.audit_log where action = 'mediation.dispute.import' order by id desc limit 1`.execute(t.engine.db);
    expect(audit.rows[0]?.summary).toMatchObject({ file: '法院委派.csv', rows: 6, items: 6, invalid: 3, opened: 2, refused: 4 });
    // The timeline of an imported dispute starts with its registration, like one entered at the window.
    const number = report.rows[0]?.number ?? '';
    const dispute = (await zg.request('GET', `/api/mediation/disputes?q=${encodeURIComponent(number)}`)).json<{ items: { id: string }[] }>().items[0];
    const history = (await zg.request('GET', `/api/matters/${dispute?.id ?? ''}/timeline`)).json<{ action: string }[]>();
    expect(history.map((h) => h.action)).toEqual(['register']);
  });

  test('the template downloads, and an .xlsx filled in from it imports; a file without the required columns is refused whole', async () => {
    const tpl = await zg.request('GET', '/api/mediation/court-referrals/template.xlsx');
    expect(tpl.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    expect(ws.getRow(1).getCell(1).text).toBe('法院案号*');
    // Typed into the first empty row, as a person does (the template's drop-downs reach row 501).
    ws.getRow(2).values = [
      '(2026)赣0702民诉前调301号',
      '章贡区人民法院',
      '委派',
      '',
      '邻里',
      '相邻通行纠纷',
      '通道被占用引发争执',
      '钱买方',
      '',
      '360730198506120048',
    ];
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload('法院委派.xlsx', filled);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Report>().rows).toEqual([expect.objectContaining({ row: 2, ok: true, courtCaseNumber: '(2026)赣0702民诉前调301号' })]);

    const bad = await upload('乱表.csv', '姓名,电话\n张三,13900000000\n');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toContain('缺少列：法院案号');
  });
});

describe('court referral files that would stop the server', () => {
  let t: TestApp;
  let zg: Agent;
  let orgId: string;
  beforeAll(async () => {
    t = await createTestApp();
    zg = await t.loginAs('zhanggong');
    orgId = await t.orgId('章贡区司法局');
  });
  afterAll(() => t.close());
  const upload = (name: string, content: Buffer | string) => {
    const { payload, headers } = multipartFile(name, content);
    return zg.request('POST', `/api/mediation/units/${orgId}/court-referrals/import`, payload, headers);
  };

  test('a sheet that unpacks to more than the import allows is refused at once with 413, and the server keeps answering', async () => {
    // A court file of 10^5 rows may unpack to 400 MB; this one says its sheet is 2 GB.
    const bomb = handmadeXlsx('<row r="1"><c r="A1" t="inlineStr"><is><t>法院案号</t></is></c></row>', { declare: 2 ** 31 });
    const res = await upload('法院委派.xlsx', bomb);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json()).toMatchObject({ code: 'SHEET_TOO_LARGE', message: expect.stringContaining('“法院委派.xlsx”解压后超过 400 MB') as string });
    expect((await zg.request('GET', '/api/mediation/court-results')).statusCode).toBe(200);
  });

  test('an upload cut off half-way is refused with 400 and what to do, not a 500', async () => {
    const csv = `法院案号,法院\n${'(2026)赣0702民诉前调1号,章贡区人民法院\n'.repeat(3)}`;
    const { payload, headers } = multipartFile('法院委派.csv', csv);
    const cut = await zg.request('POST', `/api/mediation/units/${orgId}/court-referrals/import`, payload.subarray(0, payload.length - 40), headers);
    expect(cut.statusCode, cut.body).toBe(400);
    expect(cut.json()).toMatchObject({ code: 'UPLOAD_MALFORMED' });
  });

  test('two files in one upload are refused, not the second one silently dropped', async () => {
    const one = multipartFile('法院委派.csv', '法院案号,法院\n');
    const boundary = /boundary=(.+)$/.exec(one.headers['content-type'] ?? '')?.[1] ?? '';
    const second = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="另一个.csv"\r\n\r\n法院案号,法院\r\n--${boundary}--\r\n`;
    const payload = Buffer.concat([one.payload.subarray(0, one.payload.length - `--${boundary}--\r\n`.length), Buffer.from(second)]);
    const res = await zg.request('POST', `/api/mediation/units/${orgId}/court-referrals/import`, payload, one.headers);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json()).toMatchObject({ code: 'UPLOAD_REFUSED', message: '一次只能上传一个文件，请逐个上传' });
  });
});

/** A valid unified social credit code (GB 32100) with its check character, for the organisation row. */
async function validUscc(): Promise<string> {
  const { checkUscc } = await import('@sifa/kernel/shared');
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const body = '91360702MA35XXXX0';
  for (const c of chars) if (checkUscc(body.replace(/X/g, '1') + c).ok) return body.replace(/X/g, '1') + c;
  throw new Error('no check character');
}
