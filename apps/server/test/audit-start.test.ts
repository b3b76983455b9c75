import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, test } from 'vitest';
import { auditHead } from '@sifa/kernel';
import { startServer } from '@sifa/platform';
import { testConfig } from '@sifa/testing';
import { businessModules } from '../src/registry';

// ADR 0019: what a start does with the anchor, and with entries written past the platform while it was stopped.
describe.skipIf(!!process.env.DATABASE_URL)('the audit trail across starts of the embedded platform', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sifa-audit-start-'));
  const config = testConfig({ dataDir, databaseUrl: undefined, port: 0, host: '127.0.0.1', webDist: join(dataDir, 'no-web'), runJobs: false });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('a first start anchors the chain (0600, SM2) and reports nothing; the anchor follows the head to the clean stop', async () => {
    const server = await startServer(config, { modules: businessModules, logger: false });
    expect(server.notices).toEqual([]);
    expect(server.auditKey).toMatchObject({ source: 'env', anchorFile: join(dataDir, 'audit-anchor.json') });
    await server.close();
    const anchor = JSON.parse(readFileSync(join(dataDir, 'audit-anchor.json'), 'utf8')) as { v: number; seq: number; key: string };
    expect(anchor).toMatchObject({ v: 2, key: server.auditKey.fingerprint });
    expect(anchor.seq).toBeGreaterThan(0);
    expect(statSync(join(dataDir, 'audit-anchor.json')).mode & 0o777).toBe(0o600);
  }, 180_000);

  test('an entry slipped into the stopped database is sealed at the next start only with an entry saying so', async () => {
    const db = new PGlite(join(dataDir, 'pgdata'));
    try {
      await db.exec(
        `insert into kernel.audit_log (at, actor_name, action, result, summary) values (now() - interval '1 hour', 'mallory', 'kernel.auth.login', 'success', '{}')`,
      );
    } finally {
      await db.close();
    }
    const server = await startServer(config, { modules: businessModules, logger: false });
    try {
      expect(server.notices).toEqual([expect.stringMatching(/^启动时发现 1 条未封存的审计记录 .*kernel\.audit\.seal-leftover/)]);
      const db2 = server.app.sifaDeps.engine.db;
      const leftover = await db2.selectFrom('kernel.auditLog').select(['summary']).where('action', '=', 'kernel.audit.seal-leftover').executeTakeFirstOrThrow();
      expect(leftover.summary).toMatchObject({ count: 1 });
      await expect.poll(async () => (await auditHead(db2))?.seq, { timeout: 10_000 }).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  }, 180_000);
});
