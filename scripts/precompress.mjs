// Static files of the console and portal, compressed once at build (issue #13 item 10): next to every text asset
// of apps/web/dist a `.br` (brotli, best) and a `.gz` (gzip -9), which the server sends as they are to a browser
// that accepts them (@fastify/static `preCompressed`, platform plugins/web.ts) — no compression work per request.
// `node scripts/precompress.mjs DIR` does it by hand; the console's Vite build does it through precompressPlugin().
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Worth compressing: text formats; images and fonts are compressed already. */
const TEXT = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest)$/;

/**
 * Writes `<file>.br` and `<file>.gz` beside each text file of `dir` (recursively) of at least `minBytes`, keeping
 * only variants that are smaller than the original. Returns the bytes before and after (brotli) for the build's report.
 */
export function precompressDir(dir, { minBytes = 1024 } = {}) {
  const report = { files: 0, bytes: 0, brotli: 0, gzip: 0 };
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (TEXT.test(e.name) && statSync(p).size >= minBytes) {
        const raw = readFileSync(p);
        const br = brotliCompressSync(raw, {
          params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
        });
        const gz = gzipSync(raw, { level: 9 });
        if (br.length < raw.length) writeFileSync(`${p}.br`, br);
        if (gz.length < raw.length) writeFileSync(`${p}.gz`, gz);
        report.files += 1;
        report.bytes += raw.length;
        report.brotli += Math.min(br.length, raw.length);
        report.gzip += Math.min(gz.length, raw.length);
      }
    }
  };
  walk(dir);
  return report;
}

/** A Vite plugin: precompresses the output directory once the bundle is written. */
export function precompressPlugin() {
  let outDir = '';
  return {
    name: 'sifa-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const r = precompressDir(outDir);
      const kb = (n) => `${Math.round(n / 1024)} kB`;
      console.log(`precompressed ${r.files} files: ${kb(r.bytes)} → brotli ${kb(r.brotli)}, gzip ${kb(r.gzip)}`);
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('用法 / usage: node scripts/precompress.mjs apps/web/dist\n');
    process.exit(2);
  }
  console.log(precompressDir(dir));
}
