import { createHash } from 'node:crypto';
import { CompiledQuery, type Kysely, type QueryResult } from 'kysely';
import type { Database } from './schema';

/*
 * Prepared statements for the hottest writes (docs/adr/0010-prepared-intake.md). A statement's plan is made once per
 * connection instead of on every request — on PGlite, which parses and plans in WASM, that halves a complex
 * statement's cost. Kysely has no prepared statements, so a query marked here carries its name in a leading comment
 * and the engine's client (db/engine.ts) runs it as one: PostgreSQL through node-postgres' named statements,
 * PGlite as PREPARE once, then EXECUTE. Parameters stay parameters on PostgreSQL; on PGlite EXECUTE takes them
 * as quoted literals (sqlLiteral). The name includes a hash of the text, so two shapes never share a name.
 */
const MARK = /^\/\*sifa:prepared:([a-z0-9_]+)\*\/ /;

// the marked text of each statement text seen, so the hash is computed once per shape, not once per call
const marked = new Map<string, string>();

/** Marks a compiled query to run as a prepared statement named after `name` and its text. */
export function prepared(name: string, query: CompiledQuery): CompiledQuery {
  const key = `${name}\u0000${query.sql}`;
  let text = marked.get(key);
  if (text === undefined) {
    if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`prepared: bad name ${name}`);
    const hash = createHash('sha1').update(query.sql).digest('hex').slice(0, 12);
    text = `/*sifa:prepared:${name}_${hash}*/ ${query.sql}`;
    if (marked.size >= 500) marked.clear(); // a handful of shapes in practice; never a leak
    marked.set(key, text);
  }
  return CompiledQuery.raw(text, [...query.parameters]);
}

/** Runs a marked query (prepared()) on `db` — inside a transaction when `db` is one. */
export function runPrepared<R>(db: Kysely<Database>, name: string, query: CompiledQuery): Promise<QueryResult<R>> {
  return db.executeQuery<R>(prepared(name, query));
}

/** The statement name and the SQL without its mark, when `text` is marked. */
export function preparedName(text: unknown): { name: string; sql: string } | undefined {
  if (typeof text !== 'string') return undefined;
  const m = MARK.exec(text);
  return m?.[1] ? { name: m[1], sql: text.slice(m[0].length) } : undefined;
}

/**
 * A parameter as an SQL literal for EXECUTE on PGlite (standard_conforming_strings is on, so only the single quote
 * needs doubling; arrays become array literals with their elements double-quoted). The prepared statement's
 * parameter types make PostgreSQL read each literal as the type it was planned with.
 */
export function sqlLiteral(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' || typeof v === 'bigint') return `'${String(v)}'`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return `'${v.toISOString()}'`;
  if (Array.isArray(v)) return quote(`{${v.map(arrayElement).join(',')}}`);
  if (typeof v === 'object') return quote(JSON.stringify(v));
  return quote(v as string);
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

function arrayElement(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  const s = typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : JSON.stringify(v);
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
