import type { FastifyInstance } from 'fastify';
import { lockDataDir, migrate, openEngine, type DataDirLock, type Engine, type MigrationSource } from '@sifa/kernel';
import { allModules, buildApp } from './app';
import type { AppConfig } from './config';
import { businessModules } from './registry';
import { seedIfEmpty, type SeedResult } from './seed/seed';

export function migrationSources(config: AppConfig): MigrationSource[] {
  return allModules(config, businessModules).flatMap((m) => (m.migrationsDir ? [{ module: m.name, dir: m.migrationsDir }] : []));
}

export interface Platform {
  engine: Engine;
  close(): Promise<void>;
  lock: DataDirLock | undefined;
}

/** Opens the database (taking the data-directory lock for the embedded engine) and brings its schema up to date. */
export async function openPlatform(config: AppConfig): Promise<Platform> {
  const lock = config.databaseUrl ? undefined : lockDataDir(config.dataDir);
  try {
    const engine = await openEngine({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    await migrate(engine, migrationSources(config));
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
  close(): Promise<void>;
}

export async function startServer(config: AppConfig, opts: { logger?: boolean } = {}): Promise<RunningServer> {
  const platform = await openPlatform(config);
  try {
    const seed = await seedIfEmpty(platform.engine, config);
    const app = await buildApp({ engine: platform.engine, config, ...(opts.logger === undefined ? {} : { logger: opts.logger }) });
    const address = await app.listen({ host: config.host, port: config.port });
    let closed = false;
    return {
      app,
      url: address.replace('[::1]', 'localhost'),
      seed,
      async close() {
        if (closed) return;
        closed = true;
        await app.close();
        await platform.close();
      },
    };
  } catch (e) {
    await platform.close();
    throw e;
  }
}
