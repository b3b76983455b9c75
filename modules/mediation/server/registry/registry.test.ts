import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, multipartFile, type Agent, type TestApp } from '@sifa/testing';
import { generateRegister } from './registry-demo';

interface Warning {
  code: string;
  zh: string;
  cite: { file: string; article: string };
}
interface CommitteeRow {
  id: string;
  name: string;
  type: string;
  registered: boolean;
  memberCount: number;
  mediatorCount: number;
  warnings: Warning[];
}
interface Report {
  created: number;
  failed: number;
  rows: { row: number; ok: boolean; name: string | null; id: string | null; problems: string[] }[];
}

const person = (name: string, over: Record<string, unknown> = {}) => ({
  name,
  gender: 'male',
  position: 'member',
  employment: 'part-time',
  termStart: '2024-01-01',
  termEnd: '2026-12-31',
  ...over,
});

async function xlsx(header: string[], rows: (string | number | Date | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the mediation register 人民调解组织与调解员名册 (人民调解法 第八条、第九条、第十三条)', () => {
  let t: TestApp;
  let office: Agent;
  let officeUnit: string;
  let committeeId: string;
  beforeAll(async () => {
    t = await createTestApp();
    office = await t.loginAs('office');
    officeUnit = await t.orgId('解放街道司法所');
    committeeId = await t.orgId('解放街道人民调解委员会');
  });
  afterAll(() => t.close());

  const upload = (agent: Agent, url: string, name: string, content: Buffer | string) => {
    const { payload, headers } = multipartFile(name, content);
    return agent.request('POST', url, payload, headers);
  };

  test('a first start lists the seeded committees, their type inferred, with the warning that no member is registered', async () => {
    const res = await office.request('GET', '/api/mediation/registry/committees');
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<{ total: number; items: CommitteeRow[] }>();
    // the judicial office sees its own committee only
    expect(page.items.map((c) => c.name)).toEqual(['解放街道人民调解委员会']);
    expect(page.items[0]).toMatchObject({ type: 'township', registered: false, memberCount: 0 });
    expect(page.items[0]?.warnings.map((w) => w.code)).toEqual(['no-members']);
    const county = (await (await t.loginAs('zhanggong')).request('GET', '/api/mediation/registry/committees?type=industry-professional')).json<{
      items: CommitteeRow[];
    }>();
    expect(county.items.map((c) => c.name)).toEqual(['章贡区医疗纠纷人民调解委员会']);
  });

  test('creating a committee makes a unit of kind mediation-committee under the office; its members are checked against 第八条', async () => {
    const res = await office.request('POST', '/api/mediation/registry/committees', {
      parentId: officeUnit,
      name: '解放街道和平社区人民调解委员会',
      type: 'community',
      address: '和平路 3 号',
      phone: '0797-8123456',
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json<CommitteeRow & { parentName: string }>();
    expect(c).toMatchObject({ parentName: '解放街道司法所', type: 'community', registered: true });
    const org = await t.engine.db.selectFrom('kernel.orgs').select(['kind', 'parentId']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(org).toEqual({ kind: 'mediation-committee', parentId: officeUnit });

    // two men: too few, no director, no woman
    for (const p of [person('周主任', { position: 'director' }), person('吴委员')]) {
      const m = await office.request('POST', `/api/mediation/registry/committees/${c.id}/mediators`, { ...p, phone: '13907970001', specialties: ['邻里纠纷'] });
      expect(m.statusCode, m.body).toBe(201);
      expect(m.body).not.toContain('13907970001');
      expect(m.json<{ phoneMasked: string }>().phoneMasked).toBe('139****0001');
    }
    const hired = await office.request(
      'POST',
      `/api/mediation/registry/committees/${c.id}/mediators`,
      person('郑聘任', { position: 'hired', gender: 'female', employment: 'full-time' }),
    );
    expect(hired.statusCode).toBe(201);
    let detail = (await office.request('GET', `/api/mediation/registry/committees/${c.id}`)).json<CommitteeRow & { mediators: { name: string }[] }>();
    expect(detail.memberCount).toBe(2); // the hired mediator is not a 委员 (第十三条)
    expect(detail.mediatorCount).toBe(3);
    expect(detail.warnings.map((w) => w.code)).toEqual(['too-few-members', 'no-woman']);
    expect(detail.warnings[0]?.zh).toContain('人民调解法 第八条');
    expect(detail.warnings[0]?.cite.file).toBe('people-mediation-law-2010.md');

    // a woman member makes three: lawful
    await office.request('POST', `/api/mediation/registry/committees/${c.id}/mediators`, person('冯委员', { gender: 'female', ethnicity: '畲族' }));
    detail = (await office.request('GET', `/api/mediation/registry/committees/${c.id}`)).json();
    expect(detail.warnings).toEqual([]);

    // the same person twice is refused
    const twice = await office.request('POST', `/api/mediation/registry/committees/${c.id}/mediators`, person('冯委员', { gender: 'female' }));
    expect(twice.statusCode).toBe(409);
    // a term of more than three years is warned (第九条)
    const list = (await office.request('GET', `/api/mediation/registry/mediators?committeeOrgId=${c.id}&q=${encodeURIComponent('吴')}`)).json<{
      items: { id: string }[];
    }>();
    const wu = list.items[0]?.id ?? '';
    const patched = await office.request('PATCH', `/api/mediation/registry/mediators/${wu}`, { termEnd: '2027-06-30' });
    expect(patched.statusCode, patched.body).toBe(200);
    detail = (await office.request('GET', `/api/mediation/registry/committees/${c.id}`)).json();
    expect(detail.warnings.map((w) => w.code)).toEqual(['term-too-long']);
  });

  test('a mediator is deactivated, never deleted; the list hides them by default and the composition counts without them', async () => {
    const m = (
      await office.request('POST', `/api/mediation/registry/committees/${committeeId}/mediators`, person('钱离任', { gender: 'female', position: 'director' }))
    ).json<{ id: string }>();
    const off = await office.request('POST', `/api/mediation/registry/mediators/${m.id}/deactivate`, { reason: '任期届满离任' });
    expect(off.json<{ active: boolean }>().active).toBe(false);
    const active = (await office.request('GET', `/api/mediation/registry/mediators?committeeOrgId=${committeeId}`)).json<{ items: { id: string }[] }>();
    expect(active.items.map((x) => x.id)).not.toContain(m.id);
    const all = (await office.request('GET', `/api/mediation/registry/mediators?committeeOrgId=${committeeId}&status=all`)).json<{ items: { id: string }[] }>();
    expect(all.items.map((x) => x.id)).toContain(m.id);
    const audit = await t.engine.db.selectFrom('kernel.auditLog').select('action').where('targetId', '=', m.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['mediation.mediator.create', 'mediation.mediator.deactivate']);
  });

  test('an Excel import of mediators reports row by row: bad rows are skipped, good rows created whole', async () => {
    const file = await xlsx(
      ['姓名*', '所属调委会', '性别*', '民族', '职务*', '专兼职*', '任期开始', '任期届满', '调解专长', '手机号'],
      [
        ['孙主任', '解放街道人民调解委员会', '女', '汉族', '主任', '专职', new Date(Date.UTC(2024, 0, 1)), '2026/12/31', '婚姻家庭、邻里纠纷', '13907971111'],
        ['李委员', '解放街道人民调解委员会', '男', null, '委员', '兼职', '2024-01-01', '2026-12-31', null, null],
        ['', '解放街道人民调解委员会', '男', null, '委员', '兼职', null, null, null, null],
        ['王错行', '沙河镇人民调解委员会', '未知', null, '书记', '兼职', '2024-01-01', '2023-01-01', null, '12345'],
        ['陈委员', '解放街道人民调解委员会', '男', null, '委员', '兼职', '2024年1月1日', '2026年12月31日', null, null],
      ],
    );
    const res = await upload(office, `/api/mediation/registry/units/${officeUnit}/mediators/import`, '调解员.xlsx', file);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<Report>();
    expect(report.rows.map((r) => [r.row, r.ok])).toEqual([
      [2, true],
      [3, true],
      [4, false],
      [5, false],
      [6, true],
    ]);
    expect(report).toMatchObject({ created: 3, failed: 2 });
    expect(report.rows[2]?.problems).toEqual(['姓名：请填写调解员姓名']);
    const bad = report.rows[3]?.problems.join('\n') ?? '';
    expect(bad).toContain('性别：“未知”无法识别');
    expect(bad).toContain('职务：“书记”无法识别');
    expect(bad).toContain('所属调委会：“沙河镇人民调解委员会”不在“解放街道司法所”之下');
    expect(bad).toContain('任期届满日期不能早于任期开始日期');
    expect(bad).toContain('手机号码应为 11 位');
    // nothing of the bad rows was written; the good ones were, dates read from a date cell and Chinese text
    const names = (await office.request('GET', `/api/mediation/registry/mediators?committeeOrgId=${committeeId}`)).json<{
      items: { name: string; termStart: string; termEnd: string; specialties: string[] }[];
    }>().items;
    expect(names.map((n) => n.name).sort()).toEqual(['孙主任', '李委员', '陈委员'].sort());
    expect(names.find((n) => n.name === '孙主任')).toMatchObject({ termStart: '2024-01-01', termEnd: '2026-12-31', specialties: ['婚姻家庭', '邻里纠纷'] });
    expect(names.find((n) => n.name === '陈委员')?.termEnd).toBe('2026-12-31');
    // importing the same file again creates no one twice
    const again = (await upload(office, `/api/mediation/registry/units/${officeUnit}/mediators/import`, '调解员.xlsx', file)).json<Report>();
    expect(again.created).toBe(0);
    expect(again.rows[0]?.problems.join()).toContain('已有在册调解员“孙主任”');
    // the committee now has director + 2 members incl. a woman: lawful
    const c = (await office.request('GET', `/api/mediation/registry/committees/${committeeId}`)).json<CommitteeRow>();
    expect(c.warnings).toEqual([]);
  });

  test('a committee import (xlsx, or CSV in UTF-8 or GBK) creates good rows under the unit and reports the rest', async () => {
    const csv =
      '调委会名称,类型,上级单位,成立日期,多民族居住地区\n解放街道物业纠纷人民调解委员会,行业性专业性调委会,,2020-06-01,否\n解放街道人民调解委员会,乡镇(街道)调委会,,,\n解放街道某某调委会,不知道,沙河镇司法所,2020-13-01,也许\n';
    const res = await upload(office, `/api/mediation/registry/units/${officeUnit}/committees/import`, '调委会.csv', `\uFEFF${csv}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<Report>();
    expect(report.rows.map((r) => r.ok)).toEqual([true, false, false]);
    expect(report.rows[1]?.problems.join()).toContain('已有“解放街道人民调解委员会”');
    const third = report.rows[2]?.problems.join('\n') ?? '';
    expect(third).toContain('类型：“不知道”无法识别');
    expect(third).toContain('上级单位：“沙河镇司法所”不在“解放街道司法所”之下');
    expect(third).toContain('成立日期格式应为 YYYY-MM-DD');
    expect(third).toContain('多民族居住地区：应填“是”或“否”');
    const created = (await office.request('GET', `/api/mediation/registry/committees/${report.rows[0]?.id ?? ''}`)).json<
      CommitteeRow & { establishedOn: string }
    >();
    expect(created).toMatchObject({ type: 'industry-professional', establishedOn: '2020-06-01' });

    // '调委会名称,类型' and one row, as Excel on a Chinese Windows saves CSV (GBK)
    const gbk = Buffer.from(
      'b5f7ceafbbe1c3fbb3c62cc0e0d0cd0d0abde2b7c5bdd6b5c0bdbbcda8cac2b9cac8cbc3f1b5f7bde2ceafd4b1bbe12cd0d0d2b5d0d4d7a8d2b5d0d4b5f7ceafbbe10d0a',
      'hex',
    );
    const fromGbk = (await upload(office, `/api/mediation/registry/units/${officeUnit}/committees/import`, '调委会.csv', gbk)).json<Report>();
    expect(fromGbk.rows).toEqual([expect.objectContaining({ ok: true, name: '解放街道交通事故人民调解委员会' })]);

    const missingColumn = await upload(
      office,
      `/api/mediation/registry/units/${officeUnit}/committees/import`,
      '调委会.xlsx',
      await xlsx(['名称'], [['某调委会']]),
    );
    expect(missingColumn.statusCode).toBe(400);
    expect(missingColumn.body).toContain('缺少列：类型');
    const notExcel = await upload(office, `/api/mediation/registry/units/${officeUnit}/committees/import`, '照片.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(notExcel.statusCode).toBe(400);
  });

  test('the templates carry the header row; the exports list the filtered register with masked phones', async () => {
    const tpl = await office.request('GET', '/api/mediation/registry/mediators/template.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.getRow(1).getCell(1).text).toBe('姓名*');
    expect(wb.worksheets[0]?.actualRowCount).toBe(1); // drop-downs below, no sample data that could be imported by mistake
    const exp = await office.request('GET', '/api/mediation/registry/mediators/export.xlsx');
    const ew = new ExcelJS.Workbook();
    await ew.xlsx.load(exp.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    ew.worksheets[0]?.eachRow((r) => r.eachCell((cell) => cells.push(cell.text)));
    expect(cells).toContain('139****1111');
    expect(cells.join()).not.toContain('13907971111');
    const committees = await office.request('GET', '/api/mediation/registry/committees/export.xlsx');
    expect(committees.headers['content-type']).toContain('spreadsheetml');
  });

  test('an office cannot see or edit another township’s committee; the city reads but cannot write', async () => {
    const shahe = await t.orgId('沙河镇人民调解委员会');
    expect((await office.request('GET', `/api/mediation/registry/committees/${shahe}`)).statusCode).toBe(404);
    expect((await office.request('PATCH', `/api/mediation/registry/committees/${shahe}`, { address: '越权' })).statusCode).toBe(404);
    expect((await office.request('POST', `/api/mediation/registry/committees/${shahe}/mediators`, person('越权者'))).statusCode).toBe(404);
    expect((await office.request('GET', `/api/mediation/registry/committees?orgId=${await t.orgId('沙河镇司法所')}`)).statusCode).toBe(404);
    const zhanggong = await t.loginAs('zhanggong');
    expect((await zhanggong.request('GET', `/api/mediation/registry/committees/${shahe}`)).statusCode).toBe(200);
    const leader = await t.loginAs('leader');
    expect((await leader.request('GET', `/api/mediation/registry/committees/${shahe}`)).statusCode).toBe(200);
    expect((await leader.request('PATCH', `/api/mediation/registry/committees/${shahe}`, { address: '市局' })).statusCode).toBe(403);
  });

  test('a demo start fills the register: most committees lawful, some with the warnings to show (last: it adds people everywhere)', async () => {
    const made = await generateRegister(t.engine.db, { today: '2026-03-15', seed: 7 });
    expect(made).toBeGreaterThan(300);
    const leader = await t.loginAs('leader');
    const page = (await leader.request('GET', '/api/mediation/registry/committees?pageSize=200')).json<{ total: number; items: CommitteeRow[] }>();
    const warned = page.items.filter((c) => c.warnings.length > 0);
    expect(warned.length).toBeGreaterThan(0);
    expect(warned.length).toBeLessThan(page.items.length / 2);
    const codes = new Set(warned.flatMap((c) => c.warnings.map((w) => w.code)));
    expect(['too-few-members', 'no-woman', 'term-expired'].filter((c) => codes.has(c)).length).toBeGreaterThan(1);
    expect(page.items.every((c) => c.memberCount >= 2)).toBe(true);
  });
});
