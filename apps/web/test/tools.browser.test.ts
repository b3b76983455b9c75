import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { desktopContext, inCi, missing, SCREENSHOTS, signIn, warnIfSkipped, useBrowserAndServer } from '@sifa/testing';

warnIfSkipped('tools.browser.test');

// A made-up 2027 schedule (the real one is not published yet); 2027-02-03 is a Wednesday, so listing it as a
// make-up working day is a mistake the page must name.
const SCHEDULE_2027 = JSON.stringify({
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    ...['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'].map((date) => ({ date, name: '春节' })),
    { date: '2027-10-01', name: '国庆节' },
  ],
  workdays: [
    { date: '2027-02-06', name: '春节' },
    { date: '2027-02-03', name: '春节' },
  ],
});

/** The explainer for a reconsideration decision period started on 2026-11-17 (it ends in January 2027). */
async function explain(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: /期限试算/ }).click();
  await page.waitForURL((url) => url.pathname === '/tools/deadline');
  await page.getByTestId('rule-select').click();
  await page.keyboard.type('行政复议决定期限');
  await page.locator('.ant-select-item-option[title="行政复议决定期限（普通程序）"]').click();
  await page.getByTestId('rule-summary').waitFor();
  await page.getByPlaceholder('YYYY-MM-DD').click();
  await page.keyboard.type('2026-11-17');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /计\s*算/ }).click();
  await page.getByTestId('deadline-result').waitFor();
}

describe.skipIf(missing && !inCi)('deadline explainer and holiday calendar in a browser', () => {
  const env = useBrowserAndServer();

  test('the explainer warns in red while next year’s holidays are not loaded; the admin loads them; the warning goes', async () => {
    const { browser, server } = env();
    const staff = await (await desktopContext(browser)).newPage();
    await signIn(staff, server.url, 'zhanggong');
    await explain(staff);
    expect(await staff.getByTestId('due-date').textContent()).toBe('2027-01-18');
    await staff.getByTestId('calendar-warning').getByText('2027 年节假日安排尚未发布，结果按周末推算，仅供参考').waitFor();
    await staff
      .getByTestId('deadline-explanation')
      .getByText(/2027-01-16（星期六）是周末/)
      .waitFor();
    await staff.screenshot({ path: `${SCREENSHOTS}/deadline-tool.png`, fullPage: true });

    const admin = await (await desktopContext(browser)).newPage();
    await signIn(admin, server.url, 'admin');
    await admin.getByRole('menuitem', { name: /节假日安排/ }).click();
    await admin.waitForURL((url) => url.pathname === '/system/calendar');
    await admin
      .getByTestId('calendar-coverage')
      .getByText(/已载入 2004–2026 年/)
      .waitFor();
    await admin.getByTestId('calendar-holidays').getByText('国庆节').first().waitFor();
    await admin.screenshot({ path: `${SCREENSHOTS}/calendar.png`, fullPage: true });

    // load 2027: paste the JSON, review it in the table, get the mistake named, fix it, load
    await admin.getByRole('button', { name: /载入年度安排/ }).click();
    const dialog = admin.getByRole('dialog');
    expect(await dialog.getByLabel('年度').inputValue()).toBe('2027');
    await dialog.getByLabel('依据').fill('国务院办公厅关于2027年部分节假日安排的通知（测试数据）');
    await dialog.getByText('粘贴 JSON', { exact: true }).click();
    await dialog.getByRole('textbox', { name: '粘贴 JSON' }).fill(SCHEDULE_2027);
    await dialog.getByRole('button', { name: /解析并填入表格/ }).click();
    await expect.poll(() => dialog.getByRole('textbox', { name: '日期' }).count()).toBe(9);
    await dialog.getByRole('button', { name: /载\s*入/ }).click();
    await dialog
      .getByTestId('calendar-problems')
      .getByText(/2027-02-03 本来就是工作日/)
      .waitFor();
    await admin.screenshot({ path: `${SCREENSHOTS}/calendar-load.png`, fullPage: true });
    const wrong = dialog.locator('tr', { has: admin.locator('input[value="2027-02-03"]') });
    await wrong.getByRole('button', { name: '删除该行' }).click();
    await dialog.getByRole('button', { name: /载\s*入/ }).click();
    await admin.getByText(/已载入 2027 年安排：放假 7 天，调休上班 1 天/).waitFor();
    await admin
      .getByRole('heading', { name: '2027 年' })
      .or(admin.getByText('2027 年', { exact: true }))
      .first()
      .waitFor();
    await admin
      .getByTestId('calendar-coverage')
      .getByText(/已载入 2004–2027 年/)
      .waitFor();

    // the same question now has a covered answer
    await staff.reload();
    await explain(staff);
    expect(await staff.getByTestId('due-date').textContent()).toBe('2027-01-18');
    expect(await staff.getByTestId('calendar-warning').count()).toBe(0);
    expect(await staff.getByTestId('deadline-explanation').textContent()).not.toContain('尚未载入');
  });
});
