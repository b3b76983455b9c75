import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema';
import { runPrepared } from '../db/prepared';
import { NUMBER_FIELD } from './numbering';
import type { NewParty } from '../parties/party.repository';

/** A module's own row for the matter (e.g. mediation.disputes), written by the same statement; keys in camelCase. */
export interface ModuleRow {
  table: string;
  values: Record<string, unknown>;
}

export interface OpenStatementInput {
  id: string;
  module: string;
  kind: string;
  status: string;
  title: string;
  orgId: string;
  scopePath: string;
  year: number;
  at: string;
  template: string;
  user: { id: string; name: string };
  note: string | null;
  data: Record<string, unknown>;
  parties: readonly { role: string; row: NewParty }[];
  row?: ModuleRow | undefined;
}

export interface OpenStatementResult {
  org: { id: string; name: string; active: boolean } | null;
  number: string | null;
  version: number | null;
  openedAt: string | null;
  parties: { ord: number; id: string | null; name: string | null; phoneIndex: string | null; recognised: boolean; unitAdded: boolean }[];
  auditSeq: number | null;
  auditHash: string | null;
}


/** The number template as an SQL expression over the numbering unit's `abbr` and the counter's `seq` (formatNumber in SQL). */
function numberSql(template: string, year: number): RawBuilder<string> {
  const parts: RawBuilder<unknown>[] = [];
  let last = 0;
  for (const m of template.matchAll(NUMBER_FIELD)) {
    if (m.index > last) parts.push(sql`${template.slice(last, m.index)}::text`);
    const raw = m[1] === 'abbr' ? sql`coalesce(a.abbr, '')` : m[1] === 'year' ? sql`${String(year)}::text` : sql`n.last_seq::text`;
    parts.push(m[2] ? sql`lpad(${raw}, ${Number(m[2])}::int, '0')` : raw);
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push(sql`${template.slice(last)}::text`);
  return sql<string>`(${sql.join(parts, sql` || `)})`;
}

/**
 * Opening a matter in one statement (docs/adr/0010-prepared-intake.md): the unit in scope, its number, the parties
 * found by identity or inserted and linked to the unit, the matter, its opening action, the party roles, the
 * module's row and the audit head — prepared, so it is planned once. Nothing here decides: the caller reads the
 * result (unit missing or inactive, a name that differs from the registered one, a party lost to a concurrent
 * insert) and throws, which rolls the transaction back. A unit outside the scope leaves the module row without a
 * number, which fails the statement; the caller then says why.
 */
export async function openStatement(trx: Kysely<Database>, i: OpenStatementInput): Promise<OpenStatementResult> {
  const col = <K extends keyof NewParty>(k: K) => i.parties.map((p) => p.row[k]);
  const rowSql = (() => {
    if (!i.row) return sql``;
    // names go through Kysely (quoted, camelCase to snake_case by the engine's plugin); values are parameters
    const entries = Object.entries(i.row.values).filter(([, v]) => v !== undefined);
    const names = ['id', 'number', 'title', 'orgId', 'status', ...entries.map(([k]) => k)].map((k) => sql.ref(k));
    const values = [sql`${i.id}::uuid`, sql`(select number from m)`, sql`${i.title}`, sql`${i.orgId}::uuid`, sql`${i.status}`, ...entries.map(([, v]) => sql`${v}`)];
    return sql`, mrow as (insert into ${sql.table(i.row.table)} (${sql.join(names)}) values (${sql.join(values)}))`;
  })();
  const query = sql<{ result: OpenStatementResult }>`
    with o as (
      select id, name, path, active from kernel.orgs where id = ${i.orgId}::uuid and path like ${`${i.scopePath}%`}::text
    ), unit as (
      select coalesce(
        (select u.id from kernel.orgs u where u.id = any(string_to_array(trim(both '/' from o.path), '/')::uuid[]) and u.abbr is not null order by u.depth desc limit 1),
        split_part(trim(both '/' from o.path), '/', 1)::uuid) as id
      from o where o.active
    ), n as (
      insert into kernel.matter_counters (module, org_id, year, last_seq) select ${i.module}::text, unit.id, ${i.year}::int, 1 from unit
      on conflict (module, org_id, year) do update set last_seq = kernel.matter_counters.last_seq + 1
      returning org_id, last_seq
    ), numbered as (
      select n.last_seq as seq, ${numberSql(i.template, i.year)} as number from n join kernel.orgs a on a.id = n.org_id
    ), pin as (
      select * from unnest(${col('id')}::uuid[], ${col('kind')}::text[], ${col('name')}::text[], ${col('idType')}::text[], ${col('idCipher')}::text[],
        ${col('idIndex')}::text[], ${col('idMasked')}::text[], ${col('phoneCipher')}::text[], ${col('phoneIndex')}::text[], ${col('phoneMasked')}::text[],
        ${col('uscc')}::text[], ${i.parties.map((p) => p.role)}::text[])
        with ordinality as t(id, kind, name, id_type, id_cipher, id_index, id_masked, phone_cipher, phone_index, phone_masked, uscc, role, ord)
    ), found as (
      select pin.ord, p.id, p.name, p.phone_index from pin join kernel.parties p on p.uscc = pin.uscc and p.uscc is not null
      union all
      select pin.ord, p.id, p.name, p.phone_index from pin join kernel.parties p on p.id_type = pin.id_type and p.id_index = pin.id_index and p.id_index is not null
      where pin.uscc is null
    ), ins as (
      insert into kernel.parties (id, kind, name, id_type, id_cipher, id_index, id_masked, phone_cipher, phone_index, phone_masked, uscc, org_id, created_by)
      select pin.id, pin.kind, pin.name, pin.id_type, pin.id_cipher, pin.id_index, pin.id_masked, pin.phone_cipher, pin.phone_index, pin.phone_masked, pin.uscc,
             ${i.orgId}::uuid, ${i.user.id}::uuid
      from pin where exists (select 1 from numbered) and not exists (select 1 from found f where f.ord = pin.ord)
      on conflict do nothing
      returning id, name, phone_index
    ), p as (
      select pin.ord, pin.role, coalesce(f.id, ins.id) as id, coalesce(f.name, ins.name) as name, coalesce(f.phone_index, ins.phone_index) as phone_index, f.id is not null as recognised
      from pin left join found f on f.ord = pin.ord left join ins on ins.id = pin.id
    ), link as (
      insert into kernel.party_units (party_id, org_id, registered_by) select distinct p.id, ${i.orgId}::uuid, ${i.user.id}::uuid from p where p.id is not null
      on conflict (party_id, org_id) do nothing
      returning party_id
    ), m as (
      insert into kernel.matters (id, module, kind, number, year, seq, org_id, status, title, created_by, opened_at)
      select ${i.id}::uuid, ${i.module}::text, ${i.kind}::text, numbered.number, ${i.year}::int, numbered.seq, ${i.orgId}::uuid, ${i.status}::text, ${i.title}::text,
             ${i.user.id}::uuid, ${i.at}::timestamptz
      from numbered
      returning id, number, version, opened_at
    ), a as (
      insert into kernel.matter_actions (matter_id, action, from_status, to_status, actor_id, actor_name, note, data, at)
      select m.id, 'register', null, ${i.status}::text, ${i.user.id}::uuid, ${i.user.name}::text, ${i.note}::text, ${JSON.stringify(i.data)}::jsonb, ${i.at}::timestamptz from m
      returning id
    ), r as (
      insert into kernel.matter_parties (matter_id, party_id, role) select distinct m.id, p.id, p.role from m, p where p.id is not null
      on conflict do nothing
      returning party_id
    ), h as (
      update kernel.audit_head set seq = seq + 1 where exists (select 1 from m) returning seq, hash
    )${rowSql}
    select json_build_object(
      'org', (select json_build_object('id', o.id, 'name', o.name, 'active', o.active) from o),
      'number', (select number from m), 'version', (select version from m), 'openedAt', (select opened_at from m),
      'parties', coalesce((select json_agg(json_build_object('ord', p.ord, 'id', p.id, 'name', p.name, 'phoneIndex', p.phone_index, 'recognised', p.recognised,
        'unitAdded', exists (select 1 from link where link.party_id = p.id)) order by p.ord) from p), '[]'::json),
      'auditSeq', (select seq from h), 'auditHash', (select hash from h)
    ) as result`;
  const res = await runPrepared<{ result: OpenStatementResult }>(trx, 'matter_open', query.compile(trx));
  const out = res.rows[0]?.result;
  if (!out) throw new Error('openStatement: no result');
  return out;
}
