import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import {
  anchorNewChain,
  appendAudit,
  ensureBundledCalendar,
  installDeadlineRules,
  loadDeadlineOverridesFile,
  loadSmsTemplatesFile,
  ensurePrivateDir,
  lockDataDir,
  migrate,
  resolveFilesRoot,
  restrictFileModes,
  restrictTree,
  openEngine,
  warmWorkers,
  type DataDirLock,
  type DataKey,
  type Engine,
  type MigrationSource,
  type ModuleDefinition,
} from '@sifa/kernel';
import { allModules, buildApp, dataKeyOf } from './app';
import { auditAnchoringOf, type AuditAnchoring } from './audit-keys';
import type { AppConfig } from './config';
import { createJobs } from './jobs';
import { seedIfEmpty, type SeedResult } from './seed/seed';

export function migrationSources(config: AppConfig, modules: readonly ModuleDefinition[]): MigrationSource[] {
  return allModules(config, modules).flatMap((m) => (m.migrationsDir ? [{ module: m.name, dir: m.migrationsDir }] : []));
}

export interface Platform {
  engine: Engine;
  close(): Promise<void>;
  lock: DataDirLock | undefined;
}

/** Opens the database (taking the data-directory lock for the embedded engine) and brings its schema up to date. */
export async function openPlatform(config: AppConfig, modules: readonly ModuleDefinition[]): Promise<Platform> {
  // Everything written from here on is the service account's alone (0600/0700); an exposed directory is refused
  // before anything is written into it (ADR 0019).
  restrictFileModes();
  if (!config.databaseUrl) ensurePrivateDir(config.dataDir);
  // the files directory is made by the first upload (0700 under the umask above); one already there is checked
  const filesRoot = resolveFilesRoot({ dataDir: config.databaseUrl ? undefined : config.dataDir, filesDir: config.filesDir });
  if (existsSync(filesRoot)) ensurePrivateDir(filesRoot);
  const lock = config.databaseUrl ? undefined : lockDataDir(config.dataDir);
  try {
    // the overrides name the kernel's and the modules' rules: the modules' catalogue first
    installDeadlineRules(allModules(config, modules));
    if (config.deadlineRules) loadDeadlineOverridesFile(config.deadlineRules); // fails fast on a [V] field
    if (config.smsTemplates) loadSmsTemplatesFile(config.smsTemplates); // fails fast on an unknown event or placeholder
    const engine = await openEngine({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    if (!config.databaseUrl) restrictTree(config.dataDir);
    await migrate(engine, migrationSources(config, modules));
    await ensureBundledCalendar(engine.db); // official holiday schedules 2004–2026; later years are loaded by an admin
    return {
      engine,
      lock,
      async close() {
        await engine.close();
        lock?.release();
      },
    };
  } catch (e) {
    lock?.release();
    throw e;
  }
}

/**
 * Opens an existing database to read it (`npm run audit:verify`): the lock, but no migration, no calendar, no
 * directory created — the check changes nothing it checks.
 */
export async function openPlatformForReading(config: AppConfig): Promise<Platform> {
  if (!config.databaseUrl && !existsSync(join(config.dataDir, 'pgdata')))
    throw new Error(`数据目录 ${config.dataDir} 中没有数据库 (pgdata)：请检查 SIFA_DATA_DIR`);
  if (!config.databaseUrl) ensurePrivateDir(config.dataDir); // exists: only checked
  const lock = config.databaseUrl ? undefined : lockDataDir(config.dataDir);
  try {
    const engine = await openEngine({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    return {
      engine,
      lock,
      async close() {
        await engine.close();
        lock?.release();
      },
    };
  } catch (e) {
    lock?.release();
    throw e;
  }
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  seed: SeedResult;
  /** Where the personal-data key came from; `generated` means it was created now and must be backed up. */
  dataKey: Omit<DataKey, 'key'>;
  /** How the audit anchor is signed: its file, the key's source and fingerprint (ADR 0019). */
  auditKey: { anchorFile: string; source: AuditAnchoring['source']; keyFile?: string; fingerprint: string; generated: boolean };
  /** What the start reported before the app's logger existed (e.g. a development signing key made now). */
  notices: string[];
  close(): Promise<void>;
}

/**
 * Entries a crash left unsealed are chained at start (the check, read-only, only reports them), and the sealing is
 * itself an audit entry naming them, so whoever reviews the log can look at what was chained after the fact.
 */
async function sealLeftovers(engine: Engine, startedAt: Date): Promise<string | undefined> {
  const left = await engine.db
    .selectFrom('kernel.auditLog')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min<number | null>('id').as('firstId'), eb.fn.max<number | null>('id').as('lastId')])
    .where('seq', 'is', null)
    .where('at', '<', startedAt) // not what this start wrote itself (the bundled calendar on opening)
    .executeTakeFirstOrThrow();
  const n = left.n;
  if (!n) return undefined;
  const summary = { count: n, firstId: left.firstId, lastId: left.lastId };
  await engine.db
    .transaction()
    .execute((trx) => appendAudit(trx, { id: null, username: 'system', orgId: null }, { action: 'kernel.audit.seal-leftover', summary }));
  return `启动时发现 ${n} 条未封存的审计记录 (id ${summary.firstId}–${summary.lastId})，已封存进哈希链并记入审计 (kernel.audit.seal-leftover)：它们来自非正常停止，或被直接写入数据库`;
}

export async function startServer(config: AppConfig, opts: { modules: readonly ModuleDefinition[]; logger?: boolean }): Promise<RunningServer> {
  const notices: string[] = [];
  const startedAt = new Date(); // wall clock: entries are stamped with it (audit.ts)
  // before anything is opened: production refuses to start without its signing key (ADR 0019)
  const anchoring = auditAnchoringOf(config, (m) => notices.push(m));
  const platform = await openPlatform(config, opts.modules);
  try {
    await anchorNewChain(platform.engine.db, anchoring.file, anchoring.signer); // a first start: the chain starts anchored
    const leftover = await sealLeftovers(platform.engine, startedAt);
    if (leftover) notices.push(leftover);
    const seed = await seedIfEmpty(platform.engine, config, opts.modules);
    const { key, ...dataKey } = dataKeyOf(config);
    const app = await buildApp({
      engine: platform.engine,
      config,
      modules: opts.modules,
      dataKey: key,
      auditAnchoring: anchoring,
      ...(opts.logger === undefined ? {} : { logger: opts.logger }),
    });
    for (const n of notices) app.log.warn(n);
    const jobs = config.runJobs ? createJobs(platform.engine, config, app.sifaDeps, app.sifaModules, app.log) : undefined;
    const address = await app.listen({ host: config.host, port: config.port });
    warmWorkers(); // the first import or document does not wait for a worker to load its code (~1–5 s)
    await jobs?.start();
    let closed = false;
    return {
      app,
      url: address.replace('[::1]', 'localhost'),
      seed,
      dataKey,
      auditKey: {
        anchorFile: anchoring.file,
        source: anchoring.source,
        ...(anchoring.keyFile ? { keyFile: anchoring.keyFile } : {}),
        fingerprint: anchoring.publicKey.fingerprint,
        generated: anchoring.generated,
      },
      notices,
      async close() {
        if (closed) return;
        closed = true;
        await jobs?.stop();
        // Closing the app seals the last entries and anchors the head they end in (ADR 0019).
        await app.close();
        await platform.close();
      },
    };
  } catch (e) {
    await platform.close();
    throw e;
  }
}
