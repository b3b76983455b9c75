import type { FastifyInstance } from 'fastify';
import {
  auditHead,
  writeAnchor,
  ensureBundledCalendar,
  installDeadlineRules,
  loadDeadlineOverridesFile,
  ensurePrivateDir,
  lockDataDir,
  migrate,
  resolveFilesRoot,
  restrictFileModes,
  restrictTree,
  openEngine,
  type DataDirLock,
  type DataKey,
  type Engine,
  type MigrationSource,
  type ModuleDefinition,
} from '@sifa/kernel';
import { allModules, buildApp, dataKeyOf } from './app';
import { anchorFileOf, type AppConfig } from './config';
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
  ensurePrivateDir(resolveFilesRoot({ dataDir: config.databaseUrl ? undefined : config.dataDir, filesDir: config.filesDir }));
  const lock = config.databaseUrl ? undefined : lockDataDir(config.dataDir);
  try {
    // the overrides name the kernel's and the modules' rules: the modules' catalogue first
    installDeadlineRules(allModules(config, modules));
    if (config.deadlineRules) loadDeadlineOverridesFile(config.deadlineRules); // fails fast on a [V] field
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

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  seed: SeedResult;
  /** Where the personal-data key came from; `generated` means it was created now and must be backed up. */
  dataKey: Omit<DataKey, 'key'>;
  close(): Promise<void>;
}

export async function startServer(config: AppConfig, opts: { modules: readonly ModuleDefinition[]; logger?: boolean }): Promise<RunningServer> {
  const platform = await openPlatform(config, opts.modules);
  try {
    const seed = await seedIfEmpty(platform.engine, config, opts.modules);
    const { key, ...dataKey } = dataKeyOf(config);
    const app = await buildApp({
      engine: platform.engine,
      config,
      modules: opts.modules,
      dataKey: key,
      ...(opts.logger === undefined ? {} : { logger: opts.logger }),
    });
    const jobs = config.runJobs ? createJobs(platform.engine, config, app.sifaDeps, app.sifaModules, app.log) : undefined;
    const address = await app.listen({ host: config.host, port: config.port });
    await jobs?.start();
    let closed = false;
    return {
      app,
      url: address.replace('[::1]', 'localhost'),
      seed,
      dataKey,
      async close() {
        if (closed) return;
        closed = true;
        await jobs?.stop();
        // Closing the app seals the last entries; a clean stop then records the chain's head, so entries written
        // since the last minute are covered too.
        await app.close();
        const anchorFile = anchorFileOf(config);
        const head = anchorFile ? await auditHead(platform.engine.db) : undefined;
        if (head && anchorFile) writeAnchor(anchorFile, key, head);
        await platform.close();
      },
    };
  } catch (e) {
    await platform.close();
    throw e;
  }
}
