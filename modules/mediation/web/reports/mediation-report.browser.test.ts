import { describe, expect, test } from 'vitest';
import type { IndicatorComparison } from '@sifa/kernel/shared';
import { MONTHLY_REPORT_FIGURES } from '@sifa/mediation/shared';
import { desktopContext, inCi, missing, SCREENSHOTS, signIn, warnIfSkipped, useBrowserAndServer, shanghaiDay, signInApi } from '@sifa/testing';
import { createDispute } from '@sifa/mediation/testing';

warnIfSkipped('mediation-report.browser.test');

/** The page answers slower while the whole suite runs beside it. */
const SLOW = { timeout: 15_000 };

const IDS = MONTHLY_REPORT_FIGURES.join(',');

/** The month `k` months before this one (Asia/Shanghai), YYYY-MM. */
function monthsAgo(k: number): string {
  const [y, m] = shanghaiDay().split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) - k;
  return `${String(Math.floor(i / 12))}-${String((i % 12) + 1).padStart(2, '0')}`;
}

const change = (c: { kind: string; value: number | null }) =>
  c.value === null ? '—' : `${c.value > 0 ? '+' : ''}${c.value.toFixed(2)}${c.kind === 'points' ? ' 个百分点' : '%'}`;

// features.md M6: the monthly report — figures against the month before and last year, by source and category.
describe.skipIf(missing && !inCi)('the monthly mediation report in a browser', () => {
  const env = useBrowserAndServer({ demoSize: 1200 });

  test('the city leader reads last month against the month before and last year, by source and category, picks another month and exports', async () => {
    const { browser, server } = env();
    const leader = await signInApi(server.url, 'leader');
    const month = monthsAgo(1);
    const api = await leader.json<IndicatorComparison>('GET', `/api/indicator-comparison?ids=${IDS}&month=${month}`);
    const accepted = api.rows[0];
    if (!accepted) throw new Error('no figures');
    expect(accepted.current.value).toBeGreaterThan(0);
    expect(accepted.lastYear.value).toBeGreaterThan(0); // the demo seeds last year too, for 同比

    const context = await desktopContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, 'leader');
    await page.goto(`${server.url}/mediation/monthly-report`);
    const rows = page.getByTestId('report-figures').locator('tbody tr.ant-table-row');
    await rows.nth(7).waitFor();
    expect(await rows.count()).toBe(8);
    const cells = rows.first().locator('td');
    await expect.poll(() => cells.nth(0).textContent(), SLOW).toBe('受理纠纷');
    expect(await cells.nth(1).textContent()).toBe((accepted.current.value ?? 0).toLocaleString('zh-CN'));
    expect(await cells.nth(3).textContent()).toBe(change(accepted.monthOnMonth));
    expect(await cells.nth(5).textContent()).toBe(change(accepted.yearOnYear));
    const amount = api.rows.find((r) => r.id === 'mediation.agreement-amount');
    expect(await rows.nth(3).locator('td').nth(1).textContent()).toBe(
      `${(amount?.current.value ?? 0).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`,
    );

    // The source groups and categories add up to the month's accepted disputes.
    for (const by of ['source-group', 'report-category']) {
      const total = page.getByTestId(`share-${by}`).locator('tbody tr.ant-table-row').last();
      await expect.poll(() => total.locator('td').first().textContent(), SLOW).toBe('合计');
      expect(await total.locator('td').nth(1).textContent()).toBe(accepted.current.numerator.toLocaleString('zh-CN'));
      expect(await total.locator('td').nth(2).textContent()).toBe('100.00%');
    }
    await page.screenshot({ path: `${SCREENSHOTS}/mediation-monthly-report.png`, fullPage: true });

    const download = page.waitForEvent('download');
    await page.getByTestId('export').first().click();
    expect((await download).suggestedFilename()).toMatch(new RegExp(`^赣州市司法局-${month}-月度对比\\.xlsx$`));

    // Another month: the figures follow.
    const earlier = monthsAgo(2);
    const before = await leader.json<IndicatorComparison>('GET', `/api/indicator-comparison?ids=${IDS}&month=${earlier}`);
    await page.getByTestId('report-month').click();
    await page.locator(`.ant-select-item-option[title="${earlier}"]`).click();
    await expect.poll(() => cells.nth(1).textContent(), SLOW).toBe((before.rows[0]?.current.value ?? 0).toLocaleString('zh-CN'));
    await context.close();
  });

  test('the agreement form records the amount and 防止民转刑 with the persons involved, and the dispute shows them', async () => {
    const { browser, server } = env();
    const d = await createDispute(server, { summary: '宅基地界址纠纷' });
    const committee = (await server.engine.db.selectFrom('kernel.orgs').select('id').where('name', '=', '解放街道人民调解委员会').executeTakeFirstOrThrow()).id;
    let v = (await d.staff.json<{ version: number }>('POST', `/api/mediation/disputes/${d.id}/accept`, { expectedVersion: 1 })).version;
    v = (
      await d.staff.json<{ version: number }>('POST', `/api/mediation/disputes/${d.id}/assign`, {
        expectedVersion: v,
        committeeOrgId: committee,
        mediatorName: '刘调解',
      })
    ).version;
    await d.staff.json('POST', `/api/mediation/disputes/${d.id}/start-session`, {
      expectedVersion: v,
      on: shanghaiDay(),
      place: '调解室',
      attendees: '双方',
      record: '双方同意按原界址砌墙',
    });

    const context = await desktopContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, 'zhanggong');
    await page.goto(`${server.url}/mediation/disputes/${d.id}`);
    await page.getByRole('button', { name: '达成协议' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '协议形式' });
    await dialog.getByText('口头协议').click();
    await dialog.getByLabel('协议生效日期').fill(shanghaiDay());
    await dialog.getByLabel('协议生效日期').press('Enter');
    await dialog.getByPlaceholder('第 1 条').fill('按原界址砌墙，费用各半');
    await dialog.getByLabel('协议金额（元）').fill('6800');
    await dialog.getByLabel('签名、盖章或按指印的当事人').fill('王小明、李大华');
    await dialog.getByText('防止民转刑').click();
    // ticking it asks for the persons involved
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.getByText('请填写涉及人数').waitFor();
    await dialog.getByLabel('涉及人数').fill('4');
    await dialog.screenshot({ path: `${SCREENSHOTS}/mediation-agreement-form.png` });
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    // an agreement ends the mediation: asked once more
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /提\s*交/ })
      .click();
    await expect.poll(() => page.getByRole('dialog').count(), SLOW).toBe(0);

    const facts = page.getByTestId('dispute-facts');
    await expect.poll(() => facts.textContent(), SLOW).toContain('防止民转刑 · 涉及 4 人');
    expect(await facts.textContent()).toContain('协议涉及金额 6,800.00');
    const stored = await d.staff.json<{ agreementAmountYuan: number; preventedCriminal: boolean; personsInvolved: number }>(
      'GET',
      `/api/mediation/disputes/${d.id}`,
    );
    expect(stored).toMatchObject({ agreementAmountYuan: 6800, preventedCriminal: true, personsInvolved: 4 });
    await context.close();
  });
});
