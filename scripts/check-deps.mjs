// `npm run lint` runs this: every workspace's package.json declares the packages its code imports — in
// `dependencies` when shipped code imports it, in `dependencies` or `devDependencies` when only its tests and build
// configuration do — with the exact version the root package.json pins (one version of each package in the tree).
// Declared packages nobody imports are refused too. `node scripts/check-deps.mjs --fix` rewrites the lists.
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const fix = process.argv.includes('--fix');
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;
// A `from` clause ending a line, a bare side-effect import, a dynamic import or require (createRequire) of a literal.
const SPECIFIER =
  /(?:(?:^|[\s}*])from\s*['"]([^'"\n]+)['"];?\s*$|^\s*import\s*['"]([^'"\n]+)['"]|\b(?:import|require|require\.resolve)\(\s*['"]([^'"\n]+)['"]\s*\))/gm;
const BUILTIN = new Set(builtinModules);

/** Test files, test helpers and build configuration may rely on devDependencies. */
const devOnly = (file) => /\.test\.tsx?$/.test(file) || /(^|\/)test\//.test(file) || /\.config\.[mc]?[jt]s$/.test(file);

function packageOf(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return BUILTIN.has(name) ? undefined : name;
}

function sourcesOf(dir) {
  const out = [];
  const walk = (rel) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      if (['node_modules', 'dist', 'public', 'test-results', 'data'].includes(e.name) || e.name.startsWith('.')) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (SOURCE.test(e.name) && !e.name.endsWith('.d.ts') && !e.name.endsWith('.d.mts')) out.push(r);
    }
  };
  walk('');
  return out;
}

const workspaces = rootPkg.workspaces
  .flatMap((glob) => {
    const parent = glob.replace(/\/\*$/, '');
    return readdirSync(join(root, parent)).map((d) => `${parent}/${d}`);
  })
  .filter((dir) => existsSync(join(root, dir, 'package.json')));
const pkgs = new Map(workspaces.map((dir) => [dir, JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'))]));
const workspaceVersion = new Map([...pkgs.values()].map((p) => [p.name, p.version]));
const pinned = { ...rootPkg.dependencies, ...rootPkg.devDependencies };

/** The version every workspace must declare: the root's pin, a workspace's own version, or one agreed elsewhere. */
function versionOf(name) {
  if (workspaceVersion.has(name)) return workspaceVersion.get(name);
  if (pinned[name]) return pinned[name];
  for (const p of pkgs.values()) {
    const v = p.dependencies?.[name] ?? p.devDependencies?.[name];
    if (v) return v;
  }
  return undefined;
}

const problems = [];
for (const [dir, pkg] of pkgs) {
  const runtime = new Set();
  const dev = new Set();
  for (const file of sourcesOf(join(root, dir))) {
    const text = readFileSync(join(root, dir, file), 'utf8');
    for (const m of text.matchAll(SPECIFIER)) {
      const name = packageOf(m[1] ?? m[2] ?? m[3] ?? '');
      if (!name || name === pkg.name) continue;
      (devOnly(file) ? dev : runtime).add(name);
    }
  }
  for (const name of runtime) dev.delete(name);
  const deps = pkg.dependencies ?? {};
  const devDeps = pkg.devDependencies ?? {};
  if (fix) {
    const want = (names) => Object.fromEntries([...names].sort().map((n) => [n, versionOf(n) ?? deps[n] ?? devDeps[n] ?? '*']));
    const next = { ...pkg, dependencies: want(runtime), devDependencies: want(dev) };
    if (!runtime.size) delete next.dependencies;
    if (!dev.size) delete next.devDependencies;
    writeFileSync(join(root, dir, 'package.json'), `${JSON.stringify(next, null, 2)}\n`);
    continue;
  }
  for (const name of runtime) if (!deps[name]) problems.push(`${dir}: 代码引用了 ${name}，package.json 的 dependencies 中未声明`);
  for (const name of dev) if (!deps[name] && !devDeps[name]) problems.push(`${dir}: 测试或构建配置引用了 ${name}，未在 devDependencies 中声明`);
  for (const [name, version] of [...Object.entries(deps), ...Object.entries(devDeps)]) {
    if (!runtime.has(name) && !dev.has(name)) problems.push(`${dir}: 声明了 ${name}，但没有代码引用它`);
    const want = versionOf(name);
    if (want && version !== want) problems.push(`${dir}: ${name} 的版本 ${version} 与根 package.json 的 ${want} 不一致`);
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version)) problems.push(`${dir}: ${name} 须写精确版本（不带 ^ ~ 或范围），现为 ${version}`);
  }
}

// The root's own code (scripts, bench, configuration) uses the root's pins; workspaces resolve as siblings.
for (const file of [...sourcesOf(root).filter((f) => !/^(apps|packages|modules)\//.test(f))]) {
  for (const m of readFileSync(join(root, file), 'utf8').matchAll(SPECIFIER)) {
    const name = packageOf(m[1] ?? m[2] ?? m[3] ?? '');
    if (name && !pinned[name] && !workspaceVersion.has(name)) problems.push(`${file}: 引用了 ${name}，根 package.json 中未声明`);
  }
}

if (fix) {
  console.log(`已改写 ${pkgs.size} 个工作区的依赖清单；请执行 npm install --no-audit --no-fund 更新 package-lock.json`);
} else if (problems.length) {
  console.error(`工作区依赖声明有误 / workspace dependencies (node scripts/check-deps.mjs --fix 可改写)：\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
