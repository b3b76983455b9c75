import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { DEMO_PASSWORD } from '@sifa/testing';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const address = srv.address();
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

interface Cli {
  proc: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  /** Resolves with the match once stdout matches `re`; rejects if the process ends first. */
  waitFor(re: RegExp, ms?: number): Promise<RegExpMatchArray>;
}

function cli(command: string, env: Record<string, string>): Cli {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const proc = spawn(process.execPath, ['--import', 'tsx', CLI, command], {
    env: { ...inherited, HOST: '127.0.0.1', LOG_LEVEL: 'warn', SIFA_WEB_DIST: join(tmpdir(), 'sifa-no-web'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stdout.on('data', (b: Buffer) => (out += b.toString()));
  proc.stderr.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return {
    proc,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor: (re, ms = 150_000) =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        const check = () => {
          const m = re.exec(out);
          if (m) resolve(m);
          else if (proc.exitCode !== null || proc.signalCode !== null) reject(new Error(`exited (${proc.exitCode}) before ${re}: ${out}\n${err}`));
          else if (Date.now() - started > ms) reject(new Error(`timed out waiting for ${re}: ${out}\n${err}`));
          else setTimeout(check, 100);
        };
        check();
      }),
  };
}

async function signIn(url: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'zhanggong', password: DEMO_PASSWORD }),
  });
  return { status: res.status, body: (await res.json()) as { user?: { orgName: string } } };
}

// The data-directory lock guards the embedded engine only; on PostgreSQL several processes share the server.
describe.skipIf(!!process.env.DATABASE_URL)('one process per embedded data directory', () => {
  let dataDir = '';
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'sifa-2p-'));
  });
  const started: Cli[] = [];
  const start = async (command: string) => {
    // HOME apart: the demo's development audit key (ADR 0019) is made in ~/.sifa, not in the tester's home
    const c = cli(command, { SIFA_DATA_DIR: dataDir, PORT: String(await freePort()), HOME: join(dataDir, '..', `${basename(dataDir)}-home`) });
    started.push(c);
    return c;
  };
  // A test that fails half-way must not leave a server holding the directory for the next one.
  afterEach(async () => {
    for (const c of started.splice(0)) {
      if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
      await c.exited;
    }
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(`${dataDir}-home`, { recursive: true, force: true });
  });

  test('a second server on the same directory is refused, and the first stops cleanly on Ctrl-C', async () => {
    const first = await start('serve');
    const [, url = ''] = await first.waitFor(/地址 URL:\s+(http:\/\/\S+)/);
    expect(first.stdout()).toContain('首次启动已建立组织机构和以下账号');
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    const second = await start('serve');
    expect(await second.exited).toBe(3);
    expect(second.stderr()).toContain(`数据目录 ${dataDir} 正被另一个 Sifa 进程 (PID ${first.proc.pid}) 使用，本进程拒绝启动以免数据损坏。`);
    expect(second.stdout()).not.toContain('已启动');

    // The refused process left the running one and its lock alone.
    expect(existsSync(join(dataDir, 'sifa.lock'))).toBe(true);
    expect(await signIn(url)).toMatchObject({ status: 200, body: { user: { orgName: '章贡区司法局' } } });

    first.proc.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(first.stdout()).toContain('收到 SIGINT，正在停止');
    expect(first.stdout()).toContain('已停止');
    expect(existsSync(join(dataDir, 'sifa.lock'))).toBe(false);
  }, 240_000);

  test('a restart on the same directory keeps the data and does not seed again', async () => {
    const again = await start('serve');
    const [, url = ''] = await again.waitFor(/地址 URL:\s+(http:\/\/\S+)/);
    expect(again.stdout()).not.toContain('首次启动已建立组织机构');
    expect(again.stdout()).toContain('演示账号 demo accounts');
    expect((await signIn(url)).status).toBe(200);
    again.proc.kill('SIGTERM');
    expect(await again.exited).toBe(0);
    expect(again.stdout()).toContain('已停止');
    expect(existsSync(join(dataDir, 'sifa.lock'))).toBe(false);
  }, 240_000);

  // Issue #11 item 5: after kill -9, deleting the entries written since the last anchor (once a minute) went
  // unnoticed. The anchor now follows every sealing (ADR 0019): a crash seconds after the writes leaves them anchored.
  test('after kill -9, deleting the newest audit entries is reported by audit:verify', async () => {
    const server = await start('serve');
    const [, url = ''] = await server.waitFor(/地址 URL:\s+(http:\/\/\S+)/);
    for (let i = 0; i < 3; i++) expect((await signIn(url)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 3000)); // a few seconds of work, then the crash
    server.proc.kill('SIGKILL');
    await server.exited;

    const intact = await start('audit:verify');
    expect(await intact.exited, intact.stdout() + intact.stderr()).toBe(0);
    expect(intact.stdout()).toMatch(/^OK 审计哈希链完好/);

    const db = new PGlite(join(dataDir, 'pgdata'));
    try {
      await db.exec(`delete from kernel.audit_log where seq > (select max(seq) - 2 from kernel.audit_log);
        update kernel.audit_head set seq = (select max(seq) from kernel.audit_log), hash = (select hash from kernel.audit_log order by seq desc limit 1)`);
    } finally {
      await db.close();
    }
    const cut = await start('audit:verify');
    expect(await cut.exited).toBe(1);
    expect(cut.stdout()).toContain('最新的记录被删除');
  }, 300_000);
});
