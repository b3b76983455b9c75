import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from './engine';

export interface MigrationSource {
  /** Module name; migrations are recorded per module. */
  module: string;
  /** Directory of `NNNN_name.sql` files, applied in file-name order. */
  dir: string;
}

export interface MigrationResult {
  applied: string[];
  skipped: number;
}

const LOCK_KEY = 7_348_123; // arbitrary constant: one migrator at a time per database

export async function migrate(engine: Engine, sources: MigrationSource[]): Promise<MigrationResult> {
  return engine.withSession(async (run) => {
    // Several app processes may start at once on PostgreSQL: the advisory lock serialises them.
    await run('select pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      await run(`create schema if not exists kernel;
        create table if not exists kernel.schema_migrations (
          module text not null, name text not null, checksum text not null,
          applied_at timestamptz not null default now(), primary key (module, name));
        comment on table kernel.schema_migrations is '已执行的数据库迁移 (按模块、文件名记录，校验和防止已执行文件被改动)';`);
      const done = new Map(
        (await run('select module, name, checksum from kernel.schema_migrations')).map((r) => [`${String(r.module)}/${String(r.name)}`, String(r.checksum)]),
      );
      const applied: string[] = [];
      let skipped = 0;
      for (const src of sources) {
        for (const file of readdirSync(src.dir)
          .filter((f) => /^\d{4}_.+\.sql$/.test(f))
          .sort()) {
          const text = readFileSync(join(src.dir, file), 'utf8');
          const checksum = createHash('sha256').update(text).digest('hex');
          const key = `${src.module}/${file}`;
          const prior = done.get(key);
          if (prior !== undefined) {
            if (prior !== checksum) {
              throw new Error(`迁移文件 ${key} 在执行后被修改 (校验和不符)。已执行的迁移不可修改，请新增迁移文件。`);
            }
            skipped++;
            continue;
          }
          await run('begin');
          try {
            await run(text);
            await run('insert into kernel.schema_migrations (module, name, checksum) values ($1, $2, $3)', [src.module, file, checksum]);
            await run('commit');
          } catch (e) {
            await run('rollback');
            throw new Error(`迁移 ${key} 失败：${(e as Error).message}`, { cause: e });
          }
          applied.push(key);
        }
      }
      return { applied, skipped };
    } finally {
      await run('select pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  });
}
