import type { NoticeSpec } from '../documents/pdf';
import { parseSheet, type SheetColumn, type SheetLimits, type SheetRow } from '../files/sheet-parse';

/** Bytes arrive from another thread as a Uint8Array (structured clone): the same memory seen as a Buffer. */
const asBuffer = (b: Uint8Array) => (Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength));

export interface ReadSheetInput {
  filename: string;
  bytes: Uint8Array;
  columns: readonly Pick<SheetColumn<string>, 'key' | 'header' | 'aliases' | 'required'>[];
  limits: SheetLimits;
}

/** What a worker thread can be asked to do (workers/pool.ts runs them); each takes and returns cloneable data. */
const TASKS = {
  readSheet: (i: ReadSheetInput): Promise<SheetRow<string>[]> => parseSheet({ filename: i.filename, bytes: asBuffer(i.bytes) }, i.columns, i.limits),
  // loaded by the first PDF: a worker that only reads sheets starts without pdfkit and its fonts (~1–4 s)
  renderPdf: async (spec: NoticeSpec): Promise<Uint8Array> => (await import('../documents/pdf')).renderPdf(spec),
};

export type TaskName = keyof typeof TASKS;
export type TaskInput<N extends TaskName> = Parameters<(typeof TASKS)[N]>[0];
export type TaskOutput<N extends TaskName> = Awaited<ReturnType<(typeof TASKS)[N]>>;

export function runTask<N extends TaskName>(task: N, input: TaskInput<N>): Promise<TaskOutput<N>> {
  const run = TASKS[task] as (i: TaskInput<N>) => Promise<TaskOutput<N>>;
  return run(input);
}
