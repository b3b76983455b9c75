// `npm start`: builds the console once if it is missing, then runs the platform (apps/server/src/cli.ts serve).
// First of all, a Node.js outside package.json `engines` stops here with what to install (ADR 0026).
import './require-node.mjs';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(`${root}apps/web/dist/index.html`) || process.env.SIFA_BUILD_WEB === '1') {
  console.log('正在构建管理端界面 (首次启动约需半分钟) / building the console…');
  const r = spawnSync(process.execPath, [`${root}node_modules/vite/bin/vite.js`, 'build', 'apps/web', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', 'serve', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
// Ctrl-C reaches the server through the terminal's process group; this process waits for it to finish.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
