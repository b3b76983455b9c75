// Entry of the pool's worker threads (pool.ts). Node 20 does not pass a parent's --import loader to a worker, so
// this plain module loads the TypeScript tasks through tsx itself (as parties/party-prepare-worker.mjs does).
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { runTask } = await tsImport(new URL('./tasks.ts', import.meta.url).href, import.meta.url);

parentPort.on('message', async ({ id, task, input }) => {
  try {
    const value = await runTask(task, input);
    // A long list goes over in slices: each is copied in on the request thread in a few milliseconds, not all at once.
    if (Array.isArray(value) && value.length > 2000) {
      for (let i = 0; i < value.length; i += 2000) parentPort.postMessage({ id, slice: value.slice(i, i + 2000) });
      parentPort.postMessage({ id, ok: true, value: [], sliced: true });
    } else parentPort.postMessage({ id, ok: true, value });
  } catch (e) {
    const error =
      e instanceof Error && e.name === 'AppError' && 'code' in e
        ? { code: e.code, params: e.params, details: e.details, message: e.message }
        : { message: e instanceof Error ? e.message : String(e) };
    parentPort.postMessage({ id, ok: false, error });
  }
});
