import { hostname } from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { systemClock, type Clock } from '../deadlines/clock';

/** `job.now` is the run's instant from the app's clock (JobQueueOptions.clock): a job's `ctx.now`. */
export type JobHandler = (data: Record<string, unknown>, job: { id: number; attempts: number; now: Date }) => Promise<void>;

export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
  /** Only one queued or running job with this key at a time; a second enqueue is ignored. */
  singletonKey?: string;
}

/** Enqueues a job; pass the transaction of the write that causes it so both commit together. */
export async function enqueueJob(db: Kysely<Database>, name: string, data: Record<string, unknown> = {}, opts: EnqueueOptions = {}): Promise<void> {
  await sql`insert into kernel.jobs (name, data, run_at, max_attempts, singleton_key)
    values (${name}, ${JSON.stringify(data)}::jsonb, coalesce(${opts.runAt ?? null}::timestamptz, now()), ${opts.maxAttempts ?? 5}, ${opts.singletonKey ?? null})
    on conflict do nothing`.execute(db);
}

export interface JobQueueOptions {
  /** How often an idle worker looks for work. */
  pollMs?: number;
  /** A running job older than this is taken to be orphaned by a dead process and queued again. */
  leaseMs?: number;
  onError?: (name: string, err: unknown) => void;
  /** Where a run's `now` comes from (ModuleDeps.clock); the system clock when absent. The queue's own times are the database's. */
  clock?: Clock;
}

/**
 * The job runner (ADR 0007): one table-backed queue on both engines; several processes share it safely
 * through `FOR UPDATE SKIP LOCKED`.
 */
export class JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly schedules = new Map<string, number>();
  private readonly worker = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = true;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly opts: JobQueueOptions = {},
  ) {}

  register(name: string, handler: JobHandler): this {
    this.handlers.set(name, handler);
    return this;
  }

  /** Runs `name` every `seconds` across all processes (once per period, whoever gets there first). */
  every(name: string, seconds: number): this {
    this.schedules.set(name, seconds);
    return this;
  }

  async start(): Promise<void> {
    for (const [name, seconds] of this.schedules) {
      await sql`insert into kernel.job_schedules (name, every_seconds) values (${name}, ${seconds})
        on conflict (name) do update set every_seconds = excluded.every_seconds`.execute(this.db);
    }
    this.stopped = false;
    this.loop();
  }

  private loop() {
    if (this.stopped) return;
    this.running = this.runDue()
      .catch((e: unknown) => this.opts.onError?.('queue', e))
      .finally(() => {
        if (!this.stopped) this.timer = setTimeout(() => this.loop(), this.opts.pollMs ?? 2000);
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Enqueues due schedules, then runs due jobs until none is left; returns how many ran. Tests call it directly. */
  async runDue(limit = 100): Promise<number> {
    await this.fireSchedules();
    await this.requeueOrphans();
    let ran = 0;
    while (ran < limit) {
      const job = await this.claim();
      if (!job) break;
      ran++;
      await this.execute(job);
    }
    return ran;
  }

  private async fireSchedules() {
    for (const name of this.schedules.keys()) {
      const won = await sql<{ name: string }>`update kernel.job_schedules
        set next_run_at = now() + make_interval(secs => every_seconds)
        where name = ${name} and next_run_at <= now() returning name`.execute(this.db);
      if (won.rows.length) await enqueueJob(this.db, name, {}, { singletonKey: `schedule:${name}`, maxAttempts: 1 });
    }
  }

  private async requeueOrphans() {
    const leaseSeconds = Math.round((this.opts.leaseMs ?? 10 * 60_000) / 1000);
    await sql`update kernel.jobs set status = 'queued', locked_by = null, locked_at = null
      where status = 'running' and locked_at < now() - make_interval(secs => ${leaseSeconds})`.execute(this.db);
  }

  private async claim() {
    const names = [...this.handlers.keys()];
    if (!names.length) return undefined;
    const r = await sql<{ id: number; name: string; data: Record<string, unknown>; attempts: number; maxAttempts: number }>`
      update kernel.jobs set status = 'running', locked_by = ${this.worker}, locked_at = now(), attempts = attempts + 1
      where id = (select id from kernel.jobs where status = 'queued' and run_at <= now() and name in (${sql.join(names)})
                  order by run_at, id for update skip locked limit 1)
      returning id, name, data, attempts, max_attempts`.execute(this.db);
    return r.rows[0];
  }

  private async execute(job: { id: number; name: string; data: Record<string, unknown>; attempts: number; maxAttempts: number }) {
    const handler = this.handlers.get(job.name);
    try {
      if (!handler) throw new Error(`没有名为 ${job.name} 的任务处理程序`);
      await handler(job.data, { id: job.id, attempts: job.attempts, now: (this.opts.clock ?? systemClock).now() });
      await sql`update kernel.jobs set status = 'done', finished_at = now(), last_error = null where id = ${job.id}`.execute(this.db);
    } catch (e) {
      this.opts.onError?.(job.name, e);
      const final = job.attempts >= job.maxAttempts;
      const backoffSeconds = Math.min(3600, 2 ** job.attempts * 5);
      await sql`update kernel.jobs set status = ${final ? 'failed' : 'queued'}, last_error = ${String(e instanceof Error ? e.message : e).slice(0, 2000)},
        run_at = now() + make_interval(secs => ${backoffSeconds}), locked_by = null, finished_at = case when ${final} then now() end
        where id = ${job.id}`.execute(this.db);
    }
  }
}
