import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import { createFieldCrypto, httpGateway, JobQueue, logGateway, smsSendHandler, type Engine, type ModuleDeps, type ModuleDefinition } from '@sifa/kernel';
import type { AppConfig } from './config';

/** The process's job runner: the SMS sender plus every module's jobs and schedules (ADR 0007). */
export function createJobs(engine: Engine, config: AppConfig, deps: ModuleDeps, modules: readonly ModuleDefinition[], log: FastifyBaseLogger): JobQueue {
  const queue = new JobQueue(engine.db, {
    pollMs: engine.kind === 'pglite' ? 1000 : 2000,
    onError: (name, err) => log.error({ err, job: name }, 'job failed'),
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  const gateway = config.smsUrl ? httpGateway(config.smsUrl, config.smsToken) : logGateway((line) => log.info(line));
  queue.register('sms.send', smsSendHandler(engine.db, createFieldCrypto(deps.dataKey), gateway));
  // The audit anchor is no job any more: the sealer signs the head after each sealing, in every process (ADR 0019).
  if (engine.kind === 'pglite') {
    // PGlite runs no autovacuum (single user, no background workers): without these the planner works from the
    // statistics of an empty table and never uses index-only scans (docs/benchmarks.md, 10^6 matters).
    queue
      .register('db.analyze', async () => {
        await sql`analyze`.execute(engine.db);
      })
      .every('db.analyze', 3600);
    queue
      .register('db.vacuum', async () => {
        await sql`vacuum (analyze)`.execute(engine.db);
      })
      .every('db.vacuum', 86_400);
  }
  for (const m of modules) m.jobs?.(queue, deps);
  return queue;
}
