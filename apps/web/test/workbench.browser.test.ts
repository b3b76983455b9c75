import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { inCi, missing, orgIdOf, phoneContext, SCREENSHOTS, signIn, signInApi, useBrowserAndServer, warnIfSkipped } from '@sifa/testing';

warnIfSkipped('workbench.browser.test');

/** Every demo role (README): each lands on the workbench after signing in. */
const ROLES = ['admin', 'security', 'auditor', 'leader', 'city', 'zhanggong', 'ningdu', 'office'] as const;

const wide = (browser: Browser) =>
  browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' });

const landed = async (page: Page) => {
  await page.getByTestId('workbench').waitFor();
  await expect.poll(() => page.getByText('我的待办').first().isVisible()).toBe(true);
  await expect.poll(() => page.getByRole('heading', { name: '工作台' }).isVisible()).toBe(true);
};

describe.skipIf(missing && !inCi)('the workbench 工作台 in a browser (issue #13 item 1)', () => {
  // demo data, so the counts are the ones a new user sees after `npm start`
  const env = useBrowserAndServer({ demoSize: 300 });

  for (const role of ROLES)
    test(`${role} lands on the workbench, at 1440×900 and on a phone`, async () => {
      const { browser, server } = env();
      for (const [name, make] of [
        ['desktop', wide],
        ['phone', phoneContext],
      ] as const) {
        const context = await make(browser);
        const page = await context.newPage();
        await signIn(page, server.url, role);
        await landed(page);
        const staff = role === 'leader' || role === 'city' || role === 'zhanggong' || role === 'ningdu' || role === 'office';
        // staff see the counts per stage; the administrators (no case files, ADR 0005) see their to-do and notifications
        // the counts come with the workbench's answer, after the page's frame: wait for them, not for the first paint
        if (staff) {
          await page.getByTestId('stage-accept').waitFor();
          await page.getByTestId('workbench-arrivals').waitFor();
        }
        await page.waitForLoadState('networkidle');
        expect(await page.getByTestId('stage-accept').count()).toBe(staff ? 1 : 0);
        await page.screenshot({ path: `${SCREENSHOTS}/workbench-${role}-${name}.png`, fullPage: true });
        await context.close();
      }
    });

  test('a count opens the list of its matters; a matter arriving from another unit reaches the bell within seconds', async () => {
    const { browser, server } = env();
    const context = await wide(browser);
    const page = await context.newPage();
    await signIn(page, server.url, 'office');
    await landed(page);
    const bell = page.getByTestId('notification-bell');
    const unread = async () => Number((await bell.getAttribute('aria-label'))?.match(/(\d+) 条未读/)?.[1] ?? 0);
    const before = await unread();

    // the county registers a dispute for the township office: the office's bell shows it without a reload
    const zhanggong = await signInApi(server.url, 'zhanggong');
    const officeId = await orgIdOf(server, '解放街道司法所');
    const matter = await zhanggong.json<{ id: string; number: string }>('POST', '/api/mediation/disputes', {
      orgId: officeId,
      category: 'neighbour',
      source: 'phone',
      summary: '县局电话登记转司法所的纠纷',
      description: '邻里之间因排水沟堵塞发生争执',
      parties: [{ kind: 'person', name: '冯七', idType: 'resident-id', idNumber: '360730199003150020', phone: '13900003333', role: 'applicant' }],
    });
    const started = Date.now();
    await expect.poll(unread, { timeout: 15_000, interval: 250 }).toBe(before + 1);
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeLessThan(12);
    await bell.click();
    await page.getByTestId('notification-panel').getByText(`新到事项：${matter.number}`).waitFor();
    await page.keyboard.press('Escape');

    await page.getByTestId('stage-accept').click();
    await page.waitForURL((url) => url.pathname === '/workbench/accept');
    await page.getByTestId('workbench-stage').getByText('工作台 · 待受理').waitFor();
    await page.getByTestId('workbench-stage').locator('.ant-table-row').first().waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/workbench-office-accept.png`, fullPage: true });
    await context.close();
  });
});
