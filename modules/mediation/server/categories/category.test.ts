import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createTestApp, multipartFile, type Agent, type TestApp } from '@sifa/testing';
import { CATEGORY_CACHE_MS } from './category';

interface CategoryRow {
  code: string;
  nameZh: string;
  nameEn: string | null;
  reportAs: string;
  sortOrder: number;
  active: boolean;
  builtin: boolean;
}
interface Problem {
  code: string;
  message: string;
  details: { field: string; message: string }[];
}

const applicant = { kind: 'person', name: '钱校园', idType: 'resident-id', idNumber: '360702198808081237', role: 'applicant' };
const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const year = today.slice(0, 4);

async function sheetRows(payload: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  return (wb.worksheets[0]?.getSheetValues() ?? []).slice(1).map((row) => (row as unknown[]).slice(1));
}

describe('dispute categories 纠纷类型 kept by the city (issue #4 item 2)', () => {
  let t: TestApp;
  let city: Agent;
  let admin: Agent;
  let county: Agent;
  let office: Agent;
  let officeUnit: string;
  beforeAll(async () => {
    t = await createTestApp();
    city = await t.loginAs('city');
    admin = await t.loginAs('admin');
    county = await t.loginAs('zhanggong');
    office = await t.loginAs('office');
    officeUnit = await t.orgId('解放街道司法所');
  });
  afterAll(() => t.close());

  const register = (category: string, summary = '宿舍物品损坏纠纷') =>
    office.request('POST', '/api/mediation/disputes', {
      orgId: officeUnit,
      category,
      source: 'window',
      summary,
      description: '学生宿舍物品损坏引发赔偿争执',
      parties: [applicant],
    });
  const list = async (agent: Agent, url = '/api/mediation/categories') => (await agent.request('GET', url)).json<CategoryRow[]>();
  const audit = (action: string, code: string) =>
    t.engine.db
      .selectFrom('kernel.auditLog')
      .select(['actorName', 'summary'])
      .where('action', '=', action)
      .where('targetType', '=', 'category')
      .where('targetId', '=', code)
      .execute();
  const refusal = (res: LightMyRequestResponse) => {
    expect(res.statusCode).toBe(400);
    const body = res.json<Problem>();
    expect(body.code).toBe('VALIDATION_FAILED');
    return body.details;
  };

  test('the fifteen standard categories are built in, each counted as itself; staff and the portal list the active ones', async () => {
    const all = await list(office);
    expect(all).toHaveLength(15);
    expect(all[0]).toMatchObject({
      code: 'marriage-family',
      nameZh: '婚姻家庭',
      nameEn: 'Marriage and family',
      reportAs: 'marriage-family',
      builtin: true,
      active: true,
    });
    expect(all.every((c) => c.builtin && c.reportAs === c.code)).toBe(true);
    expect(all.at(-1)?.code).toBe('other');
    const portal = (await t.anonymous('GET', '/api/public/mediation/categories')).json<{ code: string; nameZh: string }[]>();
    expect(portal.map((c) => c.code)).toEqual(all.map((c) => c.code));
    expect(Object.keys(portal[0] ?? {}).sort()).toEqual(['code', 'nameEn', 'nameZh']);
  });

  test('the city adds 校园纠纷 counted as 其他: audited, offered to new disputes, named in the exports and the breakdown', async () => {
    const res = await city.request('POST', '/api/mediation/categories', { code: 'campus', nameZh: '校园纠纷', nameEn: 'Campus', reportAs: 'other' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code: 'campus', nameZh: '校园纠纷', reportAs: 'other', sortOrder: 160, active: true, builtin: false });
    expect(await audit('mediation.category.create', 'campus')).toEqual([
      { actorName: 'city', summary: { nameZh: '校园纠纷', nameEn: 'Campus', reportAs: 'other', sortOrder: 160 } },
    ]);
    expect((await list(office)).map((c) => c.code)).toContain('campus');

    const d = await register('campus');
    expect(d.statusCode, d.body).toBe(201);
    const { id } = d.json<{ id: string }>();
    expect((await office.request('GET', `/api/mediation/disputes/${id}`)).json()).toMatchObject({ category: 'campus' });
    const xlsx = await office.request('GET', '/api/mediation/disputes/export.xlsx?category=campus');
    const rows = await sheetRows(xlsx.rawPayload);
    expect(rows[0]?.[2]).toBe('类型');
    expect(rows.slice(1).map((r) => r[2])).toEqual(['校园纠纷']);

    // counted as its own bucket on the dashboard, named in the breakdown's Excel
    expect((await office.request('POST', `/api/mediation/disputes/${id}/accept`, { expectedVersion: 1 })).statusCode).toBe(200);
    const period = `from=${year}-01-01&to=${year}-12-31`;
    const breakdown = await office.request('GET', `/api/indicator-breakdown.xlsx?ids=mediation.accepted&by=category&${period}`);
    expect(await sheetRows(breakdown.rawPayload)).toEqual([
      ['纠纷类型', '受理纠纷'],
      ['校园纠纷', 1],
      ['合计', 1],
    ]);
  });

  test('every rule has its message, on its field', async () => {
    const create = async (body: Record<string, unknown>) =>
      refusal(await city.request('POST', '/api/mediation/categories', { code: 'tourism', nameZh: '旅游纠纷', reportAs: 'consumer', ...body }));
    const patch = async (code: string, body: Record<string, unknown>) => refusal(await city.request('PATCH', `/api/mediation/categories/${code}`, body));
    const format = '类型代码只能由小写字母、数字和连字符组成，2 至 40 个字符，如 campus';
    expect(await create({ code: 'Campus!' })).toEqual([{ field: 'code', message: format }]);
    expect(await create({ code: 'x' })).toEqual([{ field: 'code', message: format }]);
    expect(await create({ code: 'a'.repeat(41) })).toEqual([{ field: 'code', message: format }]);
    expect(await create({ nameZh: '旅' })).toEqual([{ field: 'nameZh', message: '中文名称至少 2 个字' }]);
    expect(await create({ nameZh: '旅'.repeat(21) })).toEqual([{ field: 'nameZh', message: '中文名称不超过 20 个字' }]);
    expect(await create({ reportAs: 'campus' })).toEqual([{ field: 'reportAs', message: '统计归类应为司法部统计口径的 15 类之一' }]);
    expect(await create({ code: 'campus', nameZh: '邻里' })).toEqual([
      { field: 'code', message: '类型代码“campus”已被使用，请换一个' },
      { field: 'nameZh', message: '已有名为“邻里”的纠纷类型 (代码 neighbour)' },
    ]);
    expect(await patch('neighbour', { code: 'neighbours' })).toEqual([{ field: 'code', message: '内置纠纷类型的代码不能修改' }]);
    expect(await patch('campus', { code: 'school' })).toEqual([{ field: 'code', message: '类型代码创建后不能修改 (已登记的纠纷和统计按代码记录)' }]);
    expect(await patch('neighbour', { reportAs: 'other' })).toEqual([{ field: 'reportAs', message: '内置纠纷类型“邻里”按自身统计，统计归类不能修改' }]);
    expect(await patch('campus', { nameZh: '婚姻家庭' })).toEqual([{ field: 'nameZh', message: '已有名为“婚姻家庭”的纠纷类型 (代码 marriage-family)' }]);
    expect(await patch('other', { active: false })).toEqual([{ field: 'active', message: '“其他”类型不能停用：任何纠纷都须能归入一类' }]);
    const missing = await city.request('PATCH', '/api/mediation/categories/no-such', { nameZh: '不存在' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<Problem>().message).toBe('纠纷类型“no-such”不存在或不在您的管辖范围内');
    // nothing of it was written
    expect(await audit('mediation.category.update', 'neighbour')).toEqual([]);
    expect((await list(office)).find((c) => c.code === 'neighbour')?.reportAs).toBe('neighbour');
  });

  test('a county account uses the list but cannot change it; the platform administrator can, without reading any dispute', async () => {
    const forbidden = { code: 'FORBIDDEN', message: '您没有执行此操作的权限 (mediation.category.manage)' };
    expect((await county.request('POST', '/api/mediation/categories', { code: 'county-own', nameZh: '县里自定义', reportAs: 'other' })).json()).toEqual(
      forbidden,
    );
    expect((await county.request('PATCH', '/api/mediation/categories/campus', { nameZh: '县里改名' })).json()).toEqual(forbidden);
    expect((await county.request('GET', '/api/mediation/categories/admin')).json()).toEqual(forbidden);
    expect((await county.request('GET', '/api/mediation/categories/export.xlsx')).statusCode).toBe(403);
    expect((await list(county)).map((c) => c.nameZh)).toContain('校园纠纷');
    expect((await list(admin, '/api/mediation/categories/admin?q=校园')).map((c) => c.code)).toEqual(['campus']);
    expect((await admin.request('GET', '/api/mediation/categories')).statusCode).toBe(403);
  });

  test('labels, statistical category and order change; a deactivated category keeps its disputes and refuses new ones', async () => {
    const edited = await admin.request('PATCH', '/api/mediation/categories/campus', { nameZh: '校园安全纠纷', nameEn: '', reportAs: 'damages', sortOrder: 5 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ code: 'campus', nameZh: '校园安全纠纷', nameEn: null, reportAs: 'damages', sortOrder: 5 });
    expect((await list(office))[0]?.code).toBe('campus');
    const [update] = await audit('mediation.category.update', 'campus');
    expect(update?.summary).toMatchObject({
      before: { nameZh: '校园纠纷', nameEn: 'Campus', reportAs: 'other', sortOrder: 160 },
      after: { nameZh: '校园安全纠纷', nameEn: null, reportAs: 'damages', sortOrder: 5 },
    });

    expect((await admin.request('PATCH', '/api/mediation/categories/campus', { active: false })).json()).toMatchObject({ active: false });
    expect(await audit('mediation.category.deactivate', 'campus')).toHaveLength(1);
    expect((await list(office)).map((c) => c.code)).not.toContain('campus');
    expect((await list(office, '/api/mediation/categories?all=true')).find((c) => c.code === 'campus')).toMatchObject({ active: false });
    expect((await list(city, '/api/mediation/categories/admin?status=inactive')).map((c) => c.code)).toEqual(['campus']);
    expect((await t.anonymous('GET', '/api/public/mediation/categories')).json<{ code: string }[]>().map((c) => c.code)).not.toContain('campus');
    // the dispute registered before keeps it
    expect((await office.request('GET', '/api/mediation/disputes?category=campus')).json<{ total: number }>().total).toBe(1);
    expect(refusal(await register('campus'))).toEqual([{ field: 'category', message: '纠纷类型“campus”不存在或已停用' }]);
    expect(refusal(await register('no-such-kind'))).toEqual([{ field: 'category', message: '纠纷类型“no-such-kind”不存在或已停用' }]);
    const screening = await office.request('POST', '/api/mediation/screenings', {
      orgId: officeUnit,
      screenedOn: today,
      area: '校园周边网格',
      screeners: '排查员',
      kind: 'routine',
      foundCount: 1,
      riskCount: 0,
    });
    expect(screening.statusCode, screening.body).toBe(201);
    const fromScreening = await office.request('POST', `/api/mediation/screenings/${screening.json<{ id: string }>().id}/disputes`, {
      orgId: officeUnit,
      category: 'campus',
      summary: '校园纠纷',
      description: '排查发现的校园纠纷',
      parties: [applicant],
    });
    expect(refusal(fromScreening)).toEqual([{ field: 'category', message: '纠纷类型“campus”不存在或已停用' }]);

    expect((await admin.request('PATCH', '/api/mediation/categories/campus', { active: true })).statusCode).toBe(200);
    expect(await audit('mediation.category.activate', 'campus')).toHaveLength(1);
    expect((await register('campus', '食堂就餐纠纷')).statusCode).toBe(201);
  });

  test('the court import reads a custom category by its Chinese name; an unknown or inactive one is refused on its row, by name', async () => {
    expect((await city.request('POST', '/api/mediation/categories', { code: 'tourism', nameZh: '旅游纠纷', reportAs: 'consumer' })).statusCode).toBe(201);
    expect((await city.request('PATCH', '/api/mediation/categories/campus', { active: false })).statusCode).toBe(200);
    const county = await t.orgId('章贡区司法局');
    const zg = await t.loginAs('zhanggong');
    const template = await zg.request('GET', '/api/mediation/court-referrals/template.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const notes: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => notes.push(c.text))));
    expect(notes.join(' ')).toContain('旅游纠纷');
    expect(notes.join(' ')).not.toContain('校园安全纠纷');

    const csv = [
      '法院案号,法院,调解类型,纠纷类型,纠纷名称,纠纷情况,申请人,申请人证件号码',
      '(2026)赣0702民诉前调301号,章贡区人民法院,委派,旅游纠纷,旅游合同纠纷,旅行社未按约安排住宿,孙游客,360730198506120048',
      '(2026)赣0702民诉前调302号,章贡区人民法院,委派,校园安全纠纷,校园纠纷,学生受伤赔偿争执,孙家长,360730198506120048',
      '(2026)赣0702民诉前调303号,章贡区人民法院,委派,宅基地,纠纷,短,孙邻居,360730198506120048',
    ].join('\r\n');
    const { payload, headers } = multipartFile('法院委派.csv', csv);
    const res = await zg.request('POST', `/api/mediation/units/${county}/court-referrals/import`, payload, headers);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<{ created: number; rows: { row: number; ok: boolean; problems: string[] }[] }>();
    expect(report.rows.map((r) => [r.row, r.ok])).toEqual([
      [2, true],
      [3, false],
      [4, false],
    ]);
    expect(report.rows[1]?.problems).toEqual(['纠纷类型：“校园安全纠纷”不存在或已停用']);
    // every problem of the row is still there, the category's named
    expect(report.rows[2]?.problems).toEqual(expect.arrayContaining(['纠纷类型：“宅基地”不存在或已停用', '纠纷情况：请写明纠纷事实和请求']));
    const made = await sql<{ category: string }>`select category from mediation.disputes where court_case_number = '(2026)赣0702民诉前调301号'`.execute(
      t.engine.db,
    );
    expect(made.rows).toEqual([{ category: 'tourism' }]);

    // the court platform's JSON batch: codes, checked the same way
    const row = (caseNo: string, category: string) => ({
      courtCaseNumber: caseNo,
      courtName: '章贡区人民法院',
      kind: 'court-delegated',
      category,
      summary: '旅游合同纠纷',
      description: '旅行社未按约安排住宿',
      parties: [{ ...applicant, name: '孙游客', idNumber: '360730198506120048' }],
    });
    const batch = await zg.request('POST', '/api/mediation/court-referrals/batch', {
      orgId: county,
      rows: [row('(2026)赣0702民诉前调311号', 'tourism'), row('(2026)赣0702民诉前调312号', 'campus')],
    });
    expect(batch.json<{ created: number; rows: { problems: string[] }[] }>()).toMatchObject({
      created: 1,
      rows: [{ problems: [] }, { problems: ['纠纷类型：“campus”不存在或已停用'] }],
    });
  });

  test('the portal offers the active categories and refuses an application with another', async () => {
    // a citizen signs in as portal.test.ts does: the code from the SMS outbox
    const phone = '13907971234';
    expect((await t.anonymous('POST', '/api/public/auth/code', { phone })).statusCode).toBe(204);
    const sms = await t.engine.db.selectFrom('kernel.smsOutbox').select('text').orderBy('createdAt', 'desc').limit(1).executeTakeFirstOrThrow();
    const login = await t.anonymous('POST', '/api/public/auth/login', { phone, code: /验证码为 (\d{6})/.exec(sms.text)?.[1] ?? '' });
    expect(login.statusCode, login.body).toBe(200);
    const headers = {
      cookie: `sifa_public=${login.cookies.find((c) => c.name === 'sifa_public')?.value ?? ''}`,
      'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken,
    };
    const apply = (category: string) =>
      t.anonymous(
        'POST',
        '/api/public/mediation/applications',
        {
          officeId: officeUnit,
          category,
          summary: '研学旅行纠纷',
          description: '研学旅行机构未按约退费',
          applicant: { name: '王小明', idType: 'resident-id', idNumber: '11010519491231002X' },
          respondents: [{ kind: 'organisation', name: '某研学机构' }],
        },
        headers,
      );
    const offered = (await t.anonymous('GET', '/api/public/mediation/categories')).json<{ code: string }[]>().map((c) => c.code);
    expect(offered).toContain('tourism');
    expect(offered).not.toContain('campus');
    expect(refusal(await apply('campus'))).toEqual([{ field: 'category', message: '纠纷类型“campus”不存在或已停用' }]);
    const ok = await apply('tourism');
    expect(ok.statusCode, ok.body).toBe(201);
  });

  test('a category written by another process is seen within a minute, with no query per registration before', async () => {
    // another app process on the same database: a row this process has not written
    await sql`insert into mediation.categories (code, name_zh, report_as, sort_order) values ('elderly-care', '养老服务纠纷', 'consumer', 200)`.execute(
      t.engine.db,
    );
    expect(refusal(await register('elderly-care'))).toEqual([{ field: 'category', message: '纠纷类型“elderly-care”不存在或已停用' }]);
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now + CATEGORY_CACHE_MS + 1000);
    try {
      expect((await register('elderly-care', '养老院护理纠纷')).statusCode).toBe(201);
    } finally {
      clock.mockRestore();
    }
  });
});
