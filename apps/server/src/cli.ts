import { DataDirExposedError, DataDirLockedError, loadCalendarFile, readAnchor, ROLE_NAMES, sealAudit, verifyAuditChain } from '@sifa/kernel';
import { anchorFileOf, dataKeyOf, loadConfig, openPlatform, seedIfEmpty, startServer } from '@sifa/platform';
import { businessModules } from './registry';

const USAGE = `用法 / usage: cli.ts <serve | migrate | seed | audit:verify | calendar:load FILE.json>`;

async function main(command: string): Promise<number> {
  const config = loadConfig();
  switch (command) {
    case 'serve': {
      const server = await startServer(config, { modules: businessModules });
      const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `嵌入式数据库 ${config.dataDir}`;
      const lines = [
        '',
        `  Sifa 智慧司法行政平台 已启动 / is running`,
        `  地址 URL:        ${server.url}`,
        `  接口文档 API:    ${server.url}/api/docs`,
        `  数据库 database: ${where}`,
        `  数据密钥 key:    ${server.dataKey.source === 'env' ? '环境变量 SIFA_DATA_KEY' : (server.dataKey.file ?? '')}`,
      ];
      if (server.dataKey.generated) {
        lines.push(
          '',
          `  !! 已生成数据加密密钥 ${server.dataKey.file ?? ''}：身份证号、手机号以此加密，丢失则无法恢复。`,
          '     请立即另行备份该文件；正式部署请改用环境变量 SIFA_DATA_KEY，并与数据分开保管。',
          '  !! A new data key was generated: back it up now; production should set SIFA_DATA_KEY.',
        );
      } else if (server.dataKey.source === 'file') {
        lines.push('', '  注意：数据密钥与数据位于同一目录；正式部署请改用环境变量 SIFA_DATA_KEY。');
      }
      if (server.seed.seeded) {
        lines.push('', '  首次启动已建立组织机构和以下账号 / accounts created on first start:');
        for (const a of server.seed.accounts) lines.push(`    ${a.username.padEnd(10)} ${a.password.padEnd(14)} ${ROLE_NAMES[a.role].zh}（${a.unit}）`);
      } else if (config.seedDemo) {
        lines.push(
          '',
          `  演示账号 demo accounts: admin auditor leader city zhanggong ningdu office，口令 password: ${config.demoPassword === process.env.SIFA_DEMO_PASSWORD ? '(SIFA_DEMO_PASSWORD)' : config.demoPassword}`,
        );
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
      const p = await openPlatform(config, businessModules);
      await p.close();
      process.stdout.write('数据库迁移完成 / migrations applied\n');
      return 0;
    }
    case 'seed': {
      const p = await openPlatform(config, businessModules);
      try {
        const r = await seedIfEmpty(p.engine, config, businessModules);
        process.stdout.write(r.seeded ? `已建立 ${r.accounts.length} 个账号\n` : '数据库已有数据，未重复初始化 / already seeded\n');
      } finally {
        await p.close();
      }
      return 0;
    }
    case 'audit:verify': {
      const p = await openPlatform(config, businessModules);
      try {
        const anchorFile = anchorFileOf(config);
        const anchor = anchorFile ? readAnchor(anchorFile, dataKeyOf(config).key) : undefined;
        // entries a stopped platform left unsealed are chained first (ADR 0011)
        await sealAudit(p.engine.db);
        const r = await verifyAuditChain(p.engine.db, anchor ? { anchor } : {});
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
    case 'calendar:load': {
      const file = process.argv[3];
      if (!file) {
        process.stderr.write('请给出节假日安排 JSON 文件 / give the schedule file: npm run calendar:load -- 2027.json\n');
        return 2;
      }
      const p = await openPlatform(config, businessModules);
      try {
        const r = await loadCalendarFile(p.engine.db, file, { source: file });
        process.stdout.write(`已载入节假日安排 / loaded: ${JSON.stringify(r)}\n`);
      } finally {
        await p.close();
      }
      return 0;
    }
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

main(process.argv[2] ?? '').then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof DataDirLockedError || e instanceof DataDirExposedError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(3);
    }
    process.stderr.write(`启动失败 / failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
