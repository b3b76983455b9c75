import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { startTestServer } from '@sifa/testing';
import { signIn } from './support/browser';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const WEB_ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));

const missing = !existsSync(CHROMIUM);
const inCi = process.env.CI === 'true';
if (missing && !inCi) {
  console.warn(
    `console.browser.test: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium fonts-noto-cjk, or set CHROMIUM_PATH)`,
  );
}

describe.skipIf(missing && !inCi)('staff console in a browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (missing) {
      throw new Error(
        `Chromium is required in CI but was not found at ${CHROMIUM}: install the Debian packages chromium and ` +
          'fonts-noto-cjk, or point CHROMIUM_PATH at a Chromium binary',
      );
    }
    // The server serves the built console; build it once if nobody has (CI runs `npm run build:web` first).
    if (!existsSync(`${WEB_ROOT}/dist/index.html`)) {
      const { build } = await import('vite');
      await build({ root: WEB_ROOT, logLevel: 'warn' });
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startTestServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the platform admin sees the whole city in the unit tree', async () => {
    if (!browser || !server) throw new Error('setup failed');
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, server.url, 'admin');
    await expect.poll(() => page.getByText('我的待办').first().isVisible()).toBe(true);

    await page.getByRole('menuitem', { name: /组织机构/ }).click();
    await page.waitForURL((url) => url.pathname === '/system/orgs');
    const tree = page.getByTestId('org-tree');
    await tree.getByText('赣州市司法局', { exact: true }).waitFor();
    await tree.getByText('章贡区司法局', { exact: true }).waitFor();
    await page.getByTestId('org-detail').getByText('新增下级单位').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/orgs.png`, fullPage: true });

    // the neighbour county is in the city admin's scope too
    await page.getByPlaceholder('按名称搜索').fill('宁都');
    await tree.getByText('宁都县司法局', { exact: true }).waitFor();
    await context.close();
  });

  test('a county user on a phone sees only its own county', async () => {
    if (!browser || !server) throw new Error('setup failed');
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    await signIn(page, server.url, 'zhanggong');

    // below 768 px the menu lives in a drawer behind the menu button
    await page.getByTestId('menu-button').click();
    await page.getByRole('menuitem', { name: /组织机构/ }).click();
    await page.waitForURL((url) => url.pathname === '/system/orgs');
    const tree = page.getByTestId('org-tree');
    await tree.getByText('章贡区司法局', { exact: true }).waitFor();

    const names = await tree.locator('[data-org-id]').allInnerTexts();
    expect(names.length).toBeGreaterThan(1);
    expect(names.join('\n')).not.toContain('宁都');
    expect(names.join('\n')).not.toContain('赣州市司法局');
    // no management buttons for a county staff member
    expect(await page.getByText('新增下级单位').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/orgs-zhanggong-phone.png`, fullPage: true });

    // searching the whole scope finds nothing of the neighbour county
    await page.getByPlaceholder('按名称搜索').fill('宁都');
    await page.getByText('没有匹配的单位').waitFor();
    await context.close();
  });
});
