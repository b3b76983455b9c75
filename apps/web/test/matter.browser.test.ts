import { beforeAll, describe, expect, test } from 'vitest';
import { desktopContext, inCi, missing, phoneContext, SCREENSHOTS, signIn, warnIfSkipped, useBrowserAndServer, notifyAbout } from '@sifa/testing';
import { createDispute } from '@sifa/mediation/testing';
import type { MatterFixture } from '@sifa/testing';

warnIfSkipped('matter.browser.test');

interface PrintProbe {
  sifaPrinted?: number;
}

/**
 * Headless Chromium has no print dialog (calling print() on a PDF frame crashes the page), so the print frame's
 * window is replaced by one that counts print() calls; the PDF itself is still fetched and loaded for real.
 */
function stubPrintDialog(): void {
  const original = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow');
  Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
    configurable: true,
    get(this: HTMLIFrameElement) {
      if (this.dataset.testid !== 'print-frame') return original?.get?.call(this) as unknown;
      return {
        focus: () => undefined,
        print: () => {
          const probe = window as PrintProbe;
          probe.sifaPrinted = (probe.sifaPrinted ?? 0) + 1;
        },
      };
    },
  });
}

describe.skipIf(missing && !inCi)('matter detail page in a browser', () => {
  const env = useBrowserAndServer();
  let matter: MatterFixture | undefined;

  beforeAll(async () => {
    const { server } = env();
    matter = await createDispute(server, { summary: '邻里噪音纠纷', deadlines: true });
    await notifyAbout(server, 'zhanggong', matter, '期限即将届满：邻里噪音纠纷');
  });

  test('from the to-do list to the matter: deadline explained, an action taken, a notice issued and printed', async () => {
    const { browser, server } = env();
    if (!matter) throw new Error('setup failed');
    const context = await desktopContext(browser);
    await context.addInitScript(stubPrintDialog);
    const page = await context.newPage();
    await signIn(page, server.url, 'zhanggong');

    // the bell shows the unread notification
    await expect.poll(() => page.getByTestId('notification-bell').getAttribute('aria-label')).toContain('1 条未读');

    // the to-do row opens the matter
    await page
      .getByRole('link', { name: /邻里噪音纠纷 · 申请司法确认期限/ })
      .first()
      .click();
    await page.waitForURL((url) => url.pathname === `/matters/${matter?.id ?? ''}`);
    const header = page.getByTestId('matter-header');
    await header.getByText(matter.number).waitFor();
    await header.getByText('已登记').waitFor();
    await header.getByText('王小明').waitFor();
    await header.getByText('李大华').waitFor();

    // nearest deadline: due in about three days, gold; its hover card explains the date and cites the statute
    const badge = header.getByTestId('deadline-badge');
    expect(await badge.getAttribute('data-deadline-level')).toBe('due-soon');
    await badge.hover();
    const card = page.getByTestId('deadline-card');
    await card.getByText('依据：《人民调解法》第三十三条', { exact: true }).waitFor();
    await card
      .getByTestId('deadline-explanation')
      .getByText(/期限届满日为/)
      .waitFor();
    // wait for the card's zoom-in animation to finish before the screenshot
    await expect.poll(() => card.evaluate((el) => getComputedStyle(el.closest('.ant-popover') ?? el).opacity)).toBe('1');
    await page.screenshot({ path: `${SCREENSHOTS}/matter-detail.png`, fullPage: true });
    await page.mouse.move(0, 0);

    // the deadlines tab lists both, the one reaching into next year with the red warning
    await page.getByRole('tab', { name: '期限' }).click();
    await expect.poll(() => page.getByTestId('deadline-item').count()).toBe(2);
    await page
      .getByText(/年的国务院节假日安排尚未载入本系统/)
      .first()
      .waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/matter-deadlines.png`, fullPage: true });

    // take an action: the mediation module's form for 受理 (registered for the kernel page), with a note
    await header.getByRole('button', { name: /^受\s*理$/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/说明/).fill('材料齐全，予以受理');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await header.getByText('已受理').waitFor();
    await page.getByRole('tab', { name: '办理过程' }).click();
    await page.getByTestId('matter-timeline').getByText('说明：材料齐全，予以受理').waitFor();
    await page.getByTestId('matter-timeline').getByText('已登记 → 已受理').waitFor();

    // someone else withdraws it meanwhile: our 撤回申请 (version 2) meets a conflict, shown in the form; the page reloads
    await matter.staff.json('POST', `/api/mediation/disputes/${matter.id}/withdraw`, {
      expectedVersion: 2,
      reason: '申请人电话撤回申请',
    });
    await header.getByRole('button', { name: '撤回申请' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('撤回的原因').fill('申请人当面撤回');
    await form.getByRole('button', { name: /提\s*交/ }).click();
    // closing the dispute is asked once more
    await page
      .getByRole('dialog')
      .filter({ hasText: '确认撤回申请' })
      .getByRole('button', { name: /提\s*交/ })
      .click();
    await page
      .getByTestId('action-problem')
      .getByText(/已被他人更新/)
      .waitFor();
    // the reloaded dispute is withdrawn already: the form says so and offers only 取消
    await page.getByTestId('action-closed').getByText('事项当前状态为“已撤回”，已不能撤回申请。').waitFor();
    const conflicted = page.getByRole('dialog').filter({ has: page.getByTestId('action-problem') });
    expect(await conflicted.getByRole('button', { name: /提\s*交/ }).isDisabled()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/matter-conflict.png`, fullPage: true });
    await conflicted.getByRole('button', { name: /取\s*消/ }).click();
    await header.getByText('已撤回').waitFor();
    expect(await header.getByRole('button', { name: '撤回申请' }).count()).toBe(0);

    // issue a notice and print it
    await page.getByRole('tab', { name: '文书' }).click();
    await page.getByRole('button', { name: '出具通知书' }).click();
    const issue = page.getByRole('dialog');
    await issue.getByLabel('文书标题').fill('人民调解受理通知书');
    await issue.getByLabel('主送').fill('王小明');
    await issue.getByLabel('正文').fill('你申请调解的纠纷，本委员会已依法受理。\n请于收到本通知之日起按约定时间参加调解。');
    await issue.getByRole('button', { name: /出\s*具/ }).click();
    await page.getByRole('cell', { name: '人民调解受理通知书' }).waitFor();
    const pdf = page.waitForResponse((r) => /\/api\/documents\/[^/]+\/pdf$/.test(r.url()));
    await page.getByTestId('print-document').first().click();
    const res = await pdf;
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
    await page.locator('iframe[data-testid="print-frame"]').waitFor({ state: 'attached' });
    await expect.poll(() => page.evaluate(() => (window as PrintProbe).sifaPrinted)).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/matter-documents.png`, fullPage: true });

    // the notification opens the matter and is read afterwards
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-panel').getByText('期限即将届满：邻里噪音纠纷').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/notifications.png` });
    await page.getByTestId('notification-item').first().click();
    await expect.poll(() => page.getByTestId('notification-bell').getAttribute('aria-label')).toBe('通知');
    await context.close();
  });

  test('on a phone the header, actions and tabs fit one column', async () => {
    const { browser, server } = env();
    const other = await createDispute(server, { summary: '宅基地边界纠纷', deadlines: true });
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, 'zhanggong');
    await page.goto(`${server.url}/matters/${other.id}`);
    const header = page.getByTestId('matter-header');
    await header.getByText(other.number).waitFor();
    await header.getByTestId('deadline-badge').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SCREENSHOTS}/matter-detail-phone.png`, fullPage: true });

    // the same page in English
    await page.getByRole('button', { name: '切换语言' }).click();
    await header.getByText('Next deadline').waitFor();
    await header.getByRole('button', { name: 'Accept' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/matter-detail-phone-en.png`, fullPage: true });
    await context.close();
  });
});
