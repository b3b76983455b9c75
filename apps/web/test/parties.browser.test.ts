import { describe, expect, test } from 'vitest';
import { desktopContext, inCi, missing, phoneContext, SCREENSHOTS, signIn, signInApi, useBrowserAndServer, warnIfSkipped } from '@sifa/testing';

warnIfSkipped('parties.browser.test');

/**
 * One parties tab (issue #11, part `parties`): mediation's own copy is gone; the dispute page and the kernel's matter page
 * show the kit's PartiesTab, which names the roles from the dispute workflow's `partyRoles` (其他当事人 is mediation's
 * own role, unknown to the kit's common list) and shows the phone given with the matter.
 */
describe.skipIf(missing && !inCi)('the parties tab in a browser', () => {
  const env = useBrowserAndServer();

  test('the dispute page and the matter page show the same parties table, roles named by the module', async () => {
    const { browser, server } = env();
    const staff = await signInApi(server.url, 'zhanggong');
    const org = await server.engine.db.selectFrom('kernel.orgs').select('id').where('name', '=', '章贡区司法局').executeTakeFirstOrThrow();
    const matter = await staff.json<{ id: string; number: string }>('POST', '/api/mediation/disputes', {
      orgId: org.id,
      category: 'neighbour',
      source: 'window',
      summary: '相邻通行纠纷',
      description: '邻居在共用通道堆放杂物，影响通行。',
      parties: [
        { kind: 'person', name: '钱多多', idType: 'resident-id', idNumber: '360702198001011238', phone: '13907976666', role: 'applicant' },
        { kind: 'person', name: '孙小美', idType: 'resident-id', idNumber: '360702198101011235', role: 'respondent' },
        { kind: 'person', name: '钱小宝', idType: 'resident-id', idNumber: '360702198201011232', role: 'other' },
      ],
    });
    const context = await desktopContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, 'zhanggong');

    const rowsOf = async () => {
      const panel = page.getByRole('tabpanel');
      await panel.getByRole('cell', { name: '钱小宝' }).waitFor();
      return panel
        .locator('tr.ant-table-row')
        .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent.trim()).slice(0, 5)));
    };
    const expected = [
      // a handler sees 查看 beside the masked phone (issue #13 item 5)
      ['钱多多', '申请人', '自然人', '居民身份证 3607**********1238', '139****6666查看'],
      ['孙小美', '被申请人', '自然人', '居民身份证 3607**********1235', '—'],
      ['钱小宝', '其他当事人', '自然人', '居民身份证 3607**********1232', '—'],
    ];

    await page.goto(`${server.url}/mediation/disputes/${matter.id}`);
    await page.getByTestId('matter-header').getByText(matter.number).waitFor();
    await page.getByRole('tab', { name: '当事人' }).click();
    expect(await rowsOf()).toEqual(expected);
    // the kit's table: the date each party joined the matter, which mediation's copy lacked
    await page.getByRole('tabpanel').getByRole('columnheader', { name: '加入日期' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/dispute-parties.png`, fullPage: true });

    await page.goto(`${server.url}/matters/${matter.id}`);
    await page.getByTestId('matter-header').getByText(matter.number).waitFor();
    await page.getByRole('tab', { name: '当事人' }).click();
    expect(await rowsOf()).toEqual(expected);
    await context.close();
  });

  test('a handler reveals a party’s phone with a reason and gets a tel: link; the audit page names it in Chinese (issue #13 items 5, 9)', async () => {
    const { browser, server } = env();
    const staff = await signInApi(server.url, 'zhanggong');
    const org = await server.engine.db.selectFrom('kernel.orgs').select('id').where('name', '=', '章贡区司法局').executeTakeFirstOrThrow();
    const matter = await staff.json<{ id: string; number: string }>('POST', '/api/mediation/disputes', {
      orgId: org.id,
      category: 'neighbour',
      source: 'window',
      summary: '噪音扰邻纠纷',
      description: '楼上夜间噪音。',
      parties: [{ kind: 'person', name: '周来电', idType: 'resident-id', idNumber: '36070219830101123X', phone: '13907975555', role: 'applicant' }],
    });
    for (const [ctxOf, name] of [
      [desktopContext, 'desktop'],
      [phoneContext, 'phone'],
    ] as const) {
      const context = await ctxOf(browser);
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      await signIn(page, server.url, 'zhanggong');
      await page.goto(`${server.url}/mediation/disputes/${matter.id}`);
      await page.getByRole('tab', { name: '当事人' }).click();
      await page.getByTestId('party-phone-reveal').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('查看 周来电 的联系电话').waitFor();
      await dialog.getByRole('button', { name: '查看号码' }).click();
      await dialog.getByText('请选择或填写查看理由').waitFor();
      await dialog.getByLabel('查看理由').fill('电话通知调解时间');
      await dialog.getByRole('button', { name: '查看号码' }).click();
      const call = page.getByTestId('party-phone-call');
      await call.waitFor();
      expect(await call.getAttribute('href')).toBe('tel:13907975555');
      await page.screenshot({ path: `${SCREENSHOTS}/party-phone-${name}.png`, fullPage: true });
      await context.close();
    }

    const context = await desktopContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, 'auditor');
    await page.goto(`${server.url}/system/audit`);
    await page.getByTestId('audit-action').filter({ hasText: '查看当事人联系电话' }).first().waitFor();
    await page.getByTestId('audit-matter').filter({ hasText: matter.number }).first().waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/audit-plain.png` });
    await context.close();
  }, 180_000);
});
