// first: an unsupported Node.js stops here, before any dependency loads
import '../../../scripts/require-node.mjs';
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  anchorNewChain,
  createAnchorWriter,
  sealAudit,
  type Engine,
  AuditKeyError,
  auditSigner,
  DataDirExposedError,
  DataDirLockedError,
  generateAuditKeyPair,
  loadCalendarFile,
  reanchorAudit,
  restrictFileModes,
  verifyAudit,
} from '@sifa/kernel';
import {
  auditAnchorCheckOf,
  auditAnchoringOf,
  type AuditAnchoring,
  loadConfig,
  openPlatform,
  openPlatformForReading,
  seedIfEmpty,
  startBanner,
  startServer,
} from '@sifa/platform';
import { nodeVersionProblem } from '../../../scripts/node-version.mjs';
import { businessModules } from './registry';

const USAGE = `用法 / usage: cli.ts <serve | migrate | seed | audit:verify | audit:keygen FILE.pem | audit:anchor | calendar:load FILE.json>`;

/**
 * A command that wrote audit entries seals them and moves the anchor before it ends, as the platform's sealer does
 * (ADR 0019): otherwise the next check would find unsealed entries, or an anchor lagging behind them.
 */
async function sealAndAnchor(db: Engine['db'], anchoring: AuditAnchoring) {
  await anchorNewChain(db, anchoring.file, anchoring.signer);
  await sealAudit(db);
  await createAnchorWriter(db, anchoring.file, anchoring.signer, (m) => process.stderr.write(`${m}\n`))();
}

async function main(command: string): Promise<number> {
  restrictFileModes(); // keys, anchors and database files: the service account's alone (ADR 0019)
  const config = loadConfig();
  switch (command) {
    case 'serve': {
      const server = await startServer(config, { modules: businessModules });
      // the portal beside the console, what needs setting (SIFA_PUBLIC_URL), a Node.js past its end of life (ADR 0026)
      const node = nodeVersionProblem(process.version);
      process.stdout.write(startBanner(server, config, process.env, node ? [node.message] : []));
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
      const anchoring = auditAnchoringOf(config);
      const p = await openPlatform(config, businessModules);
      await sealAndAnchor(p.engine.db, anchoring); // the bundled calendar may have written an entry
      await p.close();
      process.stdout.write('数据库迁移完成 / migrations applied\n');
      return 0;
    }
    case 'seed': {
      const anchoring = auditAnchoringOf(config);
      const p = await openPlatform(config, businessModules);
      try {
        await anchorNewChain(p.engine.db, anchoring.file, anchoring.signer);
        const r = await seedIfEmpty(p.engine, config, businessModules);
        await sealAndAnchor(p.engine.db, anchoring);
        process.stdout.write(r.seeded ? `已建立 ${r.accounts.length} 个账号\n` : '数据库已有数据，未重复初始化 / already seeded\n');
      } finally {
        await p.close();
      }
      return 0;
    }
    case 'audit:verify': {
      // Reads only: no migration, no sealing, no anchor written (ADR 0019). The platform is stopped (the lock), so
      // every entry should be sealed and the anchor should name the head.
      const check = auditAnchorCheckOf(config);
      const p = await openPlatformForReading(config);
      try {
        // embedded: the lock says no platform runs, so no entry may be unsealed; PostgreSQL: servers may be sealing now
        const r = await verifyAudit(p.engine.db, { anchor: check, unsealedGraceMs: config.databaseUrl ? 15_000 : 0 });
        if (r.ok) {
          const gap = r.unanchored
            ? `；最后 ${r.unanchored} 条在最后一次锚点之后 (非正常停止留下的锚点间隙，删除它们无法被发现) / ${r.unanchored} entries after the last anchor`
            : '';
          process.stdout.write(`OK 审计哈希链完好，共校验 ${r.checked} 条${gap} / audit chain intact (${r.checked} entries)\n`);
          return 0;
        }
        const at = r.brokenAt === undefined ? '' : `在第 ${r.brokenAt} 条`;
        process.stdout.write(`BROKEN 审计哈希链${at}断裂：${r.reason ?? ''} / chain broken${r.brokenAt === undefined ? '' : ` at entry ${r.brokenAt}`}\n`);
        return 1;
      } finally {
        await p.close();
      }
    }
    case 'audit:keygen': {
      const target = process.argv[3];
      if (!target) {
        process.stderr.write('请给出私钥文件路径 (数据目录之外) / give the private key file: npm run audit:keygen -- /etc/sifa/audit-signing-key.pem\n');
        return 2;
      }
      const file = resolve(target);
      if (existsSync(file)) {
        process.stderr.write(`${file} 已存在，不覆盖 / exists, not overwritten\n`);
        return 2;
      }
      const pair = generateAuditKeyPair();
      writeFileSync(file, pair.privatePem, { mode: 0o600, flag: 'wx' });
      writeFileSync(`${file}.pub`, pair.publicPem, { mode: 0o644, flag: 'wx' });
      const fingerprint = auditSigner(pair.privatePem).publicKey.fingerprint;
      process.stdout.write(
        `已生成审计锚点 SM2 密钥对 (指纹 ${fingerprint})：\n  私钥 ${file} (0600)：SIFA_AUDIT_SIGNING_KEY_FILE=${file}\n` +
          `  公钥 ${file}.pub：交审计员校验用 SIFA_AUDIT_PUBLIC_KEY_FILE=${file}.pub\n私钥只给运行 Sifa 的账号读取，并与数据分开备份。\n`,
      );
      return 0;
    }
    case 'audit:anchor': {
      // An operator's decision after looking into a failed check (docs/operations.md): audited, refused on a broken chain.
      const anchoring = auditAnchoringOf(config);
      const p = await openPlatform(config, businessModules);
      try {
        const r = await reanchorAudit(p.engine.db, anchoring, anchoring.signer, { id: null, username: 'cli:audit:anchor', orgId: null });
        if (!r.ok) {
          process.stdout.write(`REFUSED 哈希链本身在第 ${r.brokenAt ?? '?'} 条断裂，不重建锚点：${r.reason ?? ''}\n`);
          return 1;
        }
        process.stdout.write(`已在第 ${r.anchoredSeq ?? 0} 条重建审计锚点 ${anchoring.file} (已记入审计 kernel.audit.reanchor) / re-anchored\n`);
        return 0;
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
      const anchoring = auditAnchoringOf(config);
      const p = await openPlatform(config, businessModules);
      try {
        const r = await loadCalendarFile(p.engine.db, file, { source: file });
        await sealAndAnchor(p.engine.db, anchoring);
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
    if (e instanceof DataDirLockedError || e instanceof DataDirExposedError || e instanceof AuditKeyError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(3);
    }
    process.stderr.write(`启动失败 / failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
