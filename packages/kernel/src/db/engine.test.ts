import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDb } from '@sifa/testing';
import { KERNEL_MIGRATIONS } from '../module';
import type { Engine } from './engine';
import { migrate, type MigrationSource } from './migrator';

let engine: Engine;
const dirs: string[] = [];
beforeAll(async () => {
  engine = await createTestDb();
});
afterAll(async () => {
  await engine.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('values come back as the same JavaScript types on either engine', () => {
  test('count(*), bigint and numeric are numbers and a date is YYYY-MM-DD', async () => {
    const { rows } = await sql<{ n: unknown; big: unknown; money: unknown; day: unknown }>`
      select (select count(*) from kernel.divisions) as n, 9007199254740991::bigint as big,
             12345.67::numeric as money, date '2026-02-28' as day`.execute(engine.db);
    const row = rows[0];
    expect(typeof row?.n).toBe('number');
    expect(row?.n).toBeGreaterThan(300);
    expect(row?.big).toBe(9_007_199_254_740_991);
    expect(row?.money).toBe(12_345.67);
    expect(row?.day).toBe('2026-02-28');
  });

  test('the same holds on a dedicated session, with and without parameters', async () => {
    const text = `select count(*) as n, 42::int8 as big, 0.5::numeric as ratio, date '2024-02-29' as day`;
    const expected = [{ n: 1, big: 42, ratio: 0.5, day: '2024-02-29' }];
    expect(await engine.withSession((run) => run(text, []))).toEqual(expected);
    expect(await engine.withSession((run) => run(text))).toEqual(expected);
  });

  test('Kysely countAll on a table is a number', async () => {
    const r = await engine.db
      .selectFrom('kernel.users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(typeof r.n).toBe('number');
    expect(r.n).toBeGreaterThanOrEqual(7); // the demo accounts
  });

  test('a timestamptz comes back as a Date', async () => {
    const { rows } = await sql<{ at: unknown }>`select timestamptz '2026-01-01 08:00:00+08' as at`.execute(engine.db);
    expect(rows[0]?.at).toEqual(new Date('2026-01-01T00:00:00Z'));
  });
});

/** A module of its own (unique name and schema) with the given migration files, in a fresh directory. */
function moduleWith(files: Record<string, string>): MigrationSource & { schema: string } {
  const id = randomBytes(4).toString('hex');
  const dir = mkdtempSync(join(tmpdir(), 'sifa-mig-'));
  dirs.push(dir);
  const schema = `t_${id}`;
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text.replaceAll('$schema', schema));
  return { module: `test-${id}`, dir, schema };
}

describe('migrations', () => {
  test('migrating an up-to-date database applies nothing', async () => {
    const sources = [{ module: 'kernel', dir: KERNEL_MIGRATIONS }];
    const first = await migrate(engine, sources);
    const second = await migrate(engine, sources);
    expect(first.applied).toEqual([]);
    expect(second).toEqual(first);
    expect(second.skipped).toBeGreaterThanOrEqual(1);
  });

  test("a new module's files are applied in name order once, then skipped", async () => {
    const m = moduleWith({
      '0002_more.sql': `alter table $schema.things add column size int not null default 0;`,
      '0001_init.sql': `create schema $schema; create table $schema.things (id int primary key, name text not null);`,
      'README.md': 'not a migration',
      '001_short.sql': 'select broken syntax here',
    });
    const first = await migrate(engine, [m]);
    expect(first.applied).toEqual([`${m.module}/0001_init.sql`, `${m.module}/0002_more.sql`]);
    const second = await migrate(engine, [m]);
    expect(second).toEqual({ applied: [], skipped: expect.any(Number) as number });
    const recorded = await engine.db.selectFrom('kernel.schemaMigrations').select('name').where('module', '=', m.module).orderBy('name').execute();
    expect(recorded.map((r) => r.name)).toEqual(['0001_init.sql', '0002_more.sql']);
    await sql`insert into ${sql.raw(m.schema)}.things (id, name) values (1, 'x')`.execute(engine.db);
    const { rows } = await sql<{ size: number }>`select size from ${sql.raw(m.schema)}.things`.execute(engine.db);
    expect(rows).toEqual([{ size: 0 }]);
  });

  test('an applied migration that was edited afterwards is refused', async () => {
    const m = moduleWith({ '0001_init.sql': `create schema $schema; create table $schema.things (id int primary key);` });
    await migrate(engine, [m]);
    writeFileSync(join(m.dir, '0001_init.sql'), `create schema ${m.schema}; create table ${m.schema}.things (id int primary key, extra text);`);
    writeFileSync(join(m.dir, '0002_next.sql'), `create table ${m.schema}.later (id int);`);
    await expect(migrate(engine, [m])).rejects.toThrow(`迁移文件 ${m.module}/0001_init.sql 在执行后被修改 (校验和不符)`);
    const recorded = await engine.db.selectFrom('kernel.schemaMigrations').select('name').where('module', '=', m.module).execute();
    expect(recorded.map((r) => r.name)).toEqual(['0001_init.sql']);
  });

  test('a failing migration rolls back entirely and is not recorded', async () => {
    const m = moduleWith({
      '0001_init.sql': `create schema $schema; create table $schema.things (id int primary key);`,
      '0002_bad.sql': `create table $schema.half (id int); select * from $schema.no_such_table;`,
    });
    await expect(migrate(engine, [m])).rejects.toThrow(`迁移 ${m.module}/0002_bad.sql 失败`);
    const recorded = await engine.db.selectFrom('kernel.schemaMigrations').select('name').where('module', '=', m.module).execute();
    expect(recorded.map((r) => r.name)).toEqual(['0001_init.sql']);
    const { rows } = await sql<{ t: string | null }>`select to_regclass(${`${m.schema}.half`})::text as t`.execute(engine.db);
    expect(rows).toEqual([{ t: null }]);
    // The advisory lock was released: the next run proceeds once the file is fixed.
    writeFileSync(join(m.dir, '0002_bad.sql'), `create table ${m.schema}.half (id int);`);
    expect((await migrate(engine, [m])).applied).toEqual([`${m.module}/0002_bad.sql`]);
  });
});
