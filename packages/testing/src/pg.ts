import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A new empty database on the run's PostgreSQL server, and how to drop it. */
export async function createEmptyPgDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `sifa_e_${randomBytes(6).toString('hex')}`;
  const run = async (text: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}
