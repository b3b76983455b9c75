// Which Node.js the platform runs on (ADR 0026): the range in package.json `engines`, checked before anything else
// loads, so an unsupported Node stops with a message saying what to install instead of a stack trace from deep
// inside a dependency. Plain JavaScript with node: imports only: it must itself run on an old Node.
// `node scripts/node-version.mjs` checks the running Node (CI does so first); `npm start` calls requireSupportedNode().
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** package.json `engines.node`: `^20.19.0 || >=22.12.0`. */
export const ENGINES_NODE = JSON.parse(readFileSync(`${root}package.json`, 'utf8')).engines.node;

/** Node.js 20 left maintenance on 2026-04-30: still accepted, with a warning, until the machines move to 22 or 24. */
export const END_OF_LIFE = { 20: '2026-04-30' };

const parse = (v) => {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(String(v).trim());
  if (!m) throw new Error(`not a version: ${v}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
};
const cmp = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Whether `version` lies in `range`: alternatives joined by `||`, each `^X.Y.Z`, `>=X.Y.Z` or `>=X.Y.Z <A.B.C`. */
export function satisfies(version, range) {
  const v = parse(version);
  return range.split('||').some((alt) =>
    alt
      .trim()
      .split(/\s+/)
      .every((c) => {
        const m = /^(\^|>=|<)(.+)$/.exec(c);
        if (!m) throw new Error(`unsupported range part: ${c}`);
        const w = parse(m[2]);
        if (m[1] === '^') return v[0] === w[0] && cmp(v, w) >= 0;
        if (m[1] === '>=') return cmp(v, w) >= 0;
        return cmp(v, w) < 0;
      }),
  );
}

/**
 * What is wrong with running on `version`: `{ fatal: true, message }` outside the range, a warning on a Node past
 * its end of life, undefined when all is well.
 */
export function nodeVersionProblem(version, range = ENGINES_NODE) {
  const major = parse(version)[0];
  if (!satisfies(version, range)) {
    return {
      fatal: true,
      message:
        `Sifa 需要 Node.js ${range} (当前为 ${version})：依赖 kysely、@fastify/cookie 和 @fastify/static 所用的仅 ESM 包 (cookie、content-disposition) ` +
        `须由 Node.js 20.19 起或 22.12 起的 require(esm) 载入。请安装 Node.js 22 或 24 长期支持版 (见 README “快速开始”，ADR 0026)。\n` +
        `Sifa needs Node.js ${range} (this is ${version}); install Node.js 22 or 24 LTS.`,
    };
  }
  const eol = END_OF_LIFE[major];
  if (eol) {
    return {
      fatal: false,
      message:
        `注意：Node.js ${major} 已于 ${eol} 停止维护，不再有安全更新；kysely 0.29、cookie 2、content-disposition 3 声明需要 Node.js ≥ 22 ` +
        `(本项目的全部测试在 Node.js 20 上通过，故仍可运行)。正式部署请使用 Node.js 22 或 24 (ADR 0026)。\n` +
        `Note: Node.js ${major} reached end of life on ${eol}; use Node.js 22 or 24 in production.`,
    };
  }
  return undefined;
}

/**
 * Stops the process with the reason on an unsupported Node; with `warn`, prints the end-of-life warning and goes on
 * (the server's start banner shows that warning itself).
 */
export function requireSupportedNode({ version = process.version, warn = true } = {}) {
  const problem = nodeVersionProblem(version);
  if (!problem || (!problem.fatal && !warn)) return;
  process.stderr.write(`${problem.message}\n`);
  if (problem.fatal) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  requireSupportedNode();
  process.stdout.write(`Node.js ${process.version} — engines ${ENGINES_NODE}\n`);
}
