import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engine } from '@sifa/kernel';
import { startServer, type AppConfig } from '@sifa/platform';
import { testConfig } from './config';
import { createEmptyPgDatabase } from './pg';
import { registeredModules } from './registry';
import { startSmsInbox, type SentSms } from './sms-inbox';

/**
 * The real platform on a random loopback port: embedded database in a fresh directory (or the run's
 * PostgreSQL in a fresh database), demo data, the built console. For browser tests.
 */
export interface TestServer {
  url: string;
  /** The server's own database (it runs in this process): read what a person would receive, e.g. an SMS code. */
  engine: Engine;
  /** Every SMS the platform sent, as the provider received it (sms-inbox.ts). */
  sms: SentSms[];
  close(): Promise<void>;
}

export async function startTestServer(opts: { demoSize?: number; config?: Partial<AppConfig> } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sifa-srv-'));
  let databaseUrl: string | undefined;
  let dropDb: (() => Promise<void>) | undefined;
  if (process.env.DATABASE_URL) {
    const created = await createEmptyPgDatabase(process.env.DATABASE_URL);
    databaseUrl = created.url;
    dropDb = () => created.drop();
  }
  // the anchor beside the test's data on both engines (PostgreSQL has no default place for it)
  const auditAnchorFile = join(dataDir, 'audit-anchor.json');
  const inbox = await startSmsInbox();
  const server = await startServer(
    testConfig({ dataDir, port: 0, host: '127.0.0.1', databaseUrl, demoSize: opts.demoSize ?? 0, auditAnchorFile, smsUrl: inbox.url, ...opts.config }),
    {
      modules: registeredModules(),
      logger: false,
    },
  );
  return {
    url: server.url,
    engine: server.app.sifaDeps.engine,
    sms: inbox.messages,
    async close() {
      await server.close();
      await inbox.close();
      await dropDb?.();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
