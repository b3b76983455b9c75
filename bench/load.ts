/**
 * Measure 4 of `npm run bench` (issue #12, ADR 0021): BENCH_USERS (default 50) staff, each signed in with a session
 * of their own and scoped to a unit of their own, work through every registered module's day (its `loadSteps`, the
 * shared matter page, the kernel's to-dos) for BENCH_LOAD_SECONDS against a platform started as `npm start` starts
 * it, in a process of its own. autocannon drives one connection per user; per route it reports requests per second
 * and p50/p95/p99, and the server's event-loop delay and peak memory. Data: the demo (BENCH_DEMO_SIZE, default 3,000
 * a year as `npm start`), or a database kept by `npm run bench:memory` (BENCH_LOAD_DATA_DIR, embedded only).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import {
  ensurePrivateDir,
  generateAuditKeyPair,
  hashPassword,
  restrictFileModes,
  inScope,
  loadStepsOf,
  migrate,
  openEngine,
  type LoadStep,
  type ModuleLoad,
} from '@sifa/kernel';
import { allModules, loadConfig, seedIfEmpty } from '@sifa/platform';
import { businessModules } from '@sifa/server/registry';
import { createEmptyPgDatabase } from '../packages/testing/src/pg';

const USERS = Number(process.env.BENCH_USERS ?? 50);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
/** Requests per second per user in the paced run (a page's 5–8 requests every few seconds); 0: only the saturated run. */
const RATE = Number(process.env.BENCH_USER_RATE ?? 1);
/** Targets of issue #12, p95 in ms at 50 users. */
const TARGETS = { postgres: { read: 50, write: 100 }, pglite: { read: 150, write: 250 } } as const;

interface Probe {
  loopDelay: { p50: number; p99: number; max: number };
  cpuMs: number;
  maxRssMb: number;
}
const DEMO_SIZE = Number(process.env.BENCH_DEMO_SIZE ?? 3000);
const PASSWORD = 'Sifa@2026';

interface BenchUser {
  index: number;
  username: string;
  orgId: string;
  /** Matters of each module in the user's scope, taken in turn for `{matter}`. */
  matters: Record<string, string[]>;
  headers?: Record<string, string>;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/**
 * Seeds the database as a first `npm start` would (units, demo accounts, demo year), then adds the bench's staff:
 * office staff of the judicial offices holding the most matters and county staff of the counties, one unit each as
 * far as there are units, every account without a second factor as the demo accounts are.
 */
async function prepare(env: NodeJS.ProcessEnv): Promise<BenchUser[]> {
  const config = { ...loadConfig(env), demoSize: DEMO_SIZE, logLevel: 'silent' };
  restrictFileModes(); // the platform refuses a data directory others can read (ADR 0019)
  if (!config.databaseUrl) ensurePrivateDir(config.dataDir);
  const engine = await openEngine({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const modules = allModules(config, businessModules);
    await migrate(
      engine,
      modules.flatMap((m) => (m.migrationsDir ? [{ module: m.name, dir: m.migrationsDir }] : [])),
    );
    await seedIfEmpty(engine, config, businessModules);
    await sql`analyze`.execute(engine.db); // as the platform's hourly job would have by the morning (jobs.ts)
    const units = await sql<{ id: string; path: string; kind: string }>`
      select o.id, o.path, o.kind from kernel.orgs o
      where o.kind in ('judicial-office', 'county-bureau')
      order by o.kind = 'county-bureau', (select count(*) from kernel.matters m where m.org_id = o.id) desc, o.path`.execute(engine.db);
    const offices = units.rows.filter((u) => u.kind === 'judicial-office');
    const counties = units.rows.filter((u) => u.kind === 'county-bureau');
    const hash = await hashPassword(PASSWORD);
    const users: BenchUser[] = [];
    for (let i = 0; i < USERS; i++) {
      // one in ten a county's staff (a wider scope, a longer list), the rest office staff
      const county = i % 10 === 9 && counties.length > 0;
      const pool = county ? counties : offices;
      const unit = pool[(county ? Math.floor(i / 10) : i) % pool.length];
      if (!unit) throw new Error('no unit to place the bench users in');
      const username = `bench${String(i)}`;
      await engine.db
        .insertInto('kernel.users')
        .values({
          id: randomUUID(),
          username,
          displayName: `压测${String(i)}`,
          passwordHash: hash,
          orgId: unit.id,
          roles: [county ? 'county-staff' : 'office-staff'],
          mfaExempt: true,
        })
        .onConflict((oc) => oc.column('username').doNothing())
        .execute();
      const matters: Record<string, string[]> = {};
      for (const m of modules) {
        const rows = await engine.db
          .selectFrom('kernel.matters')
          .select('id')
          .where('module', '=', m.name)
          .where(inScope({ orgId: unit.id, path: unit.path }))
          .orderBy('openedAt', 'desc')
          .limit(20)
          .execute();
        matters[m.name] = rows.map((r) => r.id);
      }
      users.push({ index: i, username, orgId: unit.id, matters });
    }
    return users;
  } finally {
    await engine.close();
  }
}

async function signIn(base: string, user: BenchUser) {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: PASSWORD }),
  });
  if (!r.ok) throw new Error(`${user.username} could not sign in: ${await r.text()}`);
  const cookie = r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  user.headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

