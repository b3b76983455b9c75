import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import {
  auditHead,
  createFieldCrypto,
  writeAnchor,
  httpGateway,
  JobQueue,
  logGateway,
  smsSendHandler,
  type Engine,
  type ModuleDeps,
  type ModuleDefinition,
} from '@sifa/kernel';
import { anchorFileOf, type AppConfig } from './config';

/** The process's job runner: the SMS sender plus every module's jobs and schedules (ADR 0007). */
export function createJobs(engine: Engine, config: AppConfig, deps: ModuleDeps, modules: readonly ModuleDefinition[], log: FastifyBaseLogger): JobQueue {
  const queue = new JobQueue(engine.db, {
    pollMs: engine.kind === 'pglite' ? 1000 : 2000,
    onError: (name, err) => log.error({ err, job: name }, 'job failed'),
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  const gateway = config.smsUrl ? httpGateway(config.smsUrl, config.smsToken) : logGateway((line) => log.info(line));
  queue.register('sms.send', smsSendHandler(engine.db, createFieldCrypto(deps.dataKey), gateway));
  const anchorFile = anchorFileOf(config);
  if (anchorFile) {
    // The chain's head, signed, outside the database: a cut tail older than a minute is detectable (ADR 0003).
    queue
      .register('audit.anchor', async () => {
        const head = await auditHead(engine.db);
        if (head) writeAnchor(anchorFile, deps.dataKey, head);
      })
      .every('audit.anchor', 60);
  }
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
