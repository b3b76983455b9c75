/**
 * `npx tsx bench/workbench.ts` — the workbench over BENCH_DISPUTES matters (default 10^6; issue #13 item 1, ADR 0023):
 * the stage counts' one grouped query with its plan (EXPLAIN ANALYZE) for a county, a township office and the city,
 * and the whole workbench (counts, own matters, arrivals) as the service computes it. Embedded engine by default,
 * PostgreSQL with DATABASE_URL (a scratch database, dropped at the end).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { migrate, openEngine, permissionsOf, type Engine } from '@sifa/kernel';
import { allModules, loadConfig, seedIfEmpty } from '@sifa/platform';
import { businessModules } from '@sifa/server/registry';
import { createEmptyPgDatabase } from '../packages/testing/src/pg';
import { generateDisputes } from '../modules/mediation/server/disputes/demo';
import { getWorkbench } from '../packages/kernel/src/workbench/workbench.service';
import { workflowsWithWork } from '../packages/kernel/src/workbench/runtime';
import { workStates } from '../packages/kernel/src/shared/workflow';

const DISPUTES = Number(process.env.BENCH_DISPUTES ?? 1_000_000);
/** Disputes of the current year (the demo city's volume is ~10^4–10^5 a year). */
const YEAR = Number(process.env.BENCH_YEAR ?? 20_000);
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'sifa-bench-wb-'));
  const config = { ...loadConfig({ ...process.env, SIFA_DEMO_PASSWORD: 'Sifa@2026', SIFA_DATA_DIR: dir }), demoSize: 0, logLevel: 'silent' };
  const scratch = config.databaseUrl ? await createEmptyPgDatabase(config.databaseUrl) : undefined;
  if (scratch) config.databaseUrl = scratch.url;
  const engine: Engine = await openEngine({ databaseUrl: config.databaseUrl, dataDir: dir });
  const modules = allModules(config, businessModules);
  try {
    await migrate(
      engine,
      modules.flatMap((m) => (m.migrationsDir ? [{ module: m.name, dir: m.migrationsDir }] : [])),
    );
    await seedIfEmpty(engine, config, businessModules);
    let t0 = process.hrtime.bigint();
    const now = new Date();
    // this year's disputes as the demo makes them; the earlier years as closed copies of them (history: 10^6 records,
    // open work only this year's), written by one INSERT … SELECT so the measure does not wait on the generator
    const year = Math.min(DISPUTES, YEAR);
    await generateDisputes(engine.db, { count: year, year: now.getFullYear(), until: now, seed: 1 });
    const copies = Math.ceil(DISPUTES / year) - 1;
    await sql`insert into kernel.matters (id, module, kind, number, year, seq, org_id, status, title, outcome, opened_at, closed_at)
      select gen_random_uuid(), m.module, m.kind, m.number || '/' || g, m.year - g, m.seq, m.org_id,
        case when m.closed_at is null then 'agreed' else m.status end, m.title, coalesce(m.outcome, 'success'),
        m.opened_at - make_interval(years => g), coalesce(m.closed_at, m.opened_at + interval '20 days') - make_interval(years => g)
      from kernel.matters m, generate_series(1, ${copies}::int) g where m.module = 'mediation'`.execute(engine.db);
    const total = await engine.db
      .selectFrom('kernel.matters')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    console.log(`${engine.kind}: ${String(total.n)} matters (${year} this year, ${copies} earlier years closed) in ${(ms(t0) / 1000).toFixed(1)} s`);
    await sql`analyze`.execute(engine.db);
    const statuses = [...new Set(workflowsWithWork(modules).flatMap((w) => workStates(w).map((s) => s.status)))];
    const today = now.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    for (const [label, name, username] of [
      ['city', '赣州市司法局', 'leader'],
      ['county', '章贡区司法局', 'zhanggong'],
      ['office', '解放街道司法所', 'office'],
    ] as const) {
      const org = await engine.db.selectFrom('kernel.orgs').select(['id', 'path', 'name']).where('name', '=', name).executeTakeFirstOrThrow();
      const scope = `${org.path}%`;
      const plan = await sql<{ 'QUERY PLAN': string }>`explain (analyze, costs off, timing off, summary on)
        select 'status' as src, m.module, m.kind, m.status as key, count(*)::int as n
        from kernel.matters m
        where m.closed_at is null and m.org_id in (select so.id from kernel.orgs so where so.path like ${scope}) and m.status = any(${statuses}::text[])
        group by m.module, m.kind, m.status
        union all
        select 'deadline' as src, m.module, m.kind, case when d.due_date < ${today}::date then 'overdue' else 'dueSoon' end as key, count(*)::int as n
        from kernel.deadlines d join kernel.matters m on m.id = d.matter_id
        where d.status = 'open' and d.warn_date <= ${today}::date and d.org_id in (select so.id from kernel.orgs so where so.path like ${scope})
        group by 2, 3, 4`.execute(engine.db);
      console.log(`\n--- ${label} (${org.name}) ---`);
      for (const row of plan.rows) console.log(Object.values(row)[0]);
      const user = await engine.db.selectFrom('kernel.users').select(['id', 'roles', 'orgId']).where('username', '=', username).executeTakeFirstOrThrow();
      const ctx = {
        db: engine.db,
        scope: { orgId: org.id, path: org.path },
        now,
        actor: { id: user.id, username, orgId: org.id },
        user: {
          id: user.id,
          username,
          displayName: username,
          orgId: org.id,
          orgName: org.name,
          orgPath: org.path,
          roles: user.roles,
          permissions: permissionsOf(modules, user.roles as never),
          sessionId: '',
          csrfToken: '',
        },
      };
      await getWorkbench(ctx as never, modules, today, 7);
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        t0 = process.hrtime.bigint();
        const w = await getWorkbench(ctx as never, modules, today, 7);
        times.push(ms(t0));
        if (i === 0) console.log('counts:', w.counts.map((c) => `${c.stage}=${String(c.count)}`).join(' '), `arrivals=${String(w.arrivals.total)}`);
      }
      times.sort((a, b) => a - b);
      console.log(`whole workbench (counts + own + arrivals): median ${times[2]?.toFixed(1) ?? '?'} ms over 5`);
    }
  } finally {
    await engine.close();
    await scratch?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
