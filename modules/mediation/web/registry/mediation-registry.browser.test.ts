import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { desktopContext, inCi, missing, SCREENSHOTS, signIn, warnIfSkipped, useBrowserAndServer, signInApi } from '@sifa/testing';

warnIfSkipped('mediation-registry.browser.test');

/** A filled mediator template: one good row, one the report must refuse. */
async function mediatorFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('调解员');
  ws.addRow(['姓名*', '所属调委会', '性别*', '民族', '职务*', '专兼职*', '任期开始', '任期届满', '调解专长', '手机号']);
  ws.addRow(['冯秀英', '', '女', '汉族', '委员', '兼职', '2024-01-01', '2026-12-31', '婚姻家庭', '13907975678']);
  ws.addRow(['王错行', '', '未知', '', '书记', '兼职', '', '', '', '12345']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.skipIf(missing && !inCi)('the mediation register in a browser (人民调解法 第八条、第九条)', () => {
  const env = useBrowserAndServer();
  let committeeId = '';

  beforeAll(async () => {
    const { server } = env();
    // A community committee of two men: too few 委员 and no woman (人民调解法 第八条).
    const staff = await signInApi(server.url, 'zhanggong');
    const office = (await server.engine.db.selectFrom('kernel.orgs').select('id').where('name', '=', '解放街道司法所').executeTakeFirstOrThrow()).id;
    const committee = await staff.json<{ id: string }>('POST', '/api/mediation/registry/committees', {
      parentId: office,
      name: '解放街道和平社区人民调解委员会',
      type: 'community',
      address: '解放街道和平路 3 号',
      phone: '0797-8123456',
    });
    committeeId = committee.id;
    for (const [name, position] of [
      ['周建国', 'director'],
      ['吴志强', 'member'],
    ] as const) {
      await staff.json('POST', `/api/mediation/registry/committees/${committeeId}/mediators`, {
        name,
        gender: 'male',
        ethnicity: '汉族',
        position,
        employment: 'part-time',
        termStart: '2024-01-01',
        termEnd: '2026-12-31',
        specialties: ['邻里纠纷', '物业纠纷'],
        phone: '13907970001',
      });
    }
  });

  test('the county sees its committees with warnings, opens one, reads the 第八条 warning and imports mediators row by row', async () => {
    const { browser, server } = env();
    const context = await desktopContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, 'zhanggong');

    await page.getByRole('menuitem', { name: /调委会名册/ }).click();
    await page.waitForURL((url) => url.pathname === '/mediation/committees');
    const rows = page.getByTestId('committee-row');
    await rows.filter({ hasText: '解放街道和平社区人民调解委员会' }).waitFor();
    expect(await rows.count()).toBeGreaterThan(5);
    await expect.poll(() => page.getByTestId('composition-tag').count()).toBeGreaterThan(0);
    // the county's own committees only
    expect(await page.getByText('宁都', { exact: false }).count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/mediation-committees.png`, fullPage: true });

    await rows.filter({ hasText: '解放街道和平社区人民调解委员会' }).click();
    await page.waitForURL((url) => url.pathname === `/mediation/committees/${committeeId}`);
    const warnings = page.getByTestId('composition-warnings');
    await warnings.waitFor();
    expect(await warnings.textContent()).toContain('委员仅 2 人，少于三人 (人民调解法 第八条');
    expect(await warnings.textContent()).toContain('没有妇女成员');
    expect(await page.getByTestId('mediator-name').allTextContents()).toEqual(['周建国', '吴志强']);
    expect(await page.getByText('139****0001').count()).toBe(2);
    await page.screenshot({ path: `${SCREENSHOTS}/mediation-committee.png`, fullPage: true });

    // import: the good row goes in, the bad one is reported with what to correct
    await page.getByTestId('mediator-import').click();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: '调解员.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await mediatorFile() });
    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('共 2 行：导入 1 行，1 行有问题未导入');
    await page.getByText('性别：“未知”无法识别').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/mediation-registry-import.png`, fullPage: true });
    await page.getByTestId('import-close').click();

    // three 委员 including a woman: the committee is as the law asks
    await page.getByTestId('composition-ok').waitFor();
    expect(await page.getByTestId('mediator-name').allTextContents()).toEqual(['周建国', '吴志强', '冯秀英']);

    // the mediators register, filtered by specialty
    await page.getByRole('menuitem', { name: /调解员名册/ }).click();
    await page.waitForURL((url) => url.pathname === '/mediation/mediators');
    await page.getByText('冯秀英').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/mediation-mediators.png`, fullPage: true });
    await context.close();
  });

  test('the assign form offers the chosen committee’s registered mediators (free text still allowed)', async () => {
    const { browser, server } = env();
    const staff = await signInApi(server.url, 'zhanggong');
    const office = (await server.engine.db.selectFrom('kernel.orgs').select('id').where('name', '=', '解放街道司法所').executeTakeFirstOrThrow()).id;
    const dispute = await staff.json<{ id: string }>('POST', '/api/mediation/disputes', {
      orgId: office,
      category: 'neighbour',
      source: 'window',
      summary: '楼道堆物纠纷',
      description: '邻居长期在楼道堆放杂物，影响通行。',
      parties: [{ kind: 'person', name: '王小明', idType: 'resident-id', idNumber: '11010519491231002X', role: 'applicant' }],
    });
    await staff.json('POST', `/api/mediation/disputes/${dispute.id}/accept`, { expectedVersion: 1 });

    const context = await desktopContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, 'zhanggong');
    await page.goto(`${server.url}/mediation/disputes/${dispute.id}`);
    await page.getByRole('button', { name: '指派调解' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('人民调解委员会').fill('和平社区');
    await page.locator('.ant-select-item-option[title^="解放街道和平社区人民调解委员会"]').click();
    await dialog.getByLabel('调解员姓名').click();
    const option = page.locator('.ant-select-item-option').filter({ hasText: '周建国（主任' });
    await option.waitFor();
    expect(await page.locator('.ant-select-item-option').filter({ hasText: '（' }).allTextContents()).toEqual(
      expect.arrayContaining(['周建国（主任，邻里纠纷、物业纠纷）', '冯秀英（委员，婚姻家庭）']),
    );
    await page.screenshot({ path: `${SCREENSHOTS}/mediation-assign-registered.png` });
    await option.click();
    expect(await dialog.getByLabel('调解员姓名').inputValue()).toBe('周建国');
    await dialog.getByRole('button', { name: /提\s*交|确\s*定/ }).click();
    await page.getByText('已指派').first().waitFor();
    await context.close();
  });
});
