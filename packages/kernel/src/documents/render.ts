import { runInWorker } from '../workers/pool';
import type { NoticeSpec } from './pdf';

/**
 * `renderPdf` on a worker thread: ~0.3–0.6 s of CPU a notice that would otherwise stall every request, and
 * on the embedded engine the database with them (issue #11 item 1).
 */
export async function renderPdfOffThread(spec: NoticeSpec): Promise<Buffer> {
  const bytes = await runInWorker('renderPdf', spec);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
