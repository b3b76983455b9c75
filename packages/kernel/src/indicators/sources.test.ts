import { CamelCasePlugin, DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/schema';
import { MATTERS_SOURCE, relationSql, type IndicatorSource } from './sources';

// Compiles only: no database behind it.
const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
  plugins: [new CamelCasePlugin()],
});
const from = (source: IndicatorSource) => sql`select count(*) from ${relationSql(source)}`.compile(db).sql;

const disputes: IndicatorSource = {
  id: 'test.disputes',
  table: 'test.disputes',
  orgColumn: 'org_id',
  dateColumn: 'accepted_at',
  columns: ['status', 'closed_at', 'category'],
  drill: [['id', 'id']],
  matterColumn: 'id',
};

describe('indicator sources: a matter-backed module table reads what every matter has from kernel.matters', () => {
  it('joins the table to its matters and takes unit, status, outcome, number, title and times from the matter', () => {
    expect(from(disputes)).toBe(
      'select count(*) from (select t.*, "sm"."org_id", "sm"."status", "sm"."outcome", "sm"."number", "sm"."title", "sm"."opened_at", "sm"."closed_at" from "test"."disputes" t join kernel.matters sm on sm.id = "t"."id") s',
    );
  });

  it('counts kernel.matters itself, and a table with no matter, as they are', () => {
    expect(from(MATTERS_SOURCE)).toBe('select count(*) from "kernel"."matters" s');
    const { matterColumn: _m, ...plain } = disputes;
    expect(from(plain)).toBe('select count(*) from "test"."disputes" s');
  });
});
