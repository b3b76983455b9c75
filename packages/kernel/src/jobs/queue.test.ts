import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDb } from '@sifa/testing';
import type { Engine } from '../db/engine';
import { enqueueJob, JobQueue } from './queue';

describe('job queue (one table, FOR UPDATE SKIP LOCKED, both engines)', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createTestDb();
  });
  afterAll(() => engine.close());
  const jobs = (name: string) =>
    engine.db
      .selectFrom('kernel.jobs' as never)
      .selectAll()
      .where(sql.ref('name'), '=', name)
      .execute() as Promise<Record<string, unknown>[]>;

  test('a job enqueued in a transaction that rolls back never runs', async () => {
    await expect(
      engine.db.transaction().execute(async (trx) => {
        await enqueueJob(trx, 'rollback.test', { n: 1 });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await jobs('rollback.test')).toHaveLength(0);
  });

  test('a job runs once and is marked done', async () => {
    const seen: unknown[] = [];
    const q = new JobQueue(engine.db).register('once.test', (data) => Promise.resolve(void seen.push(data.n)));
    await enqueueJob(engine.db, 'once.test', { n: 7 });
    expect(await q.runDue()).toBe(1);
    expect(await q.runDue()).toBe(0);
    expect(seen).toEqual([7]);
    expect((await jobs('once.test'))[0]).toMatchObject({ status: 'done', attempts: 1 });
  });

  test('a failing job is retried later with its error kept, and fails for good after max attempts', async () => {
    const q = new JobQueue(engine.db).register('fail.test', () => Promise.reject(new Error('网关超时')));
    await enqueueJob(engine.db, 'fail.test', {}, { maxAttempts: 2 });
    await q.runDue();
    expect((await jobs('fail.test'))[0]).toMatchObject({ status: 'queued', attempts: 1, lastError: '网关超时' });
    await sql`update kernel.jobs set run_at = now() where name = 'fail.test'`.execute(engine.db); // skip the back-off
    await q.runDue();
    expect((await jobs('fail.test'))[0]).toMatchObject({ status: 'failed', attempts: 2 });
  });

  test('a singleton key keeps one pending job', async () => {
    await enqueueJob(engine.db, 'single.test', {}, { singletonKey: 'k' });
    await enqueueJob(engine.db, 'single.test', {}, { singletonKey: 'k' });
    expect(await jobs('single.test')).toHaveLength(1);
  });

  test('two workers share the queue without running any job twice', async () => {
    const ran: number[] = [];
    const handler = (data: Record<string, unknown>) => new Promise<void>((r) => setTimeout(() => r(void ran.push(Number(data.n))), 2));
    const a = new JobQueue(engine.db).register('share.test', handler);
    const b = new JobQueue(engine.db).register('share.test', handler);
    for (let n = 0; n < 30; n++) await enqueueJob(engine.db, 'share.test', { n });
    const [ra, rb] = await Promise.all([a.runDue(), b.runDue()]);
    expect(ra + rb).toBe(30);
    expect(ran.sort((x, y) => x - y)).toEqual([...Array(30).keys()]);
  });

  test('a schedule fires once per period however many processes run it', async () => {
    let runs = 0;
    const make = () =>
      new JobQueue(engine.db)
        .register('tick.test', () => {
          runs++;
          return Promise.resolve();
        })
        .every('tick.test', 3600);
    const a = make();
    const b = make();
    await a.start();
    await b.start();
    await a.stop();
    await b.stop();
    await Promise.all([a.runDue(), b.runDue()]);
    await Promise.all([a.runDue(), b.runDue()]);
    expect(runs).toBe(1);
  });

  test('a job orphaned by a dead worker is queued again after its lease', async () => {
    await enqueueJob(engine.db, 'orphan.test', {});
    await sql`update kernel.jobs set status = 'running', locked_at = now() - interval '1 hour', attempts = 1 where name = 'orphan.test'`.execute(engine.db);
    let ran = 0;
    const q = new JobQueue(engine.db, { leaseMs: 60_000 }).register('orphan.test', () => {
      ran++;
      return Promise.resolve();
    });
    await q.runDue();
    expect(ran).toBe(1);
  });
});
