import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { DEMO_PASSWORD } from '../config';
import type { AppConfig } from '@sifa/platform';
import { startTestServer, type TestServer } from '../server';

// One Chromium, its launch options and the CI behaviour (a missing browser fails) for every browser test.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
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
// this file is packages/testing/src/browser/browser.ts: four levels up is the repository
const ROOT = new URL('../../../../', import.meta.url);
/** The console the browser tests drive (built into its dist/ when missing). */
const WEB_ROOT = fileURLToPath(new URL('apps/web/', ROOT));
/** Where browser tests write their screenshots: test-results/screenshots/ at the repository root. */
export const SCREENSHOTS = fileURLToPath(new URL('test-results/screenshots/', ROOT));

/** No Chromium on this machine: browser tests skip (outside CI) with `describe.skipIf(missing && !inCi)`. */
export const missing = !existsSync(CHROMIUM);
/** Under CI a missing browser fails the run instead of skipping it. */
export const inCi = process.env.CI === 'true';

/** Warns once when the browser tests of `file` are skipped for want of Chromium (outside CI). */
export function warnIfSkipped(file: string): void {
  if (missing && !inCi) {
    console.warn(`${file}: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium fonts-noto-cjk, or set CHROMIUM_PATH)`);
  }
}

/** Builds the console once if nobody has (CI runs `npm run build:web` first), then starts Chromium. */
export async function launchBrowser(): Promise<Browser> {
  if (missing) {
    throw new Error(
      `Chromium is required in CI but was not found at ${CHROMIUM}: install the Debian packages chromium and ` +
        'fonts-noto-cjk, or point CHROMIUM_PATH at a Chromium binary',
    );
  }
  if (!existsSync(`${WEB_ROOT}/dist/index.html`)) {
    const { build } = await import('vite');
    await build({ root: WEB_ROOT, logLevel: 'warn' });
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  // loaded here, not at the top: every test file imports @sifa/testing, and Playwright takes seconds to load
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Contexts ask for reduced motion, so the console turns Ant Design's animations off (useReducedMotion): a click never
 * lands on a dialog that is still zooming in, which under load made clicks miss.
 */
const STILL = { reducedMotion: 'reduce' } as const;

/** A phone: 390 × 844 at 2×, touch, Chinese. */
export function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...STILL,
  });
}

export function desktopContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 1366, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...STILL,
  });
}

/** Signs `username` in through the console's sign-in page (the console sends a visitor without a session there). */
export async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByLabel(/登录名/).fill(username);
  await page.getByLabel(/口令/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

/**
 * Chromium and a test server for the tests of one file: started before them (in this `describe`), closed after.
 * Each test takes them with `env()`; a failed start makes every test fail with that reason.
 */
export function useBrowserAndServer(opts: { demoSize?: number; config?: Partial<AppConfig> } = {}): () => { browser: Browser; server: TestServer } {
  let browser: Browser | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startTestServer(opts);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return () => {
    if (!browser || !server) throw new Error('setup failed');
    return { browser, server };
  };
}
