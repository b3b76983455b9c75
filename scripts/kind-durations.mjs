// A Vitest reporter for scripts/test.mjs: how long each kind of test (each project of vitest.config.ts) took, written
// to test-results/kinds.json. A file's time is its setup, import and tests (its diagnostic); a kind's span runs from
// its first file's start to its last file's end. The kinds share the two workers, so their spans overlap.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const OUT = fileURLToPath(new URL('../test-results/kinds.json', import.meta.url));

export default class KindDurations {
  ended = new Map();

  onTestModuleEnd(testModule) {
    this.ended.set(testModule, Date.now());
  }

  onTestRunEnd() {
    const kinds = {};
    for (const [m, end] of this.ended) {
      const d = m.diagnostic();
      const busy = d.environmentSetupDuration + d.prepareDuration + d.setupDuration + d.collectDuration + d.duration;
      const k = (kinds[m.project.name] ??= { files: 0, tests: 0, workerMs: 0, start: Infinity, end: 0 });
      k.files++;
      k.tests += [...m.children.allTests()].length;
      k.workerMs += busy;
      k.start = Math.min(k.start, end - busy);
      k.end = Math.max(k.end, end);
    }
    const out = Object.fromEntries(
      Object.entries(kinds).map(([name, k]) => [name, { files: k.files, tests: k.tests, workerMs: k.workerMs, spanMs: k.end - k.start }]),
    );
    mkdirSync(fileURLToPath(new URL('../test-results/', import.meta.url)), { recursive: true });
    writeFileSync(OUT, JSON.stringify(out, null, 2));
  }
}
