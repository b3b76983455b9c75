// `npm run new-module -- <name> [--zh 中文名称] [--abbr 编号标记] [--install]`: writes modules/<name>/ from scripts/module-template/ and
// registers it — one line in each registry (apps/server/src/registry.ts, apps/web/src/registry.ts) and one line in
// each app's package.json (scripts/check-deps.mjs wants every imported workspace declared). The workspace link
// node_modules/@sifa/<name> is made at once, so the module typechecks and boots; `npm install` (or --install) then
// records it in package-lock.json, which `npm ci` needs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const TEMPLATE = join(root, 'scripts', 'module-template');
/** Where each registry takes its line: just before this marker (kept in both files). */
export const MARKER = 'new-module: add modules above this line';

/** Every spelling the template needs, from the kebab-case name (`legal-aid`) and the Chinese label. */
export function spellings(name, zh, abbr) {
  const words = name.split('-');
  const cap = (w) => w.charAt(0).toUpperCase() + w.slice(1);
  return {
    __name__: name,
    __snake__: words.join('_'),
    __camel__: words[0] + words.slice(1).map(cap).join(''),
    __Pascal__: words.map(cap).join(''),
    __CONST__: words.map((w) => w.toUpperCase()).join('_'),
    __en__: cap(words.join(' ')),
    __zh__: zh,
    // the number's mark before 〔year〕: the label's first Chinese character (法律援助 → 法), or --abbr
    __abbr__: abbr ?? /\p{Script=Han}/u.exec(zh)?.[0] ?? '案',
  };
}

/** Why `name` cannot be a new module's name (in Chinese), or undefined. */
export function nameProblem(name, at = root) {
  if (!name) return '请给出模块名，例如：npm run new-module -- community-corrections --zh 社区矫正';
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) return `模块名“${name}”须为小写字母开头的短横线分隔英文（kebab-case），例如 community-corrections`;
  if (['kernel', 'system', 'portal', 'platform', 'testing', 'ui', 'web', 'server', 'shared'].includes(name)) return `模块名“${name}”为平台保留名称，请换一个`;
  if (existsSync(join(at, 'modules', name))) return `模块“${name}”已存在（modules/${name}），请换一个名称`;
  return undefined;
}

/**
 * The marks of the number templates the repository has (`{abbr}调〔{year}〕{seq}号` → 调), with their files: two modules
 * with one mark would number their matters alike, and a matter's number is unique across the platform.
 */
function numberMarks(at) {
  const marks = new Map();
  const scan = (dir) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) scan(path);
      else if (/\.ts$/.test(e.name) && !e.name.endsWith('.test.ts')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/\{abbr\}([^〔{'"`]+)〔/g)) marks.set(m[1], relative(at, path));
      }
    }
  };
  scan(join(at, 'modules'));
  scan(join(at, 'packages'));
  return marks;
}

const fill = (text, words) => text.replace(/__(name|snake|camel|Pascal|CONST|en|zh|abbr)__/g, (k) => words[k]);

/** Writes the template, with the placeholders filled in, under `dir`; returns the files written. */
function writeTemplate(dir, words) {
  const written = [];
  const walk = (rel) => {
    for (const e of readdirSync(join(TEMPLATE, rel), { withFileTypes: true })) {
      const from = join(rel, e.name);
      if (e.isDirectory()) {
        walk(from);
        continue;
      }
      const to = join(dir, fill(from.replace(/\.tpl$/, ''), words));
      mkdirSync(dirname(to), { recursive: true });
      writeFileSync(to, fill(readFileSync(join(TEMPLATE, from), 'utf8'), words));
      written.push(to);
    }
  };
  walk('');
  return written;
}

/** Adds `line` before the marker of `file`; refuses a file without the marker (someone removed it). */
function insertBeforeMarker(file, line) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes(MARKER));
  if (at < 0) throw new Error(`${relative(root, file)} 中找不到标记“${MARKER}”，无法登记模块；请按 README 手工添加`);
  lines.splice(at, 0, line);
  writeFileSync(file, lines.join('\n'));
}

