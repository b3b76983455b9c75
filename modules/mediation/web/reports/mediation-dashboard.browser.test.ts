import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { IndicatorResult, IndicatorTable } from '@sifa/kernel/shared';
import { desktopContext, inCi, missing, SCREENSHOTS, signIn, warnIfSkipped, useBrowserAndServer, shanghaiDay, signInApi } from '@sifa/testing';
import type { Staff } from '@sifa/testing';

warnIfSkipped('mediation-dashboard.browser.test');

/** “共 1,234 条” → 1234: the number of records the open drawer lists (an empty table shows no pager). */
async function drawerTotal(page: Page): Promise<number> {
  const total = page.getByRole('dialog').locator('.ant-pagination-total-text');
  if ((await total.count()) === 0) return 0;
  const text = (await total.textContent()) ?? '';
  return Number(text.replace(/[^\d]/g, ''));
}

async function drawerTitle(page: Page): Promise<string> {
  return (await page.getByRole('dialog').locator('.ant-drawer-title').textContent()) ?? '';
}

async function closeDrawer(page: Page): Promise<void> {
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /close|关闭/i })
    .first()
    .click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
}

/** Clicks the plot of a chart at the given fractions of its width and height. */
async function clickChart(page: Page, testId: string, fx: number, fy: number): Promise<void> {
  const chart = page.getByTestId(testId);
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (!box) throw new Error(`${testId} is not on the page`);
  await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
}

// features.md M6: the monthly report's figures, trend and breakdowns, each opening the records behind it.
describe.skipIf(missing && !inCi)('the mediation dashboard in a browser', () => {
  const env = useBrowserAndServer({ demoSize: 1200 });
  let leader: Staff | undefined;
  // The board opens on this year (Asia/Shanghai), counted by acceptance date.
  const year = shanghaiDay().slice(0, 4);
  const period = `from=${year}-01-01&to=${year}-12-31`;
  const ids = 'mediation.accepted,mediation.successful,mediation.success-rate';

  beforeAll(async () => {
    const { server } = env();
    leader = await signInApi(server.url, 'leader');
  });

  test('the city leader sees the figures, the monthly trend and the categories, and opens the records behind them', async () => {
    const { browser, server } = env();
    if (!leader) throw new Error('setup failed');
    const rate = await leader.json<IndicatorResult>('GET', `/api/indicators/mediation.success-rate?${period}`);
    const series = await leader.json<IndicatorTable>('GET', `/api/indicator-series?ids=${ids}&${period}`);
    const byCategory = await leader.json<IndicatorTable>('GET', `/api/indicator-breakdown?ids=${ids}&by=category&${period}`);
    expect(rate.denominator).toBeGreaterThan(100);
    expect(series.buckets).toHaveLength(12);

    const context = await desktopContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, 'leader');
    await page.goto(`${server.url}/mediation/dashboard`);

    // The success rate on the card is the API's, with two decimals (DESIGN.md formats).
    const card = page.locator('[data-indicator="mediation.success-rate"]');
    await card.waitFor();
    await expect.poll(() => card.textContent()).toContain(`${(rate.value ?? 0).toFixed(2)}%`);
    expect(await page.getByTestId('figure-card').count()).toBe(12); // the 10 figures of the monthly report and the citizens' ratings (issue #13 item 9)
    await page.locator('[data-indicator="mediation.average-duration"]').waitFor();

    // Both charts are drawn.
    await page.getByTestId('trend-chart').locator('canvas').waitFor();
    await page.getByTestId('category-chart').locator('canvas').waitFor();
    await page.getByTestId('unit-chart').locator('canvas').waitFor();
    await page.waitForTimeout(800); // ECharts' entry animation
    await page.screenshot({ path: `${SCREENSHOTS}/mediation-dashboard.png`, fullPage: true });

    // The card opens the records behind its numerator: exactly the successful disputes.
    await card.click();
    await expect.poll(() => drawerTitle(page)).toContain('调解成功率 · 明细');
    await expect.poll(() => drawerTotal(page)).toBe(rate.numerator);
    await closeDrawer(page);

    // A click in a month's column opens that month's accepted disputes.
    await clickChart(page, 'trend-chart', 0.3, 0.75);
    await expect.poll(() => drawerTitle(page)).toMatch(/受理纠纷 · \d{4}-\d{2} · 明细/);
    const month = /(\d{4}-\d{2})/.exec(await drawerTitle(page))?.[1] ?? '';
    const accepted = series.series[0]?.values[series.buckets.indexOf(month)]?.numerator;
    await expect.poll(() => drawerTotal(page)).toBe(accepted);
    await page.waitForTimeout(500); // the drawer's slide-in
    await page.screenshot({ path: `${SCREENSHOTS}/mediation-dashboard-month.png` });
    await closeDrawer(page);

    // The top row of the category chart is the largest category; its records are that category's.
    await clickChart(page, 'category-chart', 0.5, 0.12);
    await expect.poll(() => drawerTitle(page)).toMatch(/受理纠纷 · .+ · 明细/);
    const name = /受理纠纷 · (.+) · 明细/.exec(await drawerTitle(page))?.[1] ?? '';
    const categories = await leader.json<{ code: string; nameZh: string }[]>('GET', '/api/mediation/categories?all=true');
    const code = categories.find((c) => c.nameZh === name)?.code ?? '';
    const inCategory = byCategory.series[0]?.values[byCategory.buckets.indexOf(code)]?.numerator ?? -1;
    expect(inCategory).toBe(Math.max(...(byCategory.series[0]?.values.map((v) => v.numerator) ?? [])));
    await expect.poll(() => drawerTotal(page)).toBe(inCategory);
    await closeDrawer(page);

    // By the three source groups of the monthly report.
    await page.getByTestId('breakdown-by').getByText('按来源分组').click();
    await page.locator('[data-testid="category-chart"][data-by="source-group"] canvas').waitFor();
    await page.waitForTimeout(800);
    await page.getByTestId('category-chart').screenshot({ path: `${SCREENSHOTS}/mediation-dashboard-groups.png` });

    // A period without disputes: both charts say so instead of drawing empty axes.
    await page.getByTestId('period').click();
    await page.locator('.ant-select-item-option[title="自定义"]').click();
    const range = page.locator('.ant-picker-range input');
    await range.first().click();
    await range.first().fill('2001-01-01');
    await range.first().press('Enter');
    await range.nth(1).fill('2001-12-31');
    await range.nth(1).press('Enter');
    await page.getByTestId('trend-empty').waitFor();
    await page.getByTestId('category-empty').waitFor();
    await context.close();
  });
});
