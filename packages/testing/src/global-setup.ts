import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { dumpPglite, ensureBundledCalendar, migrate, openPglite, openPostgres, type ModuleDefinition } from '@sifa/kernel';
import { migrationSources, seedIfEmpty } from '@sifa/platform';
import { testConfig } from './config';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of the migrated + seeded data-dir dump; PostgreSQL: name of the template database. */
    sifaTemplate: string;
  }
}

/**
 * Builds one migrated, seeded template per test run; each test file clones it (packages/testing createTestDb).
 * The app's global setup (apps/server/test/global-setup.ts) calls it with its registry of business modules.
 */
export async function setupTemplate(project: TestProject, modules: readonly ModuleDefinition[]) {
  const config = testConfig();
  if (config.databaseUrl) {
    const admin = new pg.Client({ connectionString: config.databaseUrl });
    await admin.connect();
    const name = `sifa_tpl_${process.pid}`;
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const url = new URL(config.databaseUrl);
    url.pathname = `/${name}`;
    const engine = openPostgres(url.toString(), 2);
    await migrate(engine, migrationSources(config, modules));
    await seedIfEmpty(engine, config, modules);
    await ensureBundledCalendar(engine.db);
    await engine.close();
    project.provide('sifaTemplate', name);
    return async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'sifa-tpl-'));
  const engine = await openPglite(undefined);
  await migrate(engine, migrationSources(config, modules));
  await seedIfEmpty(engine, config, modules);
  await ensureBundledCalendar(engine.db);
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await (await dumpPglite(engine)).arrayBuffer()));
  await engine.close();
  project.provide('sifaTemplate', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
