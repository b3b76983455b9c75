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
  const template = inject('sifaTemplate');
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
