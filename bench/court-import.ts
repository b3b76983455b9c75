/**
 * Bench 3: importing N court referrals from a CSV through the HTTP route vs raw COPY of the same rows into the same
 * tables. The baseline is measured on exactly what the import stored: its rows are copied out, deleted and COPYed
 * back in (parties, their units, matters, opening actions, party roles, disputes) — the database's floor for
 * holding that data, without validation, identity checks, encryption, numbering or audit.
 */
import { sql } from 'kysely';
import { warmWorkers, type Engine } from '@sifa/kernel';
import { residentIdCheckChar } from '@sifa/kernel/shared';
import type { FastifyInstance } from 'fastify';
import { multipartFile } from '../packages/testing/src/multipart';

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';

/** A valid GB 11643 number for person `i` (born 1950–2004 in 章贡区). */
function residentId(i: number): string {
  const day = new Date(Date.UTC(1950, 0, 1) + (i % 20_000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `360702${day}${String(Math.floor(i / 20_000) % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}
const nameOf = (i: number) => `${SURNAMES.charAt(i % SURNAMES.length)}${['建国', '秀英', '志强', '丽华', '海涛', '春梅'][i % 6] ?? ''}${String(i)}`;

/** The court's file: N referrals, each applicant a new person, respondents drawn from N/5 people (so recognised). */
export function courtCsv(n: number, tag: string): string {
  const lines = ['法院案号,法院,调解类型,适用程序,纠纷类型,纠纷名称,纠纷情况,申请人,申请人证件号码,申请人电话,被申请人,被申请人证件号码'];
  const kinds = ['委派', '委托', '邀请'];
  const categories = ['合同', '邻里', '婚姻家庭', '劳动争议', '道路交通事故', '物业'];
  for (let i = 0; i < n; i++) {
    const a = 1_000_000 + i;
    const r = 2_000_000 + (i % Math.max(1, Math.floor(n / 5)));
    const kind = kinds[i % 3] ?? '委派';
    lines.push(
      [
        `(2026)赣0702民诉前调${tag}${String(i)}号`,
        '章贡区人民法院',
        kind,
        kind === '委托' ? '简易程序' : '',
        categories[i % 6],
        '买卖合同纠纷',
        '买方未按约支付货款，经催告仍未支付',
        nameOf(a),
        residentId(a),
        `139${String(i).padStart(8, '0')}`,
        nameOf(r),
        residentId(r),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The importing tables in insert order, each with the rows of this import (ids kept in two scratch tables). */
const TABLES = [
  ['kernel', 'parties', 'id in (select id from bench_party_ids)'],
  ['kernel', 'party_units', 'party_id in (select id from bench_party_ids)'],
  ['kernel', 'matters', 'id in (select id from bench_matter_ids)'],
  ['kernel', 'matter_actions', 'matter_id in (select id from bench_matter_ids)'],
  ['kernel', 'matter_parties', 'matter_id in (select id from bench_matter_ids)'],
  ['mediation', 'disputes', 'id in (select id from bench_matter_ids)'],
] as const;

export async function benchCourtImport(
  engine: Engine,
  app: FastifyInstance,
  headers: Record<string, string>,
  orgId: string,
  n: number,
  say: (line: string) => void,
) {
  // A served platform starts its file worker after listening (platform serve.ts): the import does not wait for one to load.
  warmWorkers();
  const tag = 'B';
  const csv = courtCsv(n, tag);
  const upload = multipartFile('court.csv', csv, { mime: 'text/csv' });
  // Both sides start from a checkpoint, so neither pays for writing out the other's (or the setup's) pages.
  const checkpoint = () => sql`checkpoint`.execute(engine.db).catch(() => undefined);
  await checkpoint();
  let t0 = process.hrtime.bigint();
  const res = await app.inject({
    method: 'POST',
    url: `/api/mediation/units/${orgId}/court-referrals/import`,
    headers: { ...headers, ...upload.headers },
    payload: upload.payload,
  });
  const importMs = ms(t0);
  if (res.statusCode !== 200) throw new Error(`court import failed: ${res.body.slice(0, 500)}`);
  const created = res.json<{ created: number }>().created;
  if (created !== n) throw new Error(`court import created ${String(created)} of ${String(n)}`);

  // The same rows out, away, and back in with COPY.
  const tables = TABLES;
  await sql
    .raw(`create table bench_matter_ids as select d.id from mediation.disputes d where d.court_case_number like '(2026)赣0702民诉前调${tag}%'`)
    .execute(engine.db);
  await sql`create table bench_party_ids as select distinct party_id as id from kernel.matter_parties where matter_id in (select id from bench_matter_ids)`.execute(
    engine.db,
  );
  const dumps: { table: string; columns: string[]; data: string }[] = [];
  for (const [schema, table, where] of tables) {
    const cols = await sql<{
      columnName: string;
    }>`select column_name from information_schema.columns where table_schema = ${schema} and table_name = ${table} and is_identity = 'NO' and is_generated = 'NEVER' order by ordinal_position`.execute(
      engine.db,
    );
    const columns = cols.rows.map((c) => c.columnName);
    dumps.push({ table: `${schema}.${table}`, columns, data: await engine.copyOut(`select ${columns.join(', ')} from ${schema}.${table} where ${where}`) });
  }
  for (const [schema, table, where] of [...tables].reverse()) await sql.raw(`delete from ${schema}.${table} where ${where}`).execute(engine.db);
  await checkpoint();
  t0 = process.hrtime.bigint();
  for (const d of dumps) await engine.copyIn(d.table, d.columns, d.data);
  const copyMs = ms(t0);
  await sql`drop table bench_matter_ids, bench_party_ids`.execute(engine.db);
  const rows = dumps.reduce((s, d) => s + d.data.split('\n').length - 1, 0);
  say(
    `3. ${n.toLocaleString('en')} court referrals from CSV via the API: ${importMs.toFixed(0)} ms (${(n / (importMs / 1000)).toFixed(0)}/s); raw COPY of the same ${rows.toLocaleString('en')} rows into the same 6 tables: ${copyMs.toFixed(0)} ms; ratio ${(copyMs / importMs).toFixed(2)}× (target ≥ 0.7×)`,
  );
}
