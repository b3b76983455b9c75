import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { IndicatorTable } from '@sifa/kernel/shared';
import { desktopContext, inCi, missing, SCREENSHOTS, shanghaiDay, signIn, signInApi, useBrowserAndServer, warnIfSkipped } from '@sifa/testing';

warnIfSkipped('chart-markup.browser.test');

// Issue #11 item 2: category names (city staff edit them) reached the dashboard tooltip as HTML and ran for the
// leader hovering it. Every name a user can edit that a chart shows is given markup here: the category's Chinese
// name (category chart) and a unit's name (unit comparison). Each must show as text, with no element made from it.
const CATEGORY_MARKUP = '<svg/onload=a()>邻里';
const UNIT_MARKUP = '<img src=x onerror=a()><style onload=a()></style>章贡';

/** Moves the mouse across a chart's plot (high enough to stay above rotated axis labels) until its tooltip shows `text`. */
async function hoverUntil(page: Page, testId: string, text: string, axis: 'x' | 'y'): Promise<boolean> {
  const chart = page.getByTestId(testId);
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (!box) throw new Error(`${testId} is not on the page`);
  for (let f = 0.1; f < 0.96; f += 0.04) {
    const [x, y] = axis === 'x' ? [box.x + box.width * f, box.y + box.height * 0.3] : [box.x + box.width * 0.5, box.y + box.height * f];
    await page.mouse.move(x, y);
    await page.waitForTimeout(120);
    if ((await chart.textContent())?.includes(text)) return true;
  }
  return false;
}

describe.skipIf(missing && !inCi)('names typed by users show as text in every chart', () => {
  const env = useBrowserAndServer({ demoSize: 300 });

  test('markup in a category name and a unit name is shown literally in the tooltips, never made into elements', async () => {
    const { browser, server } = env();
    const year = shanghaiDay().slice(0, 4);
    const city = await signInApi(server.url, 'city');
    const admin = await signInApi(server.url, 'admin');
    const byCategory = await city.json<IndicatorTable>(
      'GET',
      `/api/indicator-breakdown?ids=mediation.accepted&by=category&from=${year}-01-01&to=${year}-12-31`,
    );
    const counts = byCategory.series[0]?.values.map((v) => v.numerator) ?? [];
    const largest = byCategory.buckets[counts.indexOf(Math.max(...counts))];
    if (!largest) throw new Error('no category with disputes this year');
    await city.json('PATCH', `/api/mediation/categories/${largest}`, { nameZh: CATEGORY_MARKUP });
    const tree = await admin.json<{ id: string; name: string; children?: unknown[] }[]>('GET', '/api/orgs/tree');
    const find = (nodes: { id: string; name: string; children?: unknown[] }[]): string | undefined => {
      for (const n of nodes) {
        if (n.name === '章贡区司法局') return n.id;
        const inner = find((n.children ?? []) as typeof nodes);
        if (inner) return inner;
      }
      return undefined;
    };
    const zhanggong = find(tree);
    if (!zhanggong) throw new Error('章贡区司法局 not in the tree');
    await admin.json('PATCH', `/api/orgs/${zhanggong}`, { name: UNIT_MARKUP });

    const context = await desktopContext(browser);
    const page = await context.newPage();
    // The console runs under the Content-Security-Policy (ADR 0017): nothing it does is refused by it.
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    // A handler the markup would call if it ever became an element (the policy would also stop it: both are checked).
    await page.addInitScript(() => {
      (window as unknown as { a: () => void }).a = () => ((window as unknown as { ran: boolean }).ran = true);
    });
    await signIn(page, server.url, 'leader');
    await page.goto(`${server.url}/mediation/dashboard`);
    await page.getByTestId('category-chart').locator('canvas').waitFor();
    await page.getByTestId('unit-chart').locator('canvas').waitFor();
    await page.waitForTimeout(800); // ECharts' entry animation

    expect(await hoverUntil(page, 'category-chart', CATEGORY_MARKUP, 'y')).toBe(true);
    expect(await page.getByTestId('category-chart').locator('svg, img, style').count()).toBe(0);
    await page.getByTestId('category-chart').screenshot({ path: `${SCREENSHOTS}/chart-markup-category.png` });

    expect(await hoverUntil(page, 'unit-chart', UNIT_MARKUP, 'x')).toBe(true);
    expect(await page.getByTestId('unit-chart').locator('svg, img, style').count()).toBe(0);
    await page.getByTestId('unit-chart').screenshot({ path: `${SCREENSHOTS}/chart-markup-unit.png` });

    expect(await page.evaluate(() => (window as unknown as { ran?: boolean }).ran)).toBeUndefined();
    // The portal too (same build, its own pages).
    await page.goto(`${server.url}/portal`);
    await page.waitForLoadState('networkidle');
    expect(refused).toEqual([]);
    await context.close();
  });
});
