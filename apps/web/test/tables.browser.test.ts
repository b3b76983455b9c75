import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { desktopContext, inCi, missing, phoneContext, SCREENSHOTS, signIn, signInApi, useBrowserAndServer, warnIfSkipped } from '@sifa/testing';

warnIfSkipped('tables.browser.test');

// The longest names the forms accept: a 60-character dispute name, a 100-character company name.
const LONG_TITLE = '关于赣州市章贡区解放街道和平路八号楼上住户卫生间长期漏水导致楼下天花板墙面地板家具电器损坏及赔偿责任分担的相邻关系纠纷'.slice(0, 60);
const LONG_PARTY = '赣州市章贡区解放街道和平路八号楼上住户暨某某房地产开发集团有限责任公司赣州分公司第三物业服务中心和平路项目部';

/** How far the page itself scrolls sideways (0: it does not), and where a cell sits against the window. */
const overflowOf = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
const inView = async (page: Page, testId: string, text: string) => {
  const box = await page.getByTestId(testId).first().getByText(text, { exact: true }).first().boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  return box !== null && box.x >= 0 && box.x + box.width <= width;
};

/**
 * Issue #13 item 6: at 1366×768 a long dispute name pushed status and deadline 1,005 px out of view, a long party name
 * made the detail page scroll sideways, and on a phone the status column was off-screen. Lists keep their number,
 * status and deadline in view with long names ellipsized (the whole name on hover), scroll inside themselves, and
 * become cards on a phone; the detail page never scrolls sideways.
 */
describe.skipIf(missing && !inCi)('tables on ordinary screens', () => {
  const env = useBrowserAndServer();
  let matter: { id: string; number: string } | undefined;

  const seed = async () => {
    if (matter) return matter;
    const { server } = env();
    const staff = await signInApi(server.url, 'zhanggong');
    const org = await server.engine.db.selectFrom('kernel.orgs').select('id').where('name', '=', '章贡区司法局').executeTakeFirstOrThrow();
    matter = await staff.json<{ id: string; number: string }>('POST', '/api/mediation/disputes', {
      orgId: org.id,
      category: 'neighbour',
      source: 'window',
      summary: LONG_TITLE,
      description: '楼上住户卫生间漏水，导致楼下天花板损坏，协商未果。',
      parties: [
        { kind: 'person', name: '钱多多', idType: 'resident-id', idNumber: '360702198001011238', phone: '13907976666', role: 'applicant' },
        { kind: 'person', name: LONG_PARTY, idType: 'resident-id', idNumber: '360702198101011235', role: 'respondent' },
      ],
    });
    return matter;
  };

  for (const [label, width, height] of [
    ['1366×768', 1366, 768],
    ['1440×900', 1440, 900],
  ] as const) {
    test(`at ${label} the dispute list keeps number, status and deadline in view beside a 60-character name`, async () => {
      const { browser, server } = env();
      const m = await seed();
      const context = await desktopContext(browser);
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      await signIn(page, server.url, 'zhanggong');
      await page.goto(`${server.url}/mediation/disputes`);
      await page.getByTestId('dispute-row').first().waitFor();
      expect(await overflowOf(page)).toBeLessThanOrEqual(0);
      expect(await inView(page, 'disputes-table', m.number)).toBe(true);
      expect(await inView(page, 'disputes-table', '已登记')).toBe(true);
      const deadline = await page.getByTestId('disputes-table').getByRole('columnheader', { name: '期限' }).boundingBox();
      expect(deadline && deadline.x + deadline.width).toBeLessThanOrEqual(width);
      // the whole name on hover
      await expect.poll(() => page.getByTestId('disputes-table').locator(`[title="${LONG_TITLE}"]`).count()).toBeGreaterThan(0);
      await page.screenshot({ path: `${SCREENSHOTS}/tables-disputes-${width}.png` });
      await context.close();
    });
  }

  test('on a phone the dispute list is cards with number, status and deadline, and no page scrolls sideways', async () => {
    const { browser, server } = env();
    const m = await seed();
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, 'zhanggong');
    await page.goto(`${server.url}/mediation/disputes`);
    const card = page.getByTestId('dispute-row').filter({ hasText: m.number });
    await card.waitFor();
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    expect(await inView(page, 'disputes-table', m.number)).toBe(true);
    expect(await inView(page, 'disputes-table', '已登记')).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/tables-disputes-phone.png` });

    await card.getByText(m.number).first().click();
    await page.getByTestId('matter-header').getByText(m.number).waitFor();
    await page.getByTestId('matter-header').getByText(LONG_PARTY).waitFor();
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/tables-dispute-phone.png`, fullPage: true });
    await context.close();
  });

  test('a long party name does not make the detail page scroll sideways at 1366×768', async () => {
    const { browser, server } = env();
    const m = await seed();
    const context = await desktopContext(browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, server.url, 'zhanggong');
    await page.goto(`${server.url}/mediation/disputes/${m.id}`);
    await page.getByTestId('matter-header').getByText(m.number).waitFor();
    await page.getByTestId('matter-header').getByText(LONG_PARTY).waitFor();
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.getByRole('tab', { name: '当事人' }).click();
    await page.getByRole('tabpanel').getByText('钱多多').waitFor();
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}/tables-dispute-1366.png`, fullPage: true });
    await context.close();
  });
});
