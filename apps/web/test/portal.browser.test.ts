import { beforeAll, describe, expect, test } from 'vitest';
import { SCREENSHOTS, inCi, missing, phoneContext, warnIfSkipped, useBrowserAndServer, CITIZEN_PHONE, lastSmsCode } from '@sifa/testing';
import { createDispute } from '@sifa/mediation/testing';
import type { MatterFixture } from '@sifa/testing';

warnIfSkipped('portal.browser.test');

interface IssuedDocument {
  id: string;
  number: string;
  verifyUrl: string;
}

describe.skipIf(missing && !inCi)('public portal on a phone (390 × 844)', () => {
  const env = useBrowserAndServer();
  let matter: MatterFixture | undefined;
  let notice: IssuedDocument | undefined;

  beforeAll(async () => {
    const { server } = env();
    matter = await createDispute(server, { summary: '邻里噪音纠纷' });
    await matter.staff.json('POST', `/api/mediation/disputes/${matter.id}/accept`, {
      expectedVersion: 1,
      note: '材料齐全',
    });
    notice = await matter.staff.json<IssuedDocument>('POST', `/api/matters/${matter.id}/documents`, {
      kind: 'mediation.notice',
      title: '人民调解受理通知书',
      addressee: '王小明',
      body: ['你申请调解的纠纷，本委员会已依法受理。'],
    });
  });

  test('a citizen signs in with an SMS code and tracks the application by number and phone', async () => {
    const { browser, server } = env();
    if (!matter) throw new Error('setup failed');
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/portal`);
    await page.getByTestId('entry-track').waitFor();
    await page.getByTestId('entry-verify').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/portal-home.png`, fullPage: true });

    // 我的 → sign-in: phone, 获取验证码 with its countdown, the code from the SMS
    await page.getByTestId('entry-me').click();
    await page.waitForURL((url) => url.pathname === '/portal/login');
    await page.getByLabel('手机号').fill('139 0797 1234');
    await page.getByTestId('request-code').click();
    await expect.poll(() => page.getByTestId('request-code').textContent()).toMatch(/\d+ 秒后重新获取/);
    expect(await page.getByTestId('request-code').isDisabled()).toBe(true);
    await page.getByLabel('验证码').fill(await lastSmsCode(server));
    await page.screenshot({ path: `${SCREENSHOTS}/portal-login.png`, fullPage: true });
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => url.pathname === '/portal/me');
    expect(await page.getByTestId('portal-phone').textContent()).toBe('139****1234');

    // tracking: a wrong phone finds nothing; the right one shows the plain status page
    await page.goto(`${server.url}/portal/track`);
    await page.getByLabel('编号').fill(matter.number);
    await page.getByLabel('申请时留的手机号').fill('13800000000');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page
      .getByTestId('track-error')
      .getByText(/没有找到与该编号和手机号对应的申请/)
      .waitFor();
    await page.getByLabel('申请时留的手机号').fill(CITIZEN_PHONE);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const result = page.getByTestId('track-result');
    expect(await result.getByTestId('track-status').textContent()).toBe('已受理');
    await result.getByText('登记', { exact: true }).waitFor();
    await result.getByText('受理', { exact: true }).waitFor();
    const shown = (await result.textContent()) ?? '';
    expect(shown).not.toContain('张县局'); // no staff names
    expect(shown).not.toContain('李大华'); // nor the other party
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SCREENSHOTS}/portal-track.png`, fullPage: true });

    // signing out sends the citizen CSRF token and ends the session
    await page.goto(`${server.url}/portal/me`);
    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.waitForURL((url) => url.pathname === '/portal');
    await page.goto(`${server.url}/portal/me`);
    await page.waitForURL((url) => url.pathname === '/portal/login');
    await context.close();
  });

  test('the QR code of an issued notice opens its verification page: genuine, then revoked; unknown codes are not found', async () => {
    const { browser, server } = env();
    if (!matter || !notice) throw new Error('setup failed');
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const code = notice.verifyUrl.split('/verify/')[1] ?? '';
    await page.goto(`${server.url}/verify/${code}`);
    await page.getByTestId('verify-ok').getByText('核验通过').waitFor();
    await page.getByText(notice.number).waitFor();
    await page.getByText('章贡区司法局').waitFor();
    await page.getByTestId('verify-hash').waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain('王小明'); // no personal data
    await page.screenshot({ path: `${SCREENSHOTS}/verify.png`, fullPage: true });

    await matter.staff.json('POST', `/api/documents/${notice.id}/revoke`, { reason: '通知书内容有误，另行出具' });
    await page.reload();
    await page.getByTestId('verify-revoked').getByText('已撤销').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/verify-revoked.png`, fullPage: true });

    // typing the code on the portal leads to the same page; a code of no document is not found
    await page.goto(`${server.url}/portal/verify`);
    await page.getByLabel('核验码').fill('AAAAAAAAAAAAAAAAAAAAAAAAAA');
    await page.getByRole('button', { name: /核\s*验/ }).click();
    await page.getByTestId('verify-not-found').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/verify-not-found.png`, fullPage: true });
    await context.close();
  });
});
