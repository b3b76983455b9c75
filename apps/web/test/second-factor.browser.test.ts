import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { base32Decode, hashPassword, hotp } from '@sifa/kernel';
import { DEMO_PASSWORD, desktopContext, inCi, missing, SCREENSHOTS, signIn, warnIfSkipped, useBrowserAndServer } from '@sifa/testing';

warnIfSkipped('second-factor.browser.test');

// ADR 0020: with the production default (every staff account needs a second factor) a new account enrols its
// TOTP on the console's 二次验证 page before anything else, and sign-in then asks for the code; the demo
// accounts still sign in with the password alone.
describe.skipIf(missing && !inCi)('second factor in the console', () => {
  const env = useBrowserAndServer({ config: { mfaRoles: 'all' } });

  test('the demo accounts sign in with the password alone', async () => {
    const { browser, server } = env();
    const context = await desktopContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, 'leader');
    await expect.poll(() => page.getByText('我的待办').first().isVisible()).toBe(true);
    await context.close();
  });

  test('a new account enrols on first sign-in, keeps its recovery codes, and is asked for the code afterwards', async () => {
    const { browser, server } = env();
    const db = server.engine.db;
    const org = await db.selectFrom('kernel.orgs').select('id').where('name', '=', '章贡区司法局').executeTakeFirstOrThrow();
    await db
      .insertInto('kernel.users')
      .values({
        id: randomUUID(),
        username: 'zg-totp',
        displayName: '绑定测试',
        passwordHash: await hashPassword(DEMO_PASSWORD),
        orgId: org.id,
        roles: ['county-staff'],
      })
      .execute();
    const context = await desktopContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel(/登录名/).fill('zg-totp');
    await page.getByLabel(/^口令/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => url.pathname === '/me/second-factor');
    await page.getByText('须绑定动态口令后才能使用系统').waitFor();
    await page.getByRole('button', { name: /开始绑定/ }).click();
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByTestId('totp-qr').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/second-factor-enrol.png`, fullPage: true });
    const step = Math.floor(Date.now() / 30_000);
    await page.getByTestId('totp-code').fill(hotp(base32Decode(secret), step));
    await page.getByRole('button', { name: /完成绑定/ }).click();
    const codes = (await page.getByTestId('recovery-codes').innerText()).split(/\s+/).filter(Boolean);
    expect(codes).toHaveLength(10);
    await page.screenshot({ path: `${SCREENSHOTS}/second-factor-codes.png`, fullPage: true });
    await page.getByRole('button', { name: /我已保存/ }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => page.getByText('我的待办').first().isVisible()).toBe(true);

    // signing in again: the password, then the code the app shows next
    await page.getByTestId('user-menu').click();
    await page.getByText('退出登录').click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByLabel(/登录名/).fill('zg-totp');
    await page.getByLabel(/^口令/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('login-code').fill(hotp(base32Decode(secret), step + 1));
    await page.screenshot({ path: `${SCREENSHOTS}/second-factor-login.png`, fullPage: true });
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await context.close();
  });
});