/** Each step of each module as autocannon requests for one user; `record` learns which step each response was. */
function requestsOf(modules: ModuleLoad[], user: BenchUser, onStep: (step: LoadStep, status: number) => void, counter: { n: number }) {
  let turn = 0;
  const day = modules.flatMap(({ module, steps }) => {
    const matters = user.matters[module] ?? [];
    return steps
      .filter((s) => !s.path.includes('{matter}') || matters.length > 0)
      .map((step) => ({
        method: step.method ?? 'GET',
        path: step.path,
        headers: user.headers,
        setupRequest: (req: autocannon.Request) => {
          const matter = matters[turn++ % Math.max(matters.length, 1)] ?? '';
          const vars = { org: user.orgId, matter, n: counter.n++ };
          req.path = step.path.replaceAll('{matter}', matter).replaceAll('{org}', user.orgId);
          if (step.body) req.body = JSON.stringify(step.body(vars));
          return req;
        },
        onResponse: (status: number) => onStep(step, status),
      }));
  });
  // each user starts the day at another step: 50 users asking the same route at the same instant measure the start
  const k = user.index % Math.max(day.length, 1);
  return [...day.slice(k), ...day.slice(0, k)];
}

const ask = (child: ChildProcess, message: string) =>
  new Promise<Record<string, unknown>>((resolve) => {
    child.once('message', (m) => resolve(m as Record<string, unknown>));
    child.send(message);
  });

/** One run's lines: totals, the machine's load, then per route req/s and p50/p95/p99 against its target. */
function report(
  say: (line: string) => void,
  run: {
    rate: number;
    before: number;
    result: autocannon.Result;
    times: Awaited<ReturnType<typeof drive>>['times'];
    probe: Probe;
    engine: keyof typeof TARGETS;
  },
) {
  const { result, times, probe } = run;
  const total = result.requests.total;
  say(
    `   ${run.rate > 0 ? `paced at ${String(run.rate)} request/s per user` : 'saturated (no pause between requests)'}: ${String(SECONDS)} s, ${total.toLocaleString('en')} requests (${(total / SECONDS).toFixed(0)}/s), ${String(result.non2xx)} non-2xx, ${String(result.errors)} errors, ${String(result.timeouts)} timeouts; server CPU ${(probe.cpuMs / Math.max(total, 1)).toFixed(1)} ms per request; load average ${run.before.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)}`,
  );
  say(`   | route | req/s | p50 ms | p95 ms | p99 ms | p95 target | failed |`);
  for (const [name, t] of times) {
    const sorted = t.ms.sort((a, b) => a - b);
    const target = TARGETS[run.engine][t.write ? 'write' : 'read'];
    const p95 = pct(sorted, 95);
    say(
      `   | ${name} | ${(sorted.length / SECONDS).toFixed(1)} | ${String(pct(sorted, 50))} | ${String(p95)} | ${String(pct(sorted, 99))} | ${t.write ? 'write' : 'read'} ≤ ${String(target)} ${p95 <= target ? 'met' : 'NOT met'} | ${String(t.failed)} |`,
    );
  }
  say(
    `   server event loop held: p50 ${String(probe.loopDelay.p50)} ms, p99 ${String(probe.loopDelay.p99)} ms, max ${String(probe.loopDelay.max)} ms; server peak resident memory ${String(probe.maxRssMb)} MB`,
  );
}

