import { beforeAll, describe, expect, test } from 'vitest';
import { desktopContext, inCi, missing, SCREENSHOTS, signIn, warnIfSkipped, useBrowserAndServer, shanghaiDay, signInApi } from '@sifa/testing';

warnIfSkipped('mediation-screening.browser.test');

/** YYYY-MM-DD `days` before today in Asia/Shanghai. */
const daysAgo = (days: number) => shanghaiDay(-days);

// issue #4 item 2: disputes enter from dispute-screening 排查 records (features.md M2; M6 主动调解).
describe.skipIf(missing && !inCi)('dispute screening 矛盾纠纷排查 in a browser', () => {
  const env = useBrowserAndServer();

  beforeAll(async () => {
    const { server } = env();
    // two earlier screenings of the office, so the list shows more than the one recorded below
    const office = await signInApi(server.url, 'office');
    const unit = (await server.engine.db.selectFrom('kernel.orgs').select('id').where('name', '=', '解放街道司法所').executeTakeFirstOrThrow()).id;
    for (const [days, area, kind, found, risk] of [
      [30, '解放街道红旗社区第 1 网格', 'routine', 2, 0],
      [12, '解放街道八一四社区', 'special', 1, 1],
    ] as const) {
      await office.json('POST', '/api/mediation/screenings', {
        orgId: unit,
        screenedOn: daysAgo(days),
        area,
        screeners: '赵司法、钱网格员',
        kind,
        foundCount: found,
        riskCount: risk,
        notes: '1. 邻里通行纠纷，已当场化解。',
      });
    }
  });

  test('an office records a screening, registers a dispute it found, and sees the dispute on the screening', async () => {
    const { browser, server } = env();
    const context = await desktopContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, 'office');

    await page.getByRole('menuitem', { name: /矛盾纠纷排查/ }).click();
    await page.waitForURL((url) => url.pathname === '/mediation/screenings');
    await page.getByTestId('screening-row').filter({ hasText: '红旗社区' }).waitFor();

    // the new-record form: risks cannot exceed what was found
    await page.getByTestId('screening-add').click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('排查日期').inputValue()).toBe(shanghaiDay());
    await dialog.getByLabel('排查区域').fill('解放街道和平社区第 3 网格');
    await dialog.locator('.ant-form-item').filter({ hasText: '排查类型' }).locator('.ant-select').click();
    await page.locator('.ant-select-item-option[title="节前排查"]').click();
    await dialog.getByLabel('排查人员').fill('赵司法、孙网格员');
    await dialog.getByLabel('发现矛盾纠纷数').fill('1');
    await dialog.getByLabel('其中有激化风险的').fill('2');
    await dialog.getByLabel('排查情况').fill('1. 王某与李某排水沟纠纷，需调解；\n2. 两户噪音扰邻，已当场劝解；\n3. 拖欠装修款，需调解。');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('不能超过发现矛盾纠纷数').waitFor();
    await dialog.getByLabel('发现矛盾纠纷数').fill('3');
    await dialog.getByLabel('其中有激化风险的').fill('1');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();

    // saved: the screening opens
    await page.waitForURL((url) => /^\/mediation\/screenings\/[0-9a-f-]{36}$/.test(url.pathname));
    const screeningPath = new URL(page.url()).pathname;
    expect(await page.getByTestId('screening-title').textContent()).toContain('解放街道和平社区第 3 网格');
    const facts = (await page.getByTestId('screening-facts').textContent()) ?? '';
    expect(facts).toContain('解放街道司法所');
    expect(facts).toContain('节前排查');
    await page.getByText('尚未从本次排查登记纠纷').waitFor();

    // register a dispute it found: the source and the unit are preset
    await page.getByTestId('screening-register').click();
    await page.waitForURL((url) => url.pathname === '/mediation/disputes/new' && url.searchParams.has('screening'));
    await page.getByTestId('from-screening').getByText('解放街道和平社区第 3 网格').waitFor();
    expect(
      await page.locator('.ant-form-item').filter({ hasText: '纠纷来源' }).locator('.ant-select-content, .ant-select-selection-item').first().textContent(),
    ).toContain('矛盾纠纷排查');
    expect(await page.locator('.ant-form-item').filter({ hasText: '受理单位' }).textContent()).toContain('解放街道司法所');
    await page.screenshot({ path: `${SCREENSHOTS}/mediation-screening-dispute-new.png` });
    await page.getByLabel('纠纷类型').fill('邻里');
    await page.locator('.ant-select-item-option[title="邻里"]').click();
    await page.getByLabel('纠纷名称').fill('王某与李某排水沟纠纷');
    await page.getByLabel('纠纷情况').fill('排查中发现李某修建围墙堵塞排水沟，王某院内积水，双方多次争吵。');
    const cards = page.getByTestId('party-card');
    await cards.nth(0).getByLabel('姓名').fill('王小明');
    await cards.nth(0).getByLabel('证件号码').fill('11010519491231002X');
    await cards.nth(1).getByLabel('姓名').fill('李大山');
    await cards.nth(1).getByLabel('证件号码').fill('360702199001011232');
    await page.getByRole('button', { name: /提交登记/ }).click();
    await page.waitForURL((url) => /^\/mediation\/disputes\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByText('矛盾纠纷排查').first().waitFor();

    // back on the screening: the dispute is listed under it
    await page.goto(`${server.url}${screeningPath}`);
    const rows = page.getByTestId('screening-dispute');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('王某与李某排水沟纠纷');
    await page.getByText('发现 3 件，已登记调解 1 件').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/mediation-screening.png`, fullPage: true });

    // the list counts it
    await page.getByRole('menuitem', { name: /矛盾纠纷排查/ }).click();
    await page.waitForURL((url) => url.pathname === '/mediation/screenings');
    const row = page.getByTestId('screening-row').filter({ hasText: '和平社区第 3 网格' });
    await row.waitFor();
    expect(await page.getByTestId('screening-row').count()).toBe(3);
    expect((await row.textContent()) ?? '').toContain('节前排查');
    await expect.poll(() => page.locator('.ant-spin-spinning, .ant-spin-blur').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/mediation-screenings.png`, fullPage: true });
    await context.close();
  });
});
