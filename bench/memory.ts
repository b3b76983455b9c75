/**
 * `npm run bench:memory` — resident memory of the embedded platform *serving* a city's decade of records (README
 * standing target: 10^6 matters, < 1.5 GB). Builds (or reuses, BENCH_DATA_DIR) an embedded database holding
 * BENCH_MATTERS disputes spread over ten years, starts the platform as `npm start` does (a separate process), and
 * drives it for BENCH_SECONDS with what leaders and offices do all day — dashboard figures, trends, category
 * breakdowns, county comparison, drill-down, list pages with filters, an Excel export — sampling the server's RSS.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openEngine } from '@sifa/kernel';
import { allModules, loadConfig, seedIfEmpty } from '@sifa/platform';
import { businessModules } from '@sifa/server/registry';
import { generateDisputes } from '../modules/mediation/server/disputes/demo';

const MATTERS = Number(process.env.BENCH_MATTERS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const keep = process.env.BENCH_DATA_DIR;
const dir = keep ?? mkdtempSync(join(tmpdir(), 'sifa-mem-'));
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

async function build() {
  const config = { ...loadConfig({ ...process.env, DATABASE_URL: '', SIFA_DEMO_PASSWORD: 'Sifa@2026', SIFA_DATA_DIR: dir }), demoSize: 0, logLevel: 'silent' };
  const engine = await openEngine({ dataDir: dir });
  try {
    await migrate(
      engine,
      allModules(config, businessModules).flatMap((m) => (m.migrationsDir ? [{ module: m.name, dir: m.migrationsDir }] : [])),
    );
    await seedIfEmpty(engine, config, businessModules);
    const have = (
      await engine.db
        .selectFrom('kernel.matters')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    const t0 = Date.now();
    for (let y = 0; have < MATTERS && y < 10; y++) {
      await generateDisputes(engine.db, { count: Math.floor((MATTERS - have) / 10), year: 2016 + y, until: new Date(Date.UTC(2017 + y, 0, 1)), seed: y + 1 });
      console.log(`   ${String(2016 + y)}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
    return (
      await engine.db
        .selectFrom('kernel.matters')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  } finally {
    await engine.close();
  }
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

function rssOf(pid: number) {
  const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

async function main() {
  console.log(`Sifa serving-memory bench — ${new Date().toISOString().slice(0, 10)}, embedded PGlite, data in ${dir}`);
  const matters = await build();
  console.log(`   database holds ${matters.toLocaleString('en')} matters`);
  const port = await freePort();
  const server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      SIFA_DATA_DIR: dir,
      PORT: String(port),
      SIFA_SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      SIFA_RATE_LIMIT_PER_MINUTE: '1000000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const pid = server.pid ?? 0;
  const base = `http://127.0.0.1:${String(port)}`;
  try {
    for (let i = 0; i < 240; i++) {
      if (
        await fetch(`${base}/readyz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const started = rssOf(pid);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'leader', password: 'Sifa@2026' }),
    });
    if (!login.ok) throw new Error(`login failed: ${await login.text()}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const ids =
      'mediation.accepted,mediation.successful,mediation.success-rate,mediation.court-accepted,mediation.court-success-rate,mediation.judicial-confirmations,mediation.at-risk';
    const urls = [
      `/api/indicator-values?ids=${ids}`,
      `/api/indicator-values?ids=${ids}&from=2020-01-01&to=2020-12-31`,
      `/api/indicator-series?ids=mediation.accepted,mediation.successful,mediation.success-rate&from=2016-01-01&to=2025-12-31`,
      `/api/indicator-breakdown?ids=mediation.accepted,mediation.success-rate&by=category`,
      `/api/indicators/mediation.success-rate/by-unit`,
      `/api/indicators/mediation.success-rate/records?page=1&pageSize=20`,
      `/api/mediation/disputes?page=1&pageSize=20`,
      `/api/mediation/disputes?page=500&pageSize=20&category=neighbour`,
      `/api/mediation/disputes?page=1&pageSize=20&q=${encodeURIComponent('排水沟')}`,
      `/api/mediation/disputes/export.xlsx?from=2025-12-01&to=2025-12-31`,
    ];
    let requests = 0;
    let failures = 0;
    let peak = started.rss;
    const timer = setInterval(() => (peak = Math.max(peak, rssOf(pid).rss)), 250);
    const until = Date.now() + SECONDS * 1000;
    const slowest = new Map<string, number>();
    while (Date.now() < until) {
      for (const u of urls) {
        const t0 = Date.now();
        const r = await fetch(base + u, { headers: { cookie } });
        await r.arrayBuffer();
        slowest.set(u, Math.max(slowest.get(u) ?? 0, Date.now() - t0));
        requests++;
        if (!r.ok) failures++;
      }
    }
    clearInterval(timer);
    const end = rssOf(pid);
    console.log(
      `serving ${matters.toLocaleString('en')} matters: RSS after start ${mb(started.rss)}, after ${String(requests)} requests (${String(failures)} failed) ${mb(end.rss)}, peak sampled ${mb(peak)}, kernel high-water mark ${mb(end.hwm)} (target < 1536 MB)`,
    );
    for (const [u, t] of slowest) console.log(`   slowest ${String(t).padStart(6)} ms  ${u}`);
    if (failures > 0) process.exitCode = 1;
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    if (!keep && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
