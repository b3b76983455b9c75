import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PGliteAdapter, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { from as copyFromStream, to as copyToStream } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pgliteClient, pgPool } from './client-proxy';
import type { Database } from './schema';

/** One SQL session with multi-statement scripts allowed when no parameters are given. */
export type ScriptSession = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** The database the platform runs on: embedded PGlite (file-backed) or a PostgreSQL server. */
export interface Engine {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Kysely<Database>;
  /** Runs `fn` on one dedicated connection (migrations, advisory locks, scripts). */
  withSession<T>(fn: (run: ScriptSession) => Promise<T>): Promise<T>;
  /** `COPY (query) TO STDOUT` in PostgreSQL's text format (maintenance and benchmarks; never with request input). */
  copyOut(query: string): Promise<string>;
  /** `COPY table (columns) FROM STDIN` of text-format data, in its own transaction. */
  copyIn(table: string, columns: readonly string[], data: string): Promise<void>;
  close(): Promise<void>;
}

// Type OIDs normalised so both engines return the same JavaScript values:
// int8 and numeric → number (money is kept in fen; counts fit in 2^53), date → 'YYYY-MM-DD' string.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const toNumber = (v: string) => Number(v);
const asIs = (v: string) => v;

const plugins = () => [new CamelCasePlugin()];

const PARSERS = { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: asIs };

export async function openPglite(dataDir: string | undefined): Promise<Engine> {
  let dir: string | undefined;
  if (dataDir) {
    dir = join(dataDir, 'pgdata');
    mkdirSync(dir, { recursive: true });
  }
  return pgliteEngine(await PGlite.create(dir, { parsers: PARSERS }));
}

/** An in-memory database restored from a `dumpDataDir()` tarball (tests clone a migrated template this way). */
export async function openPgliteFromDump(dump: Blob): Promise<Engine> {
  return pgliteEngine(await PGlite.create({ loadDataDir: dump, parsers: PARSERS }));
}

/** Dumps an embedded database's files (for templates); only the embedded engine can. */
export async function dumpPglite(engine: Engine): Promise<Blob> {
  const client = pgliteClients.get(engine);
  if (!client) throw new Error('dumpPglite needs an embedded (PGlite) engine');
  return client.dumpDataDir('none');
}

const pgliteClients = new WeakMap<Engine, PGlite>();

/**
 * True when `db` (or a transaction of it) is the embedded engine's: its queries run on this thread, so CPU work
 * here delays them.
 */
export const runsOnThisThread = (db: Kysely<Database>): boolean => db.getExecutor().adapter instanceof PGliteAdapter;

export function pgliteEngine(client: PGlite): Engine {
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: pgliteClient(client) }), plugins: plugins() });
  const engine: Engine = {
    kind: 'pglite',
    db,
    async withSession(fn) {
      // PGlite is a single session already; Kysely serialises its own queries on it.
      return fn(async (text, params) =>
        params
          ? (await client.query<Record<string, unknown>>(text, params)).rows
          : (await client.exec(text)).flatMap((r) => r.rows as Record<string, unknown>[]),
      );
    },
    async copyOut(query) {
      const res = await client.query(`copy (${query}) to '/dev/blob'`);
      return res.blob ? await res.blob.text() : '';
    },
    async copyIn(table, columns, data) {
      await client.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([data]) });
    },
    async close() {
      await db.destroy();
      if (!client.closed) await client.close();
    },
  };
  pgliteClients.set(engine, client);
  return engine;
}

export function openPostgres(url: string, max = 10): Engine {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: {
      getTypeParser: ((oid: number, format?: string) => {
        if (oid === INT8 || oid === NUMERIC) return toNumber;
        if (oid === DATE) return asIs;
        // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- pg's TypeId enum is the plain OID number
        return pg.types.getTypeParser(oid, format as 'text') as (v: string) => unknown;
      }) as typeof pg.types.getTypeParser,
    },
  });
  pool.on('error', () => undefined); // idle client errors surface on the next query
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pgPool(pool) }), plugins: plugins() });
  return {
    kind: 'postgres',
    db,
    async withSession(fn) {
      const client = await pool.connect();
      try {
        return await fn(async (text, params) => {
          const res = await client.query(text, params);
          const results: pg.QueryResult[] = Array.isArray(res) ? (res as pg.QueryResult[]) : [res];
          return results.flatMap((r) => r.rows as Record<string, unknown>[]);
        });
      } finally {
        client.release();
      }
    },
    async copyOut(query) {
      const client = await pool.connect();
      try {
        const chunks: Buffer[] = [];
        const stream = client.query(copyToStream(`copy (${query}) to stdout`));
        for await (const c of stream) chunks.push(c as Buffer);
        return Buffer.concat(chunks).toString('utf8');
      } finally {
        client.release();
      }
    },
    async copyIn(table, columns, data) {
      const client = await pool.connect();
      try {
        await pipeline(Readable.from([data]), client.query(copyFromStream(`copy ${table} (${columns.join(', ')}) from stdin`)));
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy(); // ends the pool
    },
  };
}

export interface EngineOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
}

export async function openEngine(opts: EngineOptions): Promise<Engine> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}
