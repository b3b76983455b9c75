import { sql, type Kysely } from 'kysely';
import { copyQuery, copyText } from './copy';
import type { Database } from './schema';

/** A column of a bulk insert: its SQL name and the PostgreSQL type its array is cast to. */
export interface BulkColumn {
  name: string;
  type: 'uuid' | 'text' | 'int' | 'bigint' | 'boolean' | 'date' | 'timestamptz' | 'jsonb';
}

const IDENT = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

/**
 * Inserts many rows, `chunk` rows per statement, inside the caller's Kysely transaction when `db` is one: with COPY
 * (db/copy.ts), what both engines load fastest, or — with `onConflictDoNothing`, which COPY cannot do — as
 * `insert … select * from unnest($1::t1[], $2::t2[], …) on conflict … do nothing`, one array parameter per column
 * (docs/adr/0012-bulk-copy.md). Table and column names come from code, never from a request (checked here anyway);
 * values are always data, never SQL text.
 */
export async function bulkInsert(
  db: Kysely<Database>,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
  opts: { onConflictDoNothing?: string; chunk?: number } = {},
): Promise<void> {
  if (!IDENT.test(table) || !columns.every((c) => IDENT.test(c.name))) throw new Error(`bulkInsert: bad identifier in ${table}`);
  const chunk = opts.chunk ?? 5000;
  const names = sql.raw(columns.map((c) => c.name).join(', '));
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    if (opts.onConflictDoNothing === undefined) {
      await db.executeQuery(
        copyQuery(
          table,
          columns.map((c) => c.name),
          copyText(part),
        ),
      );
      continue;
    }
    const arrays = columns.map((c, i) => sql`${part.map((r) => r[i] ?? null)}::${sql.raw(c.type)}[]`);
    await sql`insert into ${sql.raw(table)} (${names}) select * from unnest(${sql.join(arrays)}) on conflict ${sql.raw(opts.onConflictDoNothing)} do nothing`.execute(
      db,
    );
  }
}
