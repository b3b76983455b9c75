import type { PGlite, Transaction } from '@electric-sql/pglite';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyStatement } from './copy';
import { preparedName, sqlLiteral } from './prepared';

/*
 * The clients the engine hands Kysely: they pass everything through, except queries marked by db/prepared.ts, which
 * they run as prepared statements on the same connection (inside the caller's transaction when there is one), and
 * COPY statements marked by db/copy.ts, which they run as COPY on that connection.
 */

type Query = PGlite['query'];

/** What the proxies do not replace: the target's own property, its methods bound to it (private fields). */
function forward(target: object, prop: string | symbol): unknown {
  const value = Reflect.get(target, prop) as unknown;
  return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
}

/** PGlite: PREPARE once per database (a prepared statement outlives a rolled-back transaction), then EXECUTE. */
export function pgliteClient(client: PGlite): PGlite {
  const ready = new Set<string>();
  const run = (on: PGlite | Transaction): Query =>
    (async (text: string, params?: unknown[], options?: object) => {
      const copy = copyStatement(text, params);
      if (copy) return on.query(`${copy.head} from '/dev/blob'`, [], { ...options, blob: new Blob([copy.data]) });
      const p = preparedName(text);
      if (!p) return on.query(text, params, options);
      if (!ready.has(p.name)) {
        await on.query(`prepare ${p.name} as ${p.sql}`);
        ready.add(p.name);
      }
      const args = params && params.length > 0 ? `(${params.map(sqlLiteral).join(', ')})` : '';
      // the simple protocol: one message instead of parse, bind, describe, execute and sync (half the cost)
      const results = await on.exec(`execute ${p.name}${args}`, options);
      const last = results[results.length - 1];
      if (!last) throw new Error(`execute ${p.name}: no result`);
      return last;
    }) as Query;
  return new Proxy(client, {
    get(target, prop) {
      if (prop === 'query') return run(target);
      if (prop === 'transaction') {
        return <T>(fn: (tx: Transaction) => Promise<T>) =>
          target.transaction((tx) => fn(new Proxy(tx, { get: (t, q) => (q === 'query' ? run(t) : (Reflect.get(t, q) as unknown)) })));
      }
      return forward(target, prop);
    },
  });
}

/** PostgreSQL: node-postgres' named statements (parsed once per connection, parameters bound as usual). */
export function pgPool(pool: pg.Pool): pg.Pool {
  const wrap = (client: pg.PoolClient): pg.PoolClient =>
    new Proxy(client, {
      get(target, prop) {
        if (prop === 'query') {
          return (text: unknown, params?: unknown[]) => {
            const copy = copyStatement(text, params);
            if (copy) return copyIn(target, copy.head, copy.data);
            const p = preparedName(text);
            return p
              ? target.query({ name: p.name, text: p.sql, values: params ?? [] })
              : (target.query as (t: unknown, v?: unknown[]) => unknown)(text, params);
          };
        }
        return forward(target, prop);
      },
    });
  return new Proxy(pool, {
    get(target, prop) {
      if (prop === 'connect') return async () => wrap(await target.connect());
      return forward(target, prop);
    },
  });
}

/** COPY … FROM STDIN on `client`, answered as a query result (Kysely reads `rows`, `rowCount` and `command`). */
async function copyIn(client: pg.PoolClient, head: string, data: string): Promise<{ rows: never[]; rowCount: number; command: string }> {
  const stream = client.query(copyFrom(`${head} from stdin`));
  await pipeline(Readable.from([data]), stream);
  return { rows: [], rowCount: stream.rowCount, command: 'COPY' };
}
