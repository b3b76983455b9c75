import { CompiledQuery, sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema';
import { runPrepared } from '../db/prepared';
import { NUMBER_FIELD } from './numbering';
import type { NewParty } from '../parties/party.repository';
import type { Actor } from '../audit/audit';

/** SQLSTATE of the statement's refusal when a party it meant to insert was inserted by a concurrent registration. */
export const PARTY_RACE = 'SF409';

/** One party of the statement: its prepared row, its role, and what a recognised party must match. */
export interface OpenParty {
  role: string;
  row: NewParty;
  /** the name a recognised party must be registered under (the name given, or the registered one once accepted) */
  expectName: string;
  /** the name the unit registers a recognised party under when it differs and the caller could not read the party (item 4) */
  localName: string | null;
  /** the phone given with the matter, encrypted for the identity (party-input.ts contactColumns): the matter's and a new unit record's */
  contact: { phoneCipher: string | null; phoneIndex: string | null; phoneMasked: string | null };
}

/** A module's own row for the matter (e.g. mediation.disputes; its id is the matter's), written by the same statement; keys in camelCase. */
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
  actor: Actor;
  note: string | null;
  data: Record<string, unknown>;
  parties: readonly OpenParty[];
  row?: ModuleRow | undefined;
}

export interface OpenStatementResult {
  org: { id: string; name: string; active: boolean } | null;
  number: string | null;
  version: number | null;
  openedAt: string | null;
  /** recognised parties whose registered name differs from the input: nothing was written */
  blocked: { ord: number; id: string; name: string }[];
}

