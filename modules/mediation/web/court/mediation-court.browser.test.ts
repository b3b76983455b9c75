import { residentIdCheckChar } from '@sifa/kernel/shared';
import { describe, expect, test } from 'vitest';
import { desktopContext, inCi, missing, SCREENSHOTS, signIn, warnIfSkipped, useBrowserAndServer } from '@sifa/testing';

warnIfSkipped('mediation-court.browser.test');

const validId = (first17: string) => `${first17}${residentIdCheckChar(first17)}`;
const GOOD_A = '(2026)赣0702民诉前调901号';
const GOOD_B = '(2026)赣0702民初902号';
const BAD = '(2026)赣0702民诉前调903号';

/** The court's list as a CSV: two good referrals (委派, 委托) and one whose applicant's ID number has a wrong check digit. */
function courtCsv(): string {
  const good = validId('36070219850612004');
  const first17 = '36070219900315003';
  const wrongCheck = `${first17}${residentIdCheckChar(first17) === '1' ? '2' : '1'}`;
  return [
    '法院案号,法院,调解类型,适用程序,纠纷类型,纠纷名称,纠纷情况,申请人,申请人证件号码,被申请人,被申请人证件号码',
    `${GOOD_A},章贡区人民法院,委派,,合同,买卖合同纠纷,买方未按约支付货款，多次催告未果,孙委派,${good},,`,
    `${GOOD_B},章贡区人民法院,委托,简易程序,邻里,相邻通行纠纷,通道被占用引发争执,钱委托,${validId('36070219780101002')},李邻居,${validId('36070219800202001')}`,
    `${BAD},章贡区人民法院,委派,,合同,借款纠纷,借款到期未还引发纠纷,吴错号,${wrongCheck},,`,
  ].join('\r\n');
}

describe.skipIf(missing && !inCi)('诉调对接 in a browser (特邀调解规定)', () => {
  const env = useBrowserAndServer();

  test('the county imports a court’s referral list row by row, sees the court’s case numbers with their results and opens one', async () => {
    const { browser, server } = env();
    const context = await desktopContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, 'zhanggong');

    await page.getByRole('menuitem', { name: /诉调对接/ }).click();
    await page.waitForURL((url) => url.pathname === '/mediation/court');
    const results = page.getByTestId('court-results');
    await results.waitFor();

    // import: the receiving unit defaults to the user's own; two rows go in, the third is reported with its problem
    await page.getByTestId('court-import').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('章贡区司法局').waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: '法院委派.csv', mimeType: 'text/csv', buffer: Buffer.from(courtCsv(), 'utf8') });
    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('共 3 行：导入 2 行，1 行有问题未导入');
    // the problem row comes first, with what to correct
    const firstRow = page.getByTestId('import-report').locator('tbody tr.ant-table-row').first();
    expect(await firstRow.textContent()).toContain(BAD);
    expect(await firstRow.textContent()).toMatch(/校验码应为 \d 而不是 \d/);
    await page.getByTestId('import-download-problems').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/mediation-court-import.png`, fullPage: true });
    await page.getByTestId('import-close').click();
    await dialog.waitFor({ state: 'hidden' });

    // the results reload: both new case numbers, registered and in progress; the refused one is not there
    await results.getByText(GOOD_A).waitFor();
    await results.getByText(GOOD_B).waitFor();
    expect(await results.getByText(BAD).count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/mediation-court.png`, fullPage: true });

    // the case number filter is exact; the mediation number opens the dispute
    await page.getByLabel('法院案号').fill(GOOD_B);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(() => results.locator('tbody tr.ant-table-row').count()).toBe(1);
    const row = results.locator('tbody tr.ant-table-row').first();
    expect(await row.textContent()).toContain('办理中');
    await row.getByTestId('court-dispute-link').click();
    await page.waitForURL((url) => /^\/mediation\/disputes\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByText('相邻通行纠纷').first().waitFor();
    await context.close();
  });
});