/** Adds `"@sifa/<name>": "0.1.0"` to an app's dependencies, in name order (one line; npm keeps the order). */
function addDependency(file, pkgName) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === '"dependencies": {');
  if (start < 0) throw new Error(`${relative(root, file)} 没有 dependencies`);
  let at = start + 1;
  while (!lines[at].trim().startsWith('}') && lines[at].trim().split('"')[1] < pkgName) at++;
  const last = lines[at].trim().startsWith('}');
  // the new line goes before `at`; when it is the last entry, the entry before it needs its comma
  if (last) lines[at - 1] = `${lines[at - 1]},`;
  lines.splice(at, 0, `    "${pkgName}": "0.1.0"${last ? '' : ','}`);
  writeFileSync(file, lines.join('\n'));
}

/**
 * Formats the written files with the repository's Prettier configuration: the template is formatted for one name, and
 * a longer or shorter name moves line breaks.
 */
async function format(files, at) {
  const prettier = await import('prettier');
  for (const file of files) {
    const options = await prettier.resolveConfig(file);
    const info = await prettier.getFileInfo(file, { ignorePath: join(at, '.prettierignore') });
    if (info.ignored || !info.inferredParser) continue;
    writeFileSync(file, await prettier.format(readFileSync(file, 'utf8'), { ...options, filepath: file }));
  }
}

/** The starter: writes the module, registers it, links the workspace. `at` is the repository (a test's copy). */
export async function newModule({ name, zh, abbr, install = false, at = root, log = console.log }) {
  const problem = nameProblem(name, at);
  if (problem) throw new Error(problem);
  if (zh !== undefined && !/\p{Script=Han}/u.test(zh)) throw new Error(`中文名称“${zh}”应含汉字，例如 --zh 社区矫正`);
  const words = spellings(name, zh ?? name, abbr);
  const taken = numberMarks(at).get(words.__abbr__);
  if (taken) {
    throw new Error(`编号标记“${words.__abbr__}”已被 ${taken} 使用（编号全平台唯一），请用 --abbr 另选一个字，例如 --abbr 援`);
  }
  const dir = join(at, 'modules', name);
  const files = writeTemplate(dir, words);
  await format(files, at);
  const { __camel__: camel } = words;
  // the quote is a variable so that check-deps.mjs does not take this line for an import of the script's own
  const q = "'";
  insertBeforeMarker(join(at, 'apps/server/src/registry.ts'), `  (await import(${q}@sifa/${name}/server${q})).${camel}Module,`);
  insertBeforeMarker(join(at, 'apps/web/src/registry.ts'), `  (await import(${q}@sifa/${name}/web${q})).${camel}Web,`);
  addDependency(join(at, 'apps/server/package.json'), `@sifa/${name}`);
  addDependency(join(at, 'apps/web/package.json'), `@sifa/${name}`);
  const link = join(at, 'node_modules', '@sifa', name);
  if (existsSync(join(at, 'node_modules', '@sifa')) && !existsSync(link)) symlinkSync(`../../modules/${name}`, link);
  log(`已生成 modules/${name}/（${files.length} 个文件），并在 apps/server、apps/web 的 registry.ts 与 package.json 中各登记一行。`);
  if (install) {
    execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: at, stdio: 'inherit' });
  } else {
    log('下一步：运行 npm install（把新工作区记入 package-lock.json，CI 的 npm ci 需要），或下次加 --install。');
  }
  log(`然后：把 shared/deadlines.ts 中标注 TODO 的法条换成 ../shared/laws/ 中的文件和条款；npm test -- --module ${name}`);
  return files;
}

/** `npm run new-module -- <name> [--zh 中文名称] [--abbr 编号标记] [--install]`. */
async function main(argv) {
  const args = [...argv];
  const flag = (f) => {
    const i = args.indexOf(f);
    if (i < 0) return undefined;
    const [, value] = args.splice(i, 2);
    return value;
  };
  const install = args.includes('--install');
  if (install) args.splice(args.indexOf('--install'), 1);
  const zh = flag('--zh');
  const abbr = flag('--abbr');
  if (args.length > 1 || args.some((a) => a.startsWith('--')))
    throw new Error(`无法识别的参数：${args.join(' ')}；用法：npm run new-module -- <name> [--zh 中文名称] [--abbr 编号标记] [--install]`);
  await newModule({ name: args[0], zh, abbr, install });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
