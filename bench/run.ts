/**
 * `npm run bench` — ratios measured in the same run, on the embedded engine (default) or PostgreSQL
 * (DATABASE_URL), with peak memory. Issue #4 targets:
 *   1. creating a dispute through the HTTP API vs a bare single-INSERT route      target ≥ 0.5×
 *   2. all mediation dashboard indicators vs one hand-written GROUP BY            target ≤ 2×
 *   3. importing court referrals from a CSV vs raw COPY of the same rows           target ≥ 0.7×
 *   4. (issue #12) BENCH_USERS concurrent signed-in users through every module's day (bench/load.ts): p95 per route,
 *      target reads ≤ 50 ms / writes ≤ 100 ms on PostgreSQL, ≤ 150 / ≤ 250 ms embedded; BENCH_LOAD_SECONDS (30)
 * Sizes: BENCH_DISPUTES (default 100,000; the 10^6 with BENCH_DISPUTES=1000000), BENCH_CREATES (300),
 * BENCH_COURT_ROWS (100,000); BENCH_ONLY=1,3 runs only the measures named.
 * Record results with machine and date in docs/benchmarks.md.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { z } from 'zod';
import { computeIndicator, computeIndicators, defineModule, migrate, openEngine, type Engine } from '@sifa/kernel';
import { buildApp, allModules, loadConfig, seedIfEmpty } from '@sifa/platform';
import { businessModules } from '@sifa/server/registry';
import { MEDIATION_INDICATORS } from '@sifa/mediation/shared';
import { createEmptyPgDatabase } from '../packages/testing/src/pg';
import { generateDisputes } from '../modules/mediation/server/disputes/demo';
import { catalogOf } from '../packages/kernel/src/http/indicator.routes';
import { benchCourtImport } from './court-import';
import { benchLoad } from './load';

const DISPUTES = Number(process.env.BENCH_DISPUTES ?? 100_000);
const CREATES = Number(process.env.BENCH_CREATES ?? 300);
const COURT_ROWS = Number(process.env.BENCH_COURT_ROWS ?? 100_000);
const ONLY = new Set((process.env.BENCH_ONLY ?? '1,2,3,4').split(',').map((s) => s.trim()));
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

/** A route that does one INSERT and nothing else: the floor the real intake is compared with. */
const bareModule = defineModule({
  name: 'bench',
  labelZh: '基准',
  labelEn: 'Bench',
  permissions: ['bench.row.write'],
  roleGrants: { 'office-staff': ['bench.row.write'] },
  routes(app, { engine }) {
    app.post(
      '/api/bench/bare',
      { config: { permission: 'bench.row.write', scopeProbe: { kind: 'self' } }, schema: { body: z.object({ title: z.string() }) } },
      async (req, reply) => {
        await sql`insert into bench_rows (title) values (${req.body.title})`.execute(engine.db);
        return reply.code(201).send({ ok: true });
      },
    );
  },
});

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'sifa-bench-'));
  const config = {
    ...loadConfig({ ...process.env, SIFA_DEMO_PASSWORD: 'Sifa@2026', SIFA_DATA_DIR: dir }),
    demoSize: 0,
    logLevel: 'silent',
    loginRatePerMinute: 1e6,
    rateLimitPerMinute: 1e9,
  };
  // On PostgreSQL the bench works in a database of its own, created here and dropped at the end: it never
  // touches the data DATABASE_URL points at.
  const scratch = config.databaseUrl ? await createEmptyPgDatabase(config.databaseUrl) : undefined;
  if (scratch) config.databaseUrl = scratch.url;
  const engine: Engine = await openEngine({ databaseUrl: config.databaseUrl, dataDir: dir });
  const out: string[] = [];
  const say = (line: string) => {
    out.push(line);
    console.log(line);
  };
  try {
    await migrate(
      engine,
      allModules(config, businessModules).flatMap((m) => (m.migrationsDir ? [{ module: m.name, dir: m.migrationsDir }] : [])),
    );
    await seedIfEmpty(engine, config, businessModules);
    await sql`create table if not exists bench_rows (id bigint generated always as identity primary key, title text not null)`.execute(engine.db);
    say(
      `Sifa bench — ${new Date().toISOString().slice(0, 10)}, ${engine.kind}, node ${process.version}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`,
    );

    // 1. intake through the API vs a bare INSERT route, both through the same HTTP stack (inject).
    const app = await buildApp({ engine, config, logger: false, modules: [...businessModules, bareModule], dataKey: randomBytes(32) });
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'office', password: 'Sifa@2026' } });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const headers = { cookie, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken };
    const office = (await engine.db.selectFrom('kernel.orgs').select('id').where('name', '=', '解放街道司法所').executeTakeFirstOrThrow()).id;
    const dispute = (i: number) => ({
      orgId: office,
      category: 'neighbour',
      source: 'window',
      summary: `邻里纠纷${i}`,
      description: '排水沟堵塞引发争执',
      parties: [{ kind: 'person', name: '王小明', idType: 'resident-id', idNumber: '11010519491231002X', phone: '13907971234', role: 'applicant' }],
    });
    // Interleaved in blocks of 25, so a busy machine slows both sides alike.
    let bareMs = 0;
    let apiMs = 0;
    for (let done = 0; ONLY.has('1') && done < CREATES; done += 25) {
      const n = Math.min(25, CREATES - done);
      let t = process.hrtime.bigint();
      for (let i = done; i < done + n; i++) await app.inject({ method: 'POST', url: '/api/bench/bare', headers, payload: { title: `t${i}` } });
      bareMs += ms(t);
      t = process.hrtime.bigint();
      for (let i = done; i < done + n; i++) {
        const r = await app.inject({ method: 'POST', url: '/api/mediation/disputes', headers, payload: dispute(i) });
        if (r.statusCode !== 201) throw new Error(`intake failed: ${r.body}`);
      }
      apiMs += ms(t);
    }
    const bare = CREATES / (bareMs / 1000);
    const api = CREATES / (apiMs / 1000);
    if (ONLY.has('1'))
      say(`1. dispute intake via API: ${api.toFixed(0)}/s; bare INSERT route: ${bare.toFixed(0)}/s; ratio ${(api / bare).toFixed(2)}× (target ≥ 0.5×)`);

    // 3. a court's CSV through the import route vs COPY of the same rows (bench/court-import.ts).
    if (ONLY.has('3')) await benchCourtImport(engine, app, headers, office, COURT_ROWS, say);

    // 2. all dashboard indicators for the whole city vs one GROUP BY over the same rows (a dispute's outcome and
    // closing time are its matter's: both sides join kernel.matters).
    if (ONLY.has('2')) {
      const t0 = process.hrtime.bigint();
      await generateDisputes(engine.db, { count: DISPUTES, year: 2025, until: new Date('2025-12-31T12:00:00+08:00'), seed: 1 });
      say(`   generated ${DISPUTES.toLocaleString('en')} disputes in ${(ms(t0) / 1000).toFixed(1)} s`);
      // As the platform does hourly (packages/platform/src/jobs.ts): fresh statistics before measuring, for both sides.
      await sql`analyze`.execute(engine.db);
      const user = await engine.db
        .selectFrom('kernel.users as u')
        .innerJoin('kernel.orgs as o', 'o.id', 'u.orgId')
        .select(['u.id', 'u.orgId', 'o.path', 'o.name'])
        .where('u.username', '=', 'leader')
        .executeTakeFirstOrThrow();
      const ctx = {
        db: engine.db,
        actor: { id: user.id, username: 'leader', orgId: user.orgId },
        scope: { orgId: user.orgId, path: user.path },
        now: new Date(), // the bench measures on the wall clock; it has no app clock
        user: {
          id: user.id,
          username: 'leader',
          displayName: '',
          orgId: user.orgId,
          orgName: user.name,
          orgPath: user.path,
          roles: ['city-leader' as const],
          permissions: new Set(['mediation.indicator.read']),
          sessionId: '',
          csrfToken: '',
        },
      };
      const catalog = catalogOf(businessModules);
      const period = { from: '2025-01-01', to: '2025-12-31' };
      const best = async (f: () => Promise<unknown>) => {
        let min = Infinity;
        for (let i = 0; i < 3; i++) {
          const s = process.hrtime.bigint();
          await f();
          min = Math.min(min, ms(s));
        }
        return min;
      };
      const oneByOneMs = await best(async () => {
        for (const d of MEDIATION_INDICATORS) await computeIndicator(ctx, catalog, d.id, period);
      });
      const engineMs = await best(() =>
        computeIndicators(
          ctx,
          catalog,
          MEDIATION_INDICATORS.map((d) => d.id),
          period,
        ),
      );
      const handMs = await best(() =>
        sql`select count(*) filter (where accepted_at is not null) a,
                   count(*) filter (where accepted_at is not null and outcome = 'success') s,
                   count(*) filter (where accepted_at is not null and source in ('court-delegated','court-entrusted','court-invited')) c,
                   count(*) filter (where accepted_at is not null and outcome = 'success' and source in ('court-delegated','court-entrusted','court-invited')) cs,
                   count(*) filter (where confirmation_result = 'confirmed') j,
                   count(*) filter (where at_risk and closed_at is null) r,
                   sum((closed_at at time zone 'Asia/Shanghai')::date - (accepted_at at time zone 'Asia/Shanghai')::date) filter (where accepted_at is not null and closed_at is not null) days,
                   count(*) filter (where accepted_at is not null and closed_at is not null) closed,
                   sum(agreement_amount_fen) filter (where accepted_at is not null and outcome = 'success') amount,
                   count(*) filter (where accepted_at is not null and outcome = 'success' and prevented_criminal) pc,
                   sum(persons_involved) filter (where accepted_at is not null and outcome = 'success' and prevented_criminal) pcp,
                   count(*) filter (where accepted_at is not null and outcome = 'success' and prevented_mass_petition) pm,
                   sum(persons_involved) filter (where accepted_at is not null and outcome = 'success' and prevented_mass_petition) pmp,
                   count(*) filter (where accepted_at is not null and closed_at is null and exists (
                     select 1 from kernel.deadlines dl where dl.matter_id = d.id and dl.status = 'open' and dl.due_date < current_date
                     and dl.rule_id in ('mediation.court-delegated', 'mediation.court-entrusted.ordinary', 'mediation.court-entrusted.simplified'))) overdue
            from mediation.disputes d join kernel.matters m on m.id = d.id
            where accepted_at >= '2024-12-31T16:00:00Z' and accepted_at < '2025-12-31T16:00:00Z'`.execute(engine.db),
      );
      say(
        `2. ${MEDIATION_INDICATORS.length} dashboard indicators over ${DISPUTES.toLocaleString('en')} disputes: ${engineMs.toFixed(0)} ms; one hand-written GROUP BY: ${handMs.toFixed(0)} ms; ratio ${(engineMs / handMs).toFixed(2)}× (target ≤ 2×); one query per indicator: ${oneByOneMs.toFixed(0)} ms (${(oneByOneMs / handMs).toFixed(2)}×)`,
      );
    }
    await app.close();
    // 4. many users at once, against a platform of its own in a process of its own (bench/load.ts)
    if (ONLY.has('4')) await benchLoad(say);
    say(`peak resident memory: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  } finally {
    await engine.close();
    await scratch?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
