import { DataDirLockedError, ROLE_NAMES, verifyAuditChain } from '@sifa/kernel';
import { loadConfig } from './config';
import { openPlatform, startServer } from './serve';
import { seedIfEmpty } from './seed/seed';

const USAGE = `用法 / usage: cli.ts <serve | migrate | seed | audit:verify>`;

async function main(command: string): Promise<number> {
  const config = loadConfig();
  switch (command) {
    case 'serve': {
      const server = await startServer(config);
      const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `嵌入式数据库 ${config.dataDir}`;
      const lines = [
        '',
        `  Sifa 智慧司法行政平台 已启动 / is running`,
        `  地址 URL:        ${server.url}`,
        `  接口文档 API:    ${server.url}/api/docs`,
        `  数据库 database: ${where}`,
      ];
      if (server.seed.seeded) {
        lines.push('', '  首次启动已建立组织机构和以下账号 / accounts created on first start:');
        for (const a of server.seed.accounts) lines.push(`    ${a.username.padEnd(10)} ${a.password.padEnd(14)} ${ROLE_NAMES[a.role].zh}（${a.unit}）`);
      } else if (config.seedDemo) {
        lines.push('', `  演示账号 demo accounts: admin auditor leader city zhanggong ningdu office，口令 password: ${config.demoPassword === process.env.SIFA_DEMO_PASSWORD ? '(SIFA_DEMO_PASSWORD)' : config.demoPassword}`);
      }
      lines.push('', '  按 Ctrl-C 停止 / press Ctrl-C to stop', '');
      process.stdout.write(`${lines.join('\n')}\n`);
      await new Promise<void>((resolve) => {
        const stop = (sig: string) => {
          process.stdout.write(`\n收到 ${sig}，正在停止… / stopping…\n`);
          server.close().then(resolve, (e: unknown) => {
            process.stderr.write(`${String(e)}\n`);
            resolve();
          });
        };
        process.once('SIGINT', () => stop('SIGINT'));
        process.once('SIGTERM', () => stop('SIGTERM'));
      });
      process.stdout.write('已停止 / stopped\n');
      return 0;
    }
    case 'migrate': {
      const p = await openPlatform(config);
      await p.close();
      process.stdout.write('数据库迁移完成 / migrations applied\n');
      return 0;
    }
    case 'seed': {
      const p = await openPlatform(config);
      try {
        const r = await seedIfEmpty(p.engine, config);
        process.stdout.write(r.seeded ? `已建立 ${r.accounts.length} 个账号\n` : '数据库已有数据，未重复初始化 / already seeded\n');
      } finally {
        await p.close();
      }
      return 0;
    }
    case 'audit:verify': {
      const p = await openPlatform(config);
      try {
        const r = await verifyAuditChain(p.engine.db);
        if (r.ok) {
          process.stdout.write(`OK 审计哈希链完好，共校验 ${r.checked} 条 / audit chain intact (${r.checked} entries)\n`);
          return 0;
        }
        process.stdout.write(`BROKEN 审计哈希链在第 ${r.brokenAt} 条断裂：${r.reason} / chain broken at entry ${r.brokenAt}\n`);
        return 1;
      } finally {
        await p.close();
      }
    }
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

main(process.argv[2] ?? '').then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof DataDirLockedError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(3);
    }
    process.stderr.write(`启动失败 / failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
