import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../errors';
import type { TaskInput, TaskName, TaskOutput } from './tasks';

/**
 * CPU-heavy work (reading a spreadsheet, rendering a PDF) runs on worker threads, not on the thread that serves
 * requests — where the embedded database runs too, so a 56 s parse once stalled every user (issue #11 item 1).
 * A worker also fences the work in: its heap is capped, so a file that would exhaust memory ends that worker
 * (replaced for the next task) instead of the server, and a task running past its time is stopped.
 */
export interface WorkerSettings {
  /** Worker threads; 0 runs tasks on the calling thread (debugging only: the protection above is lost). */
  threads: number;
  /** A task still running after this long is stopped and refused. */
  taskTimeoutMs: number;
  /** Old-generation heap of one worker, in MB. */
  maxHeapMb: number;
}

/** One thread beside the one serving requests on a two-core machine; at most four. */
export const DEFAULT_WORKER_SETTINGS: WorkerSettings = {
  threads: Math.min(4, Math.max(1, availableParallelism() - 1)),
  taskTimeoutMs: 120_000,
  maxHeapMb: 1024,
};

let settings: WorkerSettings = { ...DEFAULT_WORKER_SETTINGS };

interface Job {
  task: TaskName;
  input: unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker;
  job?: Job | undefined;
  timer?: NodeJS.Timeout | undefined;
}

type Reply =
  | { id: number; ok: true; value: unknown; sliced?: boolean }
  | { id: number; ok: false; error: { code?: ErrorCode; params?: Record<string, string | number>; details?: unknown; message: string } };

const slots: Slot[] = [];
const queue: Job[] = [];
let nextId = 1;

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);

/** Changes the pool's settings (the platform applies its configuration); running workers finish their task first. */
export function configureWorkers(next: Partial<WorkerSettings>): void {
  settings = { ...settings, ...next };
}

export const workerSettings = (): Readonly<WorkerSettings> => settings;

function startSlot(): Slot {
  const worker = new Worker(ENTRY, {
    resourceLimits: { maxOldGenerationSizeMb: settings.maxHeapMb },
  });
  worker.unref(); // an idle worker never keeps the process alive
  const slot: Slot = { worker };
  let slices: unknown[][] = [];
  worker.on('message', (reply: Reply | { id: number; slice: unknown[] }) => {
    if ('slice' in reply) {
      slices.push(reply.slice);
      return;
    }
    const job = slot.job;
    const parts = slices;
    slices = [];
    finish(slot);
    if (!job) return;
    if (reply.ok) job.resolve(reply.sliced ? parts.flat() : reply.value);
    else if (reply.error.code) job.reject(new AppError(reply.error.code, reply.error.params, reply.error.details));
    else job.reject(new Error(reply.error.message));
    dispatch();
  });
  const lost = (err: unknown) => {
    const job = slot.job;
    drop(slot);
    if (job) {
      const outOfMemory = err instanceof Error && 'code' in err && err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      job.reject(outOfMemory ? new AppError('WORK_TOO_LARGE') : err instanceof Error ? err : new Error(String(err)));
    }
    dispatch();
  };
  worker.on('error', lost);
  worker.on('exit', (code) => {
    if (slots.includes(slot)) lost(new Error(`worker exited with code ${String(code)}`));
  });
  slots.push(slot);
  return slot;
}

function finish(slot: Slot) {
  clearTimeout(slot.timer);
  slot.job = undefined;
  slot.timer = undefined;
  slot.worker.unref();
}

function drop(slot: Slot) {
  clearTimeout(slot.timer);
  const i = slots.indexOf(slot);
  if (i >= 0) slots.splice(i, 1);
}

function dispatch() {
  while (queue.length) {
    const slot = slots.find((s) => !s.job) ?? (slots.length < settings.threads ? startSlot() : undefined);
    if (!slot) return;
    const job = queue.shift();
    if (!job) return;
    slot.job = job;
    slot.worker.ref(); // a running task keeps the process up until it answers
    slot.timer = setTimeout(() => {
      drop(slot);
      void slot.worker.terminate();
      job.reject(new AppError('WORK_TIMEOUT', { seconds: Math.round(settings.taskTimeoutMs / 1000) }));
      dispatch();
    }, settings.taskTimeoutMs);
    slot.worker.postMessage({ id: nextId++, task: job.task, input: job.input });
  }
}

/**
 * Runs a task on a worker thread and answers with its result. Input and result are copied (structured clone:
 * a Buffer arrives as a Uint8Array); a task's AppError arrives as the same AppError.
 */
export async function runInWorker<N extends TaskName>(task: N, input: TaskInput<N>): Promise<TaskOutput<N>> {
  if (settings.threads <= 0) {
    const { runTask } = await import('./tasks');
    return runTask(task, input);
  }
  return new Promise<TaskOutput<N>>((resolve, reject) => {
    queue.push({ task, input, resolve: resolve as (v: unknown) => void, reject });
    dispatch();
  });
}

/** Starts one worker ahead of the first task (the server does after listening); it stays idle and unreferenced. */
export function warmWorkers(): void {
  if (settings.threads > 0 && slots.length === 0) startSlot();
}

/** Stops every worker (the platform's shutdown; tests). Queued tasks are refused. */
export async function closeWorkers(): Promise<void> {
  for (const job of queue.splice(0)) job.reject(new Error('workers closed'));
  const all = slots.splice(0);
  await Promise.all(
    all.map((s) => {
      clearTimeout(s.timer);
      return s.worker.terminate();
    }),
  );
}