/** The number template as an SQL expression over the numbering unit's `abbr` and the counter's `seq` (formatNumber in SQL). */
function numberSql(template: string, year: RawBuilder<unknown>): RawBuilder<string> {
  const parts: RawBuilder<unknown>[] = [];
  let last = 0;
  for (const m of template.matchAll(NUMBER_FIELD)) {
    if (m.index > last) parts.push(sql`${sql.lit(template.slice(last, m.index))}::text`);
    const raw = m[1] === 'abbr' ? sql`coalesce(a.abbr, '')` : m[1] === 'year' ? sql`${year}::int::text` : sql`n.last_seq::text`;
    parts.push(m[2] ? sql`lpad(${raw}, ${sql.lit(Number(m[2]))}, '0')` : raw);
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push(sql`${sql.lit(template.slice(last))}::text`);
  return sql<string>`(${sql.join(parts, sql` || `)})`;
}

/** The statement's parameters by name; the text refers to them as `$n` in this order. */
const PARAMS = [
  'orgId',
  'scopePath',
  'id',
  'module',
  'kind',
  'status',
  'title',
  'year',
  'at',
  'userId',
  'userName',
  'note',
  'data',
  'action',
  'actorId',
  'actorName',
  'actorOrgId',
  'requestId',
  'ip',
  'pId',
  'pKind',
  'pName',
  'pIdType',
  'pIdCipher',
  'pIdIndex',
  'pIdMasked',
  'pPhoneCipher',
  'pPhoneIndex',
  'pPhoneMasked',
  'pUscc',
  'pRole',
  'pExpectName',
  'pLocalName',
  'pContactCipher',
] as const;
type Param = (typeof PARAMS)[number];
const $ = Object.fromEntries(PARAMS.map((name, k) => [name, sql.raw(`$${k + 1}`)])) as Record<Param, RawBuilder<unknown>>;

/**
 * The statement's text for one shape (number template, module table and the columns given), compiled once: every
 * value is a `$n` parameter, so calls of the same shape differ in their values only and skip building and
 * compiling the query (0.2 ms a registration).
 */
const texts = new Map<string, string>();
function statementText(db: Kysely<Database>, template: string, row: { table: string; columns: string[] } | undefined): string {
  const shape = JSON.stringify([template, row?.table, row?.columns]);
  const known = texts.get(shape);
  if (known) return known;
  const rowSql = (() => {
    if (!row) return sql``;
    // names go through Kysely (quoted, camelCase to snake_case by the engine's plugin); values are parameters
    // the module's row holds its own fields only: number, title, unit and status are the matter's (same id)
    const names = ['id', ...row.columns].map((k) => sql.ref(k));
    const values = [sql`m.id`, ...row.columns.map((_, k) => sql.raw(`$${PARAMS.length + k + 1}`))];
    return sql`, mrow as (insert into ${sql.table(row.table)} (${sql.join(names)}) select ${sql.join(values)} from m)`;
  })();
  const query = sql`
    with o as (
      select id, name, path, active from kernel.orgs where id = ${$.orgId}::uuid and path like ${$.scopePath}::text
    ), pin as (
      select * from unnest(${$.pId}::uuid[], ${$.pKind}::text[], ${$.pName}::text[], ${$.pIdType}::text[], ${$.pIdCipher}::text[],
        ${$.pIdIndex}::text[], ${$.pIdMasked}::text[], ${$.pPhoneCipher}::text[], ${$.pPhoneIndex}::text[], ${$.pPhoneMasked}::text[],
        ${$.pUscc}::text[], ${$.pRole}::text[], ${$.pExpectName}::text[], ${$.pLocalName}::text[], ${$.pContactCipher}::text[])
        with ordinality as t(id, kind, name, id_type, id_cipher, id_index, id_masked, phone_cipher, phone_index, phone_masked, uscc, role, expect_name, local_name,
          contact_cipher, ord)
    ), found as (
      select pin.ord, p.id, p.name from pin join kernel.parties p on p.uscc = pin.uscc and p.uscc is not null
      union all
      select pin.ord, p.id, p.name from pin join kernel.parties p on p.id_type = pin.id_type and p.id_index = pin.id_index and p.id_index is not null
      where pin.uscc is null
    ), blocked as (
      select f.* from found f join pin on pin.ord = f.ord where f.name <> pin.expect_name
    ), unit as (
      select coalesce(
        (select u.id from kernel.orgs u where u.id = any(string_to_array(trim(both '/' from o.path), '/')::uuid[]) and u.abbr is not null order by u.depth desc limit 1),
        split_part(trim(both '/' from o.path), '/', 1)::uuid) as id
      from o where o.active and not exists (select 1 from blocked)
    ), n as (
      insert into kernel.matter_counters (module, org_id, year, last_seq) select ${$.module}::text, unit.id, ${$.year}::int, 1 from unit
      on conflict (module, org_id, year) do update set last_seq = kernel.matter_counters.last_seq + 1
      returning org_id, last_seq
    ), numbered as (
      select n.last_seq as seq, ${numberSql(template, $.year)} as number from n join kernel.orgs a on a.id = n.org_id
    ), ins as (
      insert into kernel.parties (id, kind, name, id_type, id_cipher, id_index, id_masked, phone_cipher, phone_index, phone_masked, uscc, org_id, created_by)
      select pin.id, pin.kind, pin.name, pin.id_type, pin.id_cipher, pin.id_index, pin.id_masked, pin.phone_cipher, pin.phone_index, pin.phone_masked, pin.uscc,
             ${$.orgId}::uuid, ${$.userId}::uuid
      from pin where exists (select 1 from numbered) and not exists (select 1 from found f where f.ord = pin.ord)
      on conflict do nothing
      returning id, name
    ), p as (
      select pin.ord, pin.role, coalesce(f.id, ins.id) as id, coalesce(f.name, ins.name) as name, f.id is not null as recognised
      from pin left join found f on f.ord = pin.ord left join ins on ins.id = pin.id
    ), race as (
      select kernel.fail(${sql.lit(PARTY_RACE)}, '同一当事人正被他人同时登记') from p where p.id is null and exists (select 1 from numbered)
    ), m as (
      insert into kernel.matters (id, module, kind, number, year, seq, org_id, status, title, created_by, opened_at)
      select ${$.id}::uuid, ${$.module}::text, ${$.kind}::text, numbered.number, ${$.year}::int, numbered.seq, ${$.orgId}::uuid, ${$.status}::text, ${$.title}::text,
             ${$.userId}::uuid, ${$.at}::timestamptz
      from numbered
      returning id, number, version, opened_at
    ), link as (
      -- a new record of the unit starts with the phone given; an existing record (of this unit or any other) is not changed
      insert into kernel.party_units (party_id, org_id, registered_by, name, phone_cipher, phone_index, phone_masked)
      select distinct on (p.id) p.id, ${$.orgId}::uuid, ${$.userId}::uuid, pin.local_name, pin.contact_cipher, pin.phone_index, pin.phone_masked
      from p join pin on pin.ord = p.ord, m where p.id is not null order by p.id, pin.ord
      on conflict (party_id, org_id) do nothing
      returning party_id
    ), a as (
      insert into kernel.matter_actions (matter_id, action, from_status, to_status, actor_id, actor_name, note, data, at)
      select m.id, 'register', null, ${$.status}::text, ${$.userId}::uuid, ${$.userName}::text, ${$.note}::text, ${$.data}::jsonb, ${$.at}::timestamptz from m
    ), r as (
      -- the phone given stays with the matter (issue #11 item 3): the portal and the related-matters check read it there
      insert into kernel.matter_parties (matter_id, party_id, role, phone_cipher, phone_index, phone_masked)
      select distinct on (p.id, p.role) m.id, p.id, p.role, pin.contact_cipher, pin.phone_index, pin.phone_masked
      from m, p join pin on pin.ord = p.ord where p.id is not null order by p.id, p.role, pin.ord
      on conflict do nothing
    ), au as (
      insert into kernel.audit_log (at, actor_id, actor_name, action, org_id, request_id, ip, target_type, target_id, summary)
      select ${$.at}::timestamptz, ${$.actorId}::uuid, ${$.actorName}::text, ${$.action}::text, ${$.actorOrgId}::uuid, ${$.requestId}::text, ${$.ip}::text, 'matter', m.id::text,
             json_strip_nulls(json_build_object('number', m.number, 'title', ${$.title}::text, 'org', (select name from o), 'parties', (
               select json_agg(json_build_object('role', p.role, 'kind', pin.kind, 'name', coalesce(pin.local_name, p.name), 'identity', coalesce(pin.id_masked, pin.uscc),
                 'recognised', p.recognised, 'registeredName', case when pin.local_name is not null then p.name end, 'phone', pin.phone_masked,
                 'unitAdded', case when p.recognised then exists (select 1 from link where link.party_id = p.id) end,
                 'unit', (select name from o)) order by p.ord)
               from p join pin on pin.ord = p.ord)))::jsonb
      from m
    )${rowSql}
    select json_build_object(
      'org', (select json_build_object('id', o.id, 'name', o.name, 'active', o.active) from o),
      'number', (select number from m), 'version', (select version from m), 'openedAt', (select opened_at from m),
      'blocked', coalesce((select json_agg(json_build_object('ord', b.ord, 'id', b.id, 'name', b.name) order by b.ord) from blocked b), '[]'::json),
      'race', (select count(*) from race)
    ) as result`.compile(db);
  // every value must be one of the named parameters, or the cached text would not fit the next call's values
  if (query.parameters.length > 0) throw new Error('openStatement: a value was interpolated into the text instead of a parameter');
  texts.set(shape, query.sql);
  return query.sql;
}

/**
 * Opening a matter in one statement (docs/adr/0010-prepared-intake.md, 0011-audit-sealed-after-commit.md): the unit
 * in scope, its number, the parties found by identity or inserted and linked to the unit, the matter, its opening
 * action, the party roles, the module's row and the audit entry — prepared, so it is planned once, and atomic
 * without a transaction around it. It writes nothing when the unit is outside the scope or inactive, or when a
 * recognised party's registered name or phone differ from the input (`blocked`): the caller decides and says why.
 * A party lost to a concurrent insert aborts the statement (PARTY_RACE), undoing what it wrote.
 */
export async function openStatement(db: Kysely<Database>, i: OpenStatementInput): Promise<OpenStatementResult> {
  const col = <K extends keyof NewParty>(k: K) => i.parties.map((p) => p.row[k]);
  const entries = i.row ? Object.entries(i.row.values).filter(([, v]) => v !== undefined) : [];
  const text = statementText(db, i.template, i.row && { table: i.row.table, columns: entries.map(([k]) => k) });
  const values: Record<Param, unknown> = {
    orgId: i.orgId,
    scopePath: `${i.scopePath}%`,
    id: i.id,
    module: i.module,
    kind: i.kind,
    status: i.status,
    title: i.title,
    year: i.year,
    at: i.at,
    userId: i.user.id,
    userName: i.user.name,
    note: i.note,
    data: JSON.stringify(i.data),
    action: `${i.module}.${i.kind}.register`,
    actorId: i.actor.id,
    actorName: i.actor.username,
    actorOrgId: i.actor.orgId,
    requestId: i.actor.requestId ?? null,
    ip: i.actor.ip ?? null,
    pId: col('id'),
    pKind: col('kind'),
    pName: col('name'),
    pIdType: col('idType'),
    pIdCipher: col('idCipher'),
    pIdIndex: col('idIndex'),
    pIdMasked: col('idMasked'),
    pPhoneCipher: col('phoneCipher'),
    pPhoneIndex: col('phoneIndex'),
    pPhoneMasked: col('phoneMasked'),
    pUscc: col('uscc'),
    pRole: i.parties.map((p) => p.role),
    pExpectName: i.parties.map((p) => p.expectName),
    pLocalName: i.parties.map((p) => p.localName),
    pContactCipher: i.parties.map((p) => p.contact.phoneCipher),
  };
  const params = [...PARAMS.map((k) => values[k]), ...entries.map(([, v]) => v)];
  const res = await runPrepared<{ result: OpenStatementResult }>(db, 'matter_open', CompiledQuery.raw(text, params));
  const out = res.rows[0]?.result;
  if (!out) throw new Error('openStatement: no result');
  return out;
}
