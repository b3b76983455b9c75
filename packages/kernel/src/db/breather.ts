/**
 * For long work in Node while the database works on the same connection (imports on PostgreSQL): every statement's
 * answer waits for the event loop, so work that holds it for long makes the database wait. A breather lets
 * I/O through once the work has run for `everyMs` since the last time. Between items:
 * `const pause = breathe(); if (pause) await pause;` — not `await breathe()`, whose every await lets promise
 * callbacks in, and with them work queued on the embedded engine, which runs on this thread.
 */
export function breather(everyMs = 3): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < everyMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        since = performance.now();
        resolve();
      }),
    );
  };
}