const pct = (sorted: number[], p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);

async function drive(base: string, users: BenchUser[], seconds: number, rate: number) {
  const times = new Map<string, { write: boolean; ms: number[]; failed: number }>();
  const counter = { n: Date.now() % 1e6 };
  const modules = loadStepsOf(allModules(loadConfig({}), businessModules));
  let i = 0;
  const instance = autocannon({
    url: base,
    connections: users.length,
    duration: seconds,
    timeout: 60,
    ...(rate > 0 ? { connectionRate: rate } : {}),
    // one connection is one user: its own session, its own unit's matters, its own last step
    setupClient: (client) => {
      const user = users[i++ % users.length] as BenchUser;
      let last: { step: LoadStep; status: number } | undefined;
      client.setRequests(requestsOf(modules, user, (step, status) => (last = { step, status }), counter));
      client.on('response', (_status: number, _bytes: number, ms: number) => {
        if (!last) return;
        const t = times.get(last.step.name) ?? { write: last.step.write === true, ms: [], failed: 0 };
        if (last.status >= 400) t.failed++;
        else t.ms.push(ms);
        times.set(last.step.name, t);
        last = undefined;
      });
    },
  });
  const result = await instance;
  return { result, times };
}

export async function benchLoad(say: (line: string) => void) {
  const keep = process.env.BENCH_LOAD_DATA_DIR;
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'sifa-load-'));
  const scratch = process.env.DATABASE_URL && !keep ? await createEmptyPgDatabase(process.env.DATABASE_URL) : undefined;
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: scratch?.url ?? '',
    SIFA_DATA_DIR: dir,
    SIFA_DATA_KEY: process.env.SIFA_DATA_KEY ?? (scratch ? randomBytes(32).toString('hex') : ''),
    SIFA_DEMO_PASSWORD: PASSWORD,
    // on PostgreSQL the audit chain's signed anchor lives outside the database, signed with a key of the run's (ADR 0019)
    SIFA_AUDIT_ANCHOR_FILE: join(dir, 'audit-anchor.json'),
    ...(scratch ? { SIFA_AUDIT_SIGNING_KEY: generateAuditKeyPair().privatePem } : {}),
    SIFA_DEMO_SIZE: String(DEMO_SIZE),
    PORT: String(port),
    LOG_LEVEL: 'warn',
    SIFA_RATE_LIMIT_PER_MINUTE: '1000000000',
    SIFA_LOGIN_RATE_PER_MINUTE: '1000000',
  };
  let server: ChildProcess | undefined;
  try {
    const t0 = Date.now();
    const users = await prepare(env);
    say(
      `4. load: ${String(USERS)} users in ${String(new Set(users.map((u) => u.orgId)).size)} units; database ready in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
    );
    // BENCH_LOAD_CPU_PROF=<dir>: the server's CPU profile of the run, to see where the time goes (node --cpu-prof)
    const prof = process.env.BENCH_LOAD_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_LOAD_CPU_PROF}`] : [];
    server = spawn(process.execPath, [...prof, '--import', 'tsx', '--import', './bench/load-probe.ts', 'apps/server/src/cli.ts', 'serve'], {
      env,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const base = `http://127.0.0.1:${String(port)}`;
    for (let tries = 0; ; tries++) {
      if (
        await fetch(`${base}/readyz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (tries > 600 || server.exitCode !== null) throw new Error('the platform did not start');
      await new Promise((r) => setTimeout(r, 500));
    }
    for (const u of users) await signIn(base, u);
    await drive(base, users, 3, 0); // warm-up: compiled code and caches; not counted
    // paced first (the targets), then every user without pause (the capacity)
    for (const rate of RATE > 0 ? [RATE, 0] : [0]) {
      await ask(server, 'reset');
      const before = loadavg()[0] ?? 0;
      const { result, times } = await drive(base, users, SECONDS, rate);
      report(say, { rate, before, result, times, probe: (await ask(server, 'report')) as unknown as Probe, engine: scratch ? 'postgres' : 'pglite' });
    }
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server?.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    await scratch?.drop();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}
