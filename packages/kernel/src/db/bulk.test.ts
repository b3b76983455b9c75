import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDb } from '@sifa/testing';
import { bulkInsert } from './bulk';
import type { Engine } from './engine';

let engine: Engine;
beforeAll(async () => {
  engine = await createTestDb();
  await sql`create table bulk_probe (a text, j jsonb, n bigint, d date, u uuid, b boolean)`.execute(engine.db);
});
afterAll(() => engine.close());

const COLUMNS = [
  { name: 'a', type: 'text' },
  { name: 'j', type: 'jsonb' },
  { name: 'n', type: 'bigint' },
  { name: 'd', type: 'date' },
  { name: 'u', type: 'uuid' },
  { name: 'b', type: 'boolean' },
] as const;

describe('bulkInsert: one unnest statement per chunk, values always parameters', () => {
  test('quotes, commas, braces, backslashes, the text NULL, empty strings and Chinese arrive unchanged; null stays null', async () => {
    const texts = ['he said "hi", {x}', 'back\\slash', 'comma,brace}{', 'NULL', '', '多字节，中文'];
    await bulkInsert(engine.db, 'bulk_probe', COLUMNS, texts.map((a, i) => [a, JSON.stringify({ a, k: [1, 'x"y'] }), i, `2026-01-0${String(i + 1)}`, null, i % 2 === 0]));
    const { rows } = await sql<{ a: string; j: unknown; n: number; d: string; u: string | null; b: boolean }>`select * from bulk_probe order by n`.execute(engine.db);
    expect(rows.map((r) => r.a)).toEqual(texts);
    expect(rows.map((r) => r.j)).toEqual(texts.map((a) => ({ a, k: [1, 'x"y'] })));
    expect(rows[3]).toMatchObject({ n: 3, d: '2026-01-04', u: null, b: false });
  });

  test('rows beyond one chunk go in several statements; nothing is left out', async () => {
    await sql`truncate bulk_probe`.execute(engine.db);
    await bulkInsert(engine.db, 'bulk_probe', COLUMNS, Array.from({ length: 12_345 }, (_, i) => [`r${String(i)}`, '{}', i, null, null, null]), { chunk: 5000 });
    const { rows } = await sql<{ n: number; s: number }>`select count(*) as n, sum(n) as s from bulk_probe`.execute(engine.db);
    expect(rows[0]).toEqual({ n: 12_345, s: (12_344 * 12_345) / 2 });
  });

  test('a table or column name that is not a plain identifier is refused before any SQL is sent', async () => {
    await expect(bulkInsert(engine.db, 'bulk_probe; drop table x', COLUMNS, [])).rejects.toThrow(/bad identifier/);
  });
});
