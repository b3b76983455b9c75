import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openPgliteFromDump, openPostgres, type Engine } from '@sifa/kernel';

/**
 * A migrated, seeded database of its own for one test file, on the engine the run uses: a clone of the
 * run's template (PGlite: restored dump, ~1 s; PostgreSQL: `create database … template`). Close it after.
 */
export async function createTestDb(): Promise<Engine> {
  const template = inject('sifaTemplate') as string | undefined;
  // Only the integration tests' project builds the template (vitest.config.ts); a unit test has no database.
  if (!template) throw new Error('此测试需要数据库模板：它属于集成测试（npm run test:integration），不是单元测试（见 scripts/test-kinds.mjs）');
  const url = process.env.DATABASE_URL;
  if (!url) return openPgliteFromDump(new Blob([readFileSync(template)]));
  const name = `sifa_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  const engine = openPostgres(target.toString(), 5);
  return {
    ...engine,
    async close() {
      await engine.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
