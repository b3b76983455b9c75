import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '@sifa/server/serve';
import { testConfig } from './config';
import { createEmptyPgDatabase } from './pg';

/**
 * The real platform on a random loopback port: embedded database in a fresh directory (or the run's
 * PostgreSQL in a fresh database), demo data, the built console. For browser tests.
 */
export async function startTestServer(): Promise<{ url: string; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sifa-srv-'));
  let databaseUrl: string | undefined;
  let dropDb: (() => Promise<void>) | undefined;
  if (process.env.DATABASE_URL) {
    const created = await createEmptyPgDatabase(process.env.DATABASE_URL);
    databaseUrl = created.url;
    dropDb = () => created.drop();
  }
  const server = await startServer(testConfig({ dataDir, port: 0, host: '127.0.0.1', databaseUrl }), { logger: false });
  return {
    url: server.url,
    async close() {
      await server.close();
      await dropDb?.();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
