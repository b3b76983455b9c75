import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appendAudit, lockDataDir } from '@sifa/kernel';
import { openPlatform, seedIfEmpty } from '@sifa/platform';
import { testConfig } from '@sifa/testing';
import { businessModules } from '../src/registry';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

function verifyCli(dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const proc = spawn(process.execPath, ['--import', 'tsx', CLI, 'audit:verify'], {
    env: { ...env, SIFA_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  proc.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  return new Promise((resolve) => proc.once('close', (code) => resolve({ code, stdout, stderr })));
}

async function onDatabase(dataDir: string, text: string) {
  const db = new PGlite(join(dataDir, 'pgdata'));
  try {
    await db.exec(text);
  } finally {
    await db.close();
  }
}

// Each CLI run starts Node with tsx and opens the embedded database: seconds each, more on a loaded machine.
const SLOW = 120_000;

// audit:verify reads the embedded data directory; on PostgreSQL the same check runs through /api/audit/verify.
describe.skipIf(!!process.env.DATABASE_URL)('npm run audit:verify on an embedded data directory', () => {
  let dataDir = '';
  let entries = 0;

  // A data directory as a first start leaves it, plus two sign-in entries.
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sifa-verify-'));
    const config = testConfig({ dataDir, databaseUrl: undefined });
    const platform = await openPlatform(config, businessModules);
    try {
      await seedIfEmpty(platform.engine, config, businessModules);
      for (const username of ['admin', 'auditor']) {
        await platform.engine.db.transaction().execute((trx) => appendAudit(trx, { id: null, username, orgId: null }, { action: 'kernel.auth.login' }));
      }
      entries = (
        await platform.engine.db
          .selectFrom('kernel.auditLog')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    } finally {
      await platform.close();
    }
  }, 240_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test(
    'an untouched chain is reported OK with the number of entries',
    async () => {
      const r = await verifyCli(dataDir);
      expect(entries).toBeGreaterThanOrEqual(3);
      expect(r.stdout).toBe(`OK 审计哈希链完好，共校验 ${entries} 条 / audit chain intact (${entries} entries)\n`);
      expect(r.code).toBe(0);
    },
    SLOW,
  );

  test(
    'it refuses to run while a server holds the directory',
    async () => {
      const lock = lockDataDir(dataDir);
      try {
        const r = await verifyCli(dataDir);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain(`数据目录 ${dataDir} 正被另一个 Sifa 进程 (PID ${process.pid}) 使用`);
      } finally {
        lock.release();
      }
    },
    SLOW,
  );

  test(
    'an entry edited directly in the database is reported BROKEN at its number, with exit code 1',
    async () => {
      const seq = entries - 1;
      await onDatabase(dataDir, `update kernel.audit_log set actor_name = 'mallory' where seq = ${seq}`);
      const r = await verifyCli(dataDir);
      expect(r.stdout).toBe(`BROKEN 审计哈希链在第 ${seq} 条断裂：第 ${seq} 条的内容与其哈希不符 (记录被修改) / chain broken at entry ${seq}\n`);
      expect(r.code).toBe(1);
    },
    SLOW,
  );
});
