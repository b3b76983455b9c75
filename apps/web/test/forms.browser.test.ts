import { describe, expect, test, vi } from 'vitest';
import { createDispute } from '@sifa/mediation/testing';
import { DEMO_PASSWORD, desktopContext, inCi, missing, phoneContext, SCREENSHOTS, signIn, signInApi, useBrowserAndServer, warnIfSkipped } from '@sifa/testing';

warnIfSkipped('forms.browser.test');
// one long flow per test (a whole registration, two phone and desktop rounds): more time than the default on a busy machine
vi.setConfig({ hookTimeout: 600_000, testTimeout: 600_000 });

const MB = 1024 * 1024;

// issue #13 items 2, 3 and 8: typed work survives the session's end, amounts read as typed, uploads checked first.
describe.skipIf(missing && !inCi)('forms that keep what is typed, in a browser', () => {
  // a 1 MB limit: the test's over-limit file stays small enough to hand to the browser quickly
  const env = useBrowserAndServer({ config: { uploadMaxMb: 1 } });

  test('an amount reads as typed; the session ends mid-form; signing in again in place sends the registration', async () => {
    const { browser, server } = env();
    const context = await desktopContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, 'office');
    await page.goto(`${server.url}/mediation/disputes/new`);

    await page.getByLabel('纠纷类型').fill('邻里');
    await page.locator('.ant-select-item-option[title="邻里"]').click();
    await page.locator('.ant-form-item').filter({ hasText: '纠纷来源' }).locator('.ant-select').click();
    await page.locator('.ant-select-item-option[title="窗口登记"]').click();
    await page.getByLabel('纠纷名称').fill('王某与李某排水沟纠纷');
    await page.getByLabel('纠纷情况').fill('李某修建围墙堵塞排水沟，王某院内积水，双方多次争吵。');
    const cards = page.getByTestId('party-card');
    await cards.nth(0).getByLabel('姓名').fill('王小明');
    await cards.nth(0).getByLabel('证件号码').fill('11010519491231002X');
    await cards.nth(1).getByLabel('姓名').fill('李大山');
    await cards.nth(1).getByLabel('证件号码').fill('360702198503151230');

    // before: 12，000．50 became 1,200,050.00, １２０００ blank, 1.2万 1.20
    const amount = page.getByTestId('dispute-amount');
    const echo = page.getByTestId('dispute-amount-echo');
    await amount.fill('12，000．50');
    await echo.getByText('大写：壹万贰仟元零伍角').waitFor();
    await amount.fill('１２０００');
    await echo.getByText('大写：壹万贰仟元整').waitFor();
    await amount.fill('12,00');
    await page.getByText('涉及金额（元）：千位分隔符位置不对').waitFor();
    await amount.fill('1.2万');
    await echo.getByText('大写：壹万贰仟元整').waitFor();
    await page
      .locator('.ant-form-item')
      .filter({ hasText: '涉及金额' })
      .screenshot({ path: `${SCREENSHOTS}/forms-amount.png` });

    // the draft is on this device: a reload offers it back
    await page.waitForTimeout(600);
    await page.reload();
    await page.getByTestId('draft-found').waitFor();
    await page.getByTestId('draft-restore').click();
    expect(await page.getByLabel('纠纷名称').inputValue()).toBe('王某与李某排水沟纠纷');
    expect(await amount.inputValue()).toBe('12,000');

    // the idle timeout passes while the form is open
    await server.engine.db
      .updateTable('kernel.sessions')
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .execute();
    await page.getByRole('button', { name: /提交登记/ }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '登录已超时，请重新登录' });
    await dialog.getByLabel('密码').waitFor();
    await page.waitForTimeout(400); // the dialog's opening animation settles
    await page.screenshot({ path: `${SCREENSHOTS}/forms-session-dialog.png` });
    await dialog.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByTestId('session-sign-in').click();
    // the pending registration went through: the new dispute opens, nothing was typed twice
    await page.waitForURL((url) => /^\/mediation\/disputes\/[0-9a-f-]{36}$/.test(url.pathname));
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    const staff = await signInApi(server.url, 'office');
    expect(await staff.json<{ amountYuan: number; matter: { title: string } }>('GET', `/api/mediation/disputes/${id}`)).toMatchObject({
      amountYuan: 12_000,
      matter: { title: '王某与李某排水沟纠纷' },
    });
    // submitted: the draft is gone
    await page.goto(`${server.url}/mediation/disputes/new`);
    await page.getByLabel('纠纷名称').waitFor();
    expect(await page.getByTestId('draft-found').count()).toBe(0);
    await context.close();
  });

  test('the console warns before the idle timeout and 继续使用 keeps the session', async () => {
    const { browser, server } = env();
    const context = await desktopContext(browser);
    const page = await context.newPage();
    await page.clock.install();
    await signIn(page, server.url, 'office');
    await page.getByRole('menuitem').first().waitFor();
    // 28 idle minutes later, on the server and on the page's clock; the bell's poll in between does not renew it.
    // A page load still in flight when the clock jumps renews it once: then the jump is taken again.
    const warning = page.getByTestId('session-expiring');
    for (let round = 0; round < 3 && !(await warning.isVisible()); round++) {
      await server.engine.db
        .updateTable('kernel.sessions')
        .set({ lastSeenAt: new Date(Date.now() - 28 * 60_000) })
        .execute();
      await page.clock.fastForward('28:00');
      await warning.waitFor({ timeout: 15_000 }).catch(() => undefined);
    }
    await warning.waitFor({ timeout: 5_000 });
    await page.screenshot({ path: `${SCREENSHOTS}/forms-session-warning.png` });
    await page.getByTestId('session-stay').click();
    await page.getByTestId('session-expiring').waitFor({ state: 'hidden' });
    await context.close();
  });

  test('a file over the limit or of another type is refused in the browser, before a byte is sent', async () => {
    const { browser, server } = env();
    const d = await createDispute(server, { summary: '附件上限纠纷' });
    for (const make of [desktopContext, phoneContext]) {
      const context = await make(browser);
      const page = await context.newPage();
      await signIn(page, server.url, 'zhanggong');
      const posted: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().includes('/attachments')) posted.push(r.url());
      });
      await page.goto(`${server.url}/matters/${d.id}?tab=attachments`);
      await page.getByTestId('upload-attachment').waitFor();
      const input = page.locator('input[type=file]');
      const started = Date.now();
      await input.setInputFiles({ name: '庭审录音.mp3', mimeType: 'audio/mpeg', buffer: Buffer.alloc(2 * MB, 0x41) });
      const refused = page.getByTestId('upload-refused');
      await refused.getByText('超过 1 MB 的上限').waitFor();
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(await refused.textContent()).toContain('“庭审录音.mp3”有 2 MB');
      await page.screenshot({ path: `${SCREENSHOTS}/forms-upload-refused-${make === phoneContext ? 'phone' : 'desktop'}.png` });
      await input.setInputFiles({ name: '工具.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
      await refused.getByText('“工具.exe”的格式不能上传').waitFor();
      expect(posted).toEqual([]);
      await context.close();
    }
  });
});
