import { CompiledQuery } from 'kysely';

/*
 * COPY … FROM STDIN inside the caller's Kysely transaction (docs/adr/0012-bulk-copy.md). Kysely knows nothing of
 * COPY, so the statement is marked with a leading comment and carries its data as its one parameter; the engine's
 * client (db/client-proxy.ts) runs a marked statement as COPY on the same connection — PostgreSQL through
 * pg-copy-streams, PGlite from its /dev/blob device. Table and column names come from code (bulk.ts checks them).
 */
const MARK = '/*sifa:copy*/ ';

/** The marked COPY of `rows` (already in COPY's text format, copyText) into `table (columns)`. */
export function copyQuery(table: string, columns: readonly string[], data: string): CompiledQuery {
  return CompiledQuery.raw(`${MARK}copy ${table} (${columns.join(', ')})`, [data]);
}

/** `copy table (columns)` — the engine adds where from — and the data, when `text` is a marked COPY. */
export function copyStatement(text: unknown, params: readonly unknown[] | undefined): { head: string; data: string } | undefined {
  if (typeof text !== 'string' || !text.startsWith(MARK)) return undefined;
  const data = params?.[0];
  if (typeof data !== 'string') throw new Error('copy: the data must be one text parameter');
  return { head: text.slice(MARK.length), data };
}

/**
 * Rows in COPY's text format: columns split by tabs, rows ended by newlines, null as \N, and in a value the
 * backslash, tab, newline and carriage return escaped. Dates as ISO instants; objects as JSON.
 */
export function copyText(rows: readonly (readonly unknown[])[]): string {
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      if (i > 0) out += '\t';
      out += copyValue(row[i]);
    }
    out += '\n';
  }
  return out;
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'string') return /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] ?? c) : v;
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return v.toISOString();
  return copyValue(JSON.stringify(v));
}
