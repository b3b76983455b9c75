import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { anchorNewChain, appendAudit, auditHead, auditSigner, generateAuditKeyPair, lockDataDir, sealAudit, writeAnchor } from '@sifa/kernel';
import { openPlatform, seedIfEmpty } from '@sifa/platform';
import { testConfig, TEST_DATA_KEY } from '@sifa/testing';
import { businessModules } from '../src/registry';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

// The auditor's machine: the public half of the anchor key only (ADR 0019), kept outside the data directory.
const keyDir = mkdtempSync(join(tmpdir(), 'sifa-verify-keys-'));
const pair = generateAuditKeyPair();
const publicKeyFile = join(keyDir, 'audit-signing-key.pem.pub');
writeFileSync(publicKeyFile, pair.publicPem);

function verifyCli(dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const proc = spawn(process.execPath, ['--import', 'tsx', CLI, 'audit:verify'], {
    env: { ...env, SIFA_DATA_DIR: dataDir, LOG_LEVEL: 'warn', SIFA_AUDIT_PUBLIC_KEY_FILE: publicKeyFile },
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
    const signer = auditSigner(pair.privatePem);
    try {
      await anchorNewChain(platform.engine.db, join(dataDir, 'audit-anchor.json'), signer);
      await seedIfEmpty(platform.engine, config, businessModules);
      for (const username of ['admin', 'auditor']) {
        await platform.engine.db.transaction().execute((trx) => appendAudit(trx, { id: null, username, orgId: null }, { action: 'kernel.auth.login' }));
      }
      // what the platform's sealer does after each round, and once more on a clean stop
      await sealAudit(platform.engine.db);
      const head = await auditHead(platform.engine.db);
      if (head) writeAnchor(join(dataDir, 'audit-anchor.json'), signer, head);
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
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(keyDir, { recursive: true, force: true });
  });

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

  // Issue #11 item 5: each of these was reported OK.
  test(
    'a deleted anchor file is reported BROKEN',
    async () => {
      const anchor = join(dataDir, 'audit-anchor.json');
      copyFileSync(anchor, `${anchor}.saved`);
      rmSync(anchor);
      try {
        const r = await verifyCli(dataDir);
        expect(r.stdout).toContain(`BROKEN 审计哈希链断裂：审计锚点文件 ${anchor} 缺失`);
        expect(r.code).toBe(1);
      } finally {
        copyFileSync(`${anchor}.saved`, anchor);
      }
    },
    SLOW,
  );

  test(
    'an anchor re-signed with the key kept beside the data (the data key, as the HMAC anchor was) is reported BROKEN',
    async () => {
      const anchor = join(dataDir, 'audit-anchor.json');
      const genuine = readFileSync(anchor, 'utf8');
      const at = new Date().toISOString();
      const mac = createHmac('sm3', Buffer.from(TEST_DATA_KEY, 'hex'))
        .update(`1:${'0'.repeat(64)}:${at}`)
        .digest('hex');
      writeFileSync(anchor, JSON.stringify({ seq: 1, hash: '0'.repeat(64), at, mac }));
      try {
        const r = await verifyCli(dataDir);
        expect(r.stdout).toContain('不是 SM2 签名的锚点');
        expect(r.code).toBe(1);
      } finally {
        writeFileSync(anchor, genuine);
      }
    },
    SLOW,
  );

  test(
    'a forged entry inserted unsealed is reported BROKEN and left unsealed: the check writes nothing',
    async () => {
      await onDatabase(
        dataDir,
        `insert into kernel.audit_log (at, actor_name, action, result, summary) values (now() - interval '1 hour', 'mallory', 'kernel.auth.login', 'success', '{}')`,
      );
      const r = await verifyCli(dataDir);
      expect(r.stdout).toContain('有 1 条记录');
      expect(r.stdout).toContain('未封存进哈希链');
      expect(r.code).toBe(1);
      const db = new PGlite(join(dataDir, 'pgdata'));
      try {
        expect((await db.query(`select seq from kernel.audit_log where actor_name = 'mallory'`)).rows).toEqual([{ seq: null }]);
        await db.exec(`delete from kernel.audit_log where actor_name = 'mallory'`);
      } finally {
        await db.close();
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
