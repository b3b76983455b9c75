import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDb } from '@sifa/testing';
import { bulkInsert } from './bulk';
import { copyQuery, copyText } from './copy';
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

describe('bulkInsert: COPY (or unnest on conflict) per chunk, values always data', () => {
  test('quotes, commas, braces, backslashes, tabs, line breaks, the texts NULL and \\N, empty strings and Chinese arrive unchanged; null stays null', async () => {
    const texts = ['he said "hi", {x}', 'back\\slash', 'comma,brace}{', 'NULL', '', '多字节，中文', 'tab\there', 'two\nlines\r\n', '\\N', '\\.'];
    await bulkInsert(
      engine.db,
      'bulk_probe',
      COLUMNS,
      texts.map((a, i) => [a, JSON.stringify({ a, k: [1, 'x"y'] }), i, `2026-01-${String(i + 1).padStart(2, '0')}`, null, i % 2 === 0]),
    );
    const { rows } = await sql<{ a: string; j: unknown; n: number; d: string; u: string | null; b: boolean }>`select * from bulk_probe order by n`.execute(
      engine.db,
    );
    expect(rows.map((r) => r.a)).toEqual(texts);
    expect(rows.map((r) => r.j)).toEqual(texts.map((a) => ({ a, k: [1, 'x"y'] })));
    expect(rows[3]).toMatchObject({ n: 3, d: '2026-01-04', u: null, b: false });
  });

  test('rows beyond one chunk go in several statements; nothing is left out', async () => {
    await sql`truncate bulk_probe`.execute(engine.db);
    await bulkInsert(
      engine.db,
      'bulk_probe',
      COLUMNS,
      Array.from({ length: 12_345 }, (_, i) => [`r${String(i)}`, '{}', i, null, null, null]),
      { chunk: 5000 },
    );
    const { rows } = await sql<{ n: number; s: number }>`select count(*) as n, sum(n) as s from bulk_probe`.execute(engine.db);
    expect(rows[0]).toEqual({ n: 12_345, s: (12_344 * 12_345) / 2 });
  });

  test('inside a transaction the rows are part of it: a rollback takes them away, a commit keeps them', async () => {
    await sql`truncate bulk_probe`.execute(engine.db);
    await expect(
      engine.db.transaction().execute(async (trx) => {
        await bulkInsert(trx, 'bulk_probe', COLUMNS, [['gone', '{}', 1, null, null, null]]);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    await engine.db.transaction().execute(async (trx) => {
      await bulkInsert(trx, 'bulk_probe', COLUMNS, [['kept', '{}', 2, null, null, true]]);
      // the transaction sees its own rows before it commits
      const { rows } = await sql<{ a: string }>`select a from bulk_probe`.execute(trx);
      expect(rows.map((r) => r.a)).toEqual(['kept']);
    });
    const { rows } = await sql<{ a: string }>`select a from bulk_probe`.execute(engine.db);
    expect(rows.map((r) => r.a)).toEqual(['kept']);
  });

  test('bad data fails the statement and writes nothing of it; on conflict the clashing rows are skipped', async () => {
    await sql`truncate bulk_probe`.execute(engine.db);
    await expect(
      bulkInsert(engine.db, 'bulk_probe', COLUMNS, [
        ['ok', '{}', 1, null, null, null],
        ['bad', '{}', 2, null, 'not-a-uuid', null],
      ]),
    ).rejects.toThrow(/uuid/);
    await sql`create unique index bulk_probe_a on bulk_probe (a)`.execute(engine.db);
    await bulkInsert(engine.db, 'bulk_probe', COLUMNS, [['x', '{}', 1, null, null, null]]);
    await bulkInsert(
      engine.db,
      'bulk_probe',
      COLUMNS,
      [
        ['x', '{}', 9, null, null, null],
        ['y', '{}', 2, null, null, null],
      ],
      { onConflictDoNothing: '(a)' },
    );
    const { rows } = await sql<{ a: string; n: number }>`select a, n from bulk_probe order by a`.execute(engine.db);
    expect(rows).toEqual([
      { a: 'x', n: 1 },
      { a: 'y', n: 2 },
    ]);
    await sql`drop index bulk_probe_a`.execute(engine.db);
  });

  test("a marked COPY runs on either engine, on the transaction's own connection", async () => {
    await sql`truncate bulk_probe`.execute(engine.db);
    await engine.db.transaction().execute(async (trx) => {
      await trx.executeQuery(
        copyQuery(
          'bulk_probe',
          ['a', 'n', 'b'],
          copyText([
            ['c\td', 7, true],
            [null, 8, false],
          ]),
        ),
      );
      const { rows } = await sql<{ a: string | null; n: number; b: boolean }>`select a, n, b from bulk_probe order by n`.execute(trx);
      expect(rows).toEqual([
        { a: 'c\td', n: 7, b: true },
        { a: null, n: 8, b: false },
      ]);
    });
  });

  test('a table or column name that is not a plain identifier is refused before any SQL is sent', async () => {
    await expect(bulkInsert(engine.db, 'bulk_probe; drop table x', COLUMNS, [])).rejects.toThrow(/bad identifier/);
  });
});
