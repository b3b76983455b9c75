import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDb } from '@sifa/testing';
import type { Engine } from './engine';
import { runPrepared, sqlLiteral } from './prepared';

let engine: Engine;
beforeAll(async () => {
  engine = await createTestDb();
});
afterAll(() => engine.close());

const TRICKY = ["O'Brien", 'back\\slash \\N', '{"a":1}', 'comma, "quote" {brace}', '多字节，中文', '', "''; drop table x; --"];

describe('prepared statements: planned once, values never part of the SQL text', () => {
  test('text, arrays, numbers, booleans, dates, JSON and null arrive unchanged — first run and prepared re-run, in and out of a transaction', async () => {
    const query = (t: string, arr: (string | null)[], n: number, b: boolean, d: Date, j: unknown) =>
      sql<{ t: string; arr: (string | null)[]; n: number; b: boolean; d: string; j: unknown; nothing: string | null }>`
        select ${t}::text as t, ${arr}::text[] as arr, ${n}::int as n, ${b}::boolean as b, ${d}::timestamptz::text as d, ${JSON.stringify(j)}::jsonb as j, ${null}::text as nothing`.compile(
        engine.db,
      );
    const at = new Date('2026-12-05T01:02:03.456Z');
    for (const t of TRICKY) {
      const arr = [t, null, 'x"y', 'a\\b'];
      const j = { t, nested: [t] };
      const out = (
        await runPrepared<{ t: string; arr: unknown; n: number; b: boolean; j: unknown; nothing: unknown }>(engine.db, 'probe', query(t, arr, 7, false, at, j))
      ).rows[0];
      expect(out).toMatchObject({ t, arr, n: 7, b: false, j, nothing: null });
      const inTx = await engine.db.transaction().execute((trx) => runPrepared<{ t: string }>(trx, 'probe', query(t, arr, 8, true, at, j)));
      expect(inTx.rows[0]?.t).toBe(t);
    }
    // the table survived every value
    expect((await sql<{ n: number }>`select count(*) as n from kernel.orgs`.execute(engine.db)).rows[0]?.n).toBeGreaterThan(0);
  });

  test('an EXECUTE literal doubles single quotes and double-quotes array elements', () => {
    expect(sqlLiteral("a'b")).toBe("'a''b'");
    expect(sqlLiteral(['a"b', null, 'c\\d'])).toBe(`'{"a\\"b",NULL,"c\\\\d"}'`);
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(3)).toBe("'3'");
    expect(sqlLiteral(true)).toBe('true');
  });
});
