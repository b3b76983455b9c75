import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AuditEntry } from '@sifa/kernel/shared';
import { KERNEL_AUDIT_LABELS } from '@sifa/kernel/shared';
import { createTestApp, sampleModule, type Agent, type TestApp } from '@sifa/testing';

const SRC = fileURLToPath(new URL('..', import.meta.url));
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [join(dir, d.name)] : [],
  );

/**
 * Issue #13 item 9: the audit page showed `kernel.auth.login` and `matter · 3b94d6e2`. Each entry now carries its action
 * in words (the kernel's catalogue, the modules' workflows and declared codes) and, for a matter of the caller's scope,
 * its number and name.
 */
describe('the audit log in plain language', () => {
  let t: TestApp;
  let zhanggong: Agent;
  let auditor: Agent;
  beforeAll(async () => {
    t = await createTestApp({ modules: [sampleModule] });
    [zhanggong, auditor] = await Promise.all([t.loginAs('zhanggong'), t.loginAs('auditor')]);
  });
  afterAll(() => t.close());

  test('every audit code the kernel writes has its words in the catalogue', () => {
    const codes = new Set(sources(SRC).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/action: '(kernel\.[a-z.-]+)'/g)].map((m) => m[1] ?? '')));
    codes.add('kernel.deadline.complete').add('kernel.deadline.cancel');
    expect(codes.size).toBeGreaterThan(30);
    expect([...codes].filter((c) => !KERNEL_AUDIT_LABELS[c])).toEqual([]);
  });

  test('a sign-in reads 登录 and a matter’s entry names its number and name, not an id', async () => {
    const org = await t.orgId('章贡区司法局');
    const opened = await zhanggong.request('POST', '/api/sample/cases', { orgId: org, title: '宅基地边界纠纷' });
    expect(opened.statusCode, opened.body).toBe(201);
    const matter = opened.json<{ id: string; number: string }>();

    const res = await auditor.request('GET', '/api/audit?pageSize=100');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: AuditEntry[] }>().items;
    expect(items.find((e) => e.action === 'kernel.auth.login')?.actionLabel).toEqual({ zh: '登录', en: 'Sign-in' });
    const registered = items.find((e) => e.targetId === matter.id);
    expect(registered?.action).toBe('sample.case.register');
    expect(registered?.actionLabel?.zh).toMatch(/登记$/);
    expect(registered?.matter).toEqual({ number: matter.number, title: '宅基地边界纠纷' });

    const xlsx = await auditor.request('GET', '/api/audit/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
  });
});
