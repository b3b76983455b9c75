import type { FastifyBaseLogger } from 'fastify';
import { createFieldCrypto, httpGateway, JobQueue, logGateway, smsSendHandler, type Engine, type ModuleDeps, type ModuleDefinition } from '@sifa/kernel';
import type { AppConfig } from './config';

/** The process's job runner: the SMS sender plus every module's jobs and schedules (ADR 0007). */
export function createJobs(engine: Engine, config: AppConfig, deps: ModuleDeps, modules: readonly ModuleDefinition[], log: FastifyBaseLogger): JobQueue {
  const queue = new JobQueue(engine.db, {
    pollMs: engine.kind === 'pglite' ? 1000 : 2000,
    onError: (name, err) => log.error({ err, job: name }, 'job failed'),
  });
  const gateway = config.smsUrl ? httpGateway(config.smsUrl, config.smsToken) : logGateway((line) => log.info(line));
  queue.register('sms.send', smsSendHandler(engine.db, createFieldCrypto(deps.dataKey), gateway));
  for (const m of modules) m.jobs?.(queue, deps);
  return queue;
}
