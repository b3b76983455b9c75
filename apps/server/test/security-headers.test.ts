import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '@sifa/platform';
import { createTestApp, type TestApp } from '@sifa/testing';

// Issue #11 item 2: a Content-Security-Policy and the usual security headers on the console, the portal and the
// API — pages, files, answers, errors and unknown addresses alike.
describe('security headers', () => {
  let t: TestApp;
  let https: TestApp;
  const webDist = mkdtempSync(join(tmpdir(), 'sifa-web-'));
  beforeAll(async () => {
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/app.js"></script>');
    writeFileSync(join(webDist, 'app.js'), 'console.log(1)');
    t = await createTestApp({ config: { webDist } });
    https = await createTestApp({ config: { webDist, secureCookie: true } });
  });
  afterAll(async () => {
    await t.close();
    await https.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  test('the policy runs scripts from this origin only and lets no other site frame the pages', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  test.each([
    ['the console', '/'],
    ['a console page (client-side route)', '/mediation/disputes'],
    ['the portal', '/portal'],
    ['a static file', '/app.js'],
    ['an API answer', '/api/auth/session'],
    ['a public API answer', '/api/public/mediation/categories'],
    ['an unknown API address', '/api/nothing-here'],
    ['the API document', '/api/docs/json'],
  ])('%s (%s)', async (_what, url) => {
    const res = await t.anonymous('GET', url);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(res.headers['permissions-policy']).toContain('camera=()');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    if (url.startsWith('/api/') && url !== '/api/docs/json') expect(res.headers['cache-control']).toBe('no-store');
  });

  test('a refused write, validation error included, carries them too', async () => {
    const res = await t.anonymous('POST', '/api/auth/login', { username: 'x\u0000', password: 'y' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  test('an address the router cannot decode is answered 400 in the usual shape, with the headers', async () => {
    const res = await t.anonymous('GET', '/api/indicators/a%ED%A0%80');
    expect(res.statusCode).toBe(400);
    expect(res.json<{ code: string; message: string }>()).toEqual({ code: 'BAD_REQUEST', message: '请求格式不正确：地址中有无法识别的字符编码，请检查链接' });
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  test('behind HTTPS (SIFA_COOKIE_SECURE=true) browsers are told to keep to HTTPS', async () => {
    const res = await https.anonymous('GET', '/');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
  });
});
