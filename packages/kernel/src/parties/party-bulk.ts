import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { breather } from '../db/breather';
import { bulkInsert, type BulkColumn } from '../db/bulk';
import type { Database } from '../db/schema';
import type { PartyInput } from '../shared/identity';
import { identityKey, newPartyRow, sameName } from './party-input';
import { prepareInWorker, prepareOne, type Prepared } from './party-prepare';
import type { NewParty, UnitContact } from './party.repository';
import type { PartyCtx } from './party.service';

/**
 * One party of a batch: a stored or planned party with the phone given with this item (kept with the matter, and in
 * a new record of the unit), or why it cannot be registered.
 */
export type PlannedParty = { ok: true; id: string; recognised: boolean; key: string; contact: UnitContact } | { ok: false; problem: string };

interface Known {
  id: string;
  name: string;
  /** the names the caller's units registered it under: none when the caller could not read it */
  seen: string[];
}

const noContact: UnitContact = { phoneCipher: null, phoneIndex: null, phoneMasked: null };

/**
 * Registering the parties of an import chunk by chunk, in one transaction. `prepare` is work in Node only —
 * checks, blind indexes, and the encrypted row of an identity not yet seen in this import (used if it turns out
 * new) — so it can run while the previous chunk is being written. `lookup` finds the identities already
 * registered (one query per 5,000; it may queue behind that writing), `resolve` decides: the same identity twice in the import is one party; a name that
 * differs from the registered one is a problem of that input when the caller could read the party (as in registerParty), and
 * otherwise the unit's own name for it — a registered party is linked, never changed (issue #11 items 3, 4). `write` inserts the new
 * parties that kept rows use and links them all to the unit; the caller drops the rows that fail for other reasons
 * before writing, and a party first used by a later chunk is written with that chunk. With `worker`, `prepare` runs
 * in a worker thread (party-prepare.ts) — on the embedded engine the only way for it to overlap the writing — and
 * `close` ends that thread.
 */
export function partyPlanner(ctx: PartyCtx, trx: Kysely<Database>, unitId: string, opts: { worker?: boolean } = {}) {
  const known = new Map<string, Known>();
  const fresh = new Map<string, NewParty>();
  const written = new Set<string>();
  const linked = new Set<string>();
  // what a new record of the unit starts with, by party: the first phone (and differing name) the import gives
  const unitRecord = new Map<string, UnitContact & { name: string | null }>();
  const recognised = new Set<string>();

  const worker = opts.worker ? prepareInWorker(ctx.pii, unitId, ctx.user.id) : undefined;

  async function prepareAll(inputs: readonly PartyInput[]): Promise<Prepared[]> {
    if (worker) return worker.prepare(inputs);
    const out: Prepared[] = [];
    const encrypted = new Set<string>();
    const encrypt = (key: string) => !fresh.has(key) && !known.has(key) && !encrypted.has(key) && Boolean(encrypted.add(key));
    // database work in flight goes on meanwhile: its answers get through every few milliseconds
    const breathe = breather();
    for (const input of inputs) {
      const pause = breathe();
      if (pause) await pause;
      out.push(prepareOne(ctx.pii, input, unitId, ctx.user.id, encrypt));
    }
    return out;
  }

  /** Finds the identities of `prepared` registered before this import (one query per 5,000). */
  async function lookup(prepared: readonly Prepared[]): Promise<void> {
    const ids = prepared.flatMap((x) => ('p' in x && !known.has(x.key) && !fresh.has(x.key) ? [x.p.identity] : []));
    const idIndexes = [...new Set(ids.flatMap((i) => ('idIndex' in i ? [i.idIndex] : [])))];
    const usccs = [...new Set(ids.flatMap((i) => ('uscc' in i ? [i.uscc] : [])))];
    for (let i = 0; i < Math.max(idIndexes.length, usccs.length); i += 5000) {
      const rows = await sql<Known & { idType: string | null; idIndex: string | null; uscc: string | null }>`
        select p.id, p.name, p.id_type, p.id_index, p.uscc, array(
          select coalesce(pu.name, p.name) from kernel.party_units pu join kernel.orgs o on o.id = pu.org_id
          where pu.party_id = p.id and o.path like ${`${ctx.scope.path}%`}
        ) as seen
        from kernel.parties p
        where p.id_index = any(${idIndexes.slice(i, i + 5000)}::text[]) or p.uscc = any(${usccs.slice(i, i + 5000)}::text[])`.execute(trx);
      for (const r of rows.rows) known.set(identityKey(r.uscc ? { uscc: r.uscc } : { idType: r.idType ?? '', idIndex: r.idIndex ?? '' }), r);
    }
  }

  /** Decides for each input after its lookup: known, new in this import, or a problem. */
  function resolve(prepared: readonly Prepared[]): PlannedParty[] {
    return prepared.map((x): PlannedParty => {
      if ('problem' in x) return { ok: false, problem: x.problem };
      const { input, p, key } = x;
      const seen = fresh.get(key);
      const contact = x.contact ?? noContact;
      const existing = known.get(key) ?? (seen ? { id: seen.id, name: seen.name, seen: [seen.name] } : undefined);
      if (existing) {
        const differs = !sameName(existing.name, input.name) && !existing.seen.some((n) => sameName(n, input.name));
        if (differs && existing.seen.length > 0) {
          return {
            ok: false,
            problem: `${input.kind === 'person' ? '证件号码' : '统一社会信用代码'} ${p.masked} 已登记为“${existing.name}”，与“${input.name}”不一致`,
          };
        }
        if (!unitRecord.has(existing.id)) unitRecord.set(existing.id, { ...contact, name: differs ? input.name : null });
        return { ok: true, id: existing.id, recognised: known.has(key), key, contact };
      }
      const row = x.row ?? newPartyRow(ctx.pii, randomUUID(), input, p, unitId, ctx.user.id);
      fresh.set(key, row);
      unitRecord.set(row.id, { ...contact, name: null });
      return { ok: true, id: row.id, recognised: false, key, contact };
    });
  }

  /** Writes the new parties among `used` (ids of planned parties the caller keeps) and links them to the unit. */
  async function write(used: ReadonlySet<string>) {
    const rows = [...fresh.values()].filter((f) => used.has(f.id) && !written.has(f.id));
    await bulkInsert(
      trx,
      'kernel.parties',
      PARTY_COLUMNS,
      rows.map((f) => PARTY_COLUMNS.map((c) => f[c.key])),
    );
    for (const f of rows) written.add(f.id);
    // a party new in this import cannot be linked yet; a registered one may be linked to the unit already (its record stays as it is)
    const link = (ids: string[]) =>
      ids.map((id) => {
        const r = unitRecord.get(id);
        return [id, unitId, ctx.user.id, r?.name ?? null, r?.phoneCipher ?? null, r?.phoneIndex ?? null, r?.phoneMasked ?? null];
      });
    await bulkInsert(trx, 'kernel.party_units', LINK_COLUMNS, link(rows.map((f) => f.id)));
    const earlier = [...used].filter((id) => !linked.has(id) && !written.has(id));
    await bulkInsert(trx, 'kernel.party_units', LINK_COLUMNS, link(earlier), { onConflictDoNothing: '(party_id, org_id)' });
    for (const id of used) linked.add(id);
    // every new party among `used` is written by now: the others were registered before the import
    for (const id of used) if (!written.has(id)) recognised.add(id);
  }

  /** Parties this import created, and registered ones it used. */
  const totals = () => ({ created: written.size, recognised: recognised.size });

  return { prepare: prepareAll, lookup, resolve, write, totals, close: async () => worker?.close() };
}

const PARTY_COLUMNS: readonly (BulkColumn & { key: keyof NewParty })[] = [
  { name: 'id', key: 'id', type: 'uuid' },
  { name: 'kind', key: 'kind', type: 'text' },
  { name: 'name', key: 'name', type: 'text' },
  { name: 'id_type', key: 'idType', type: 'text' },
  { name: 'id_cipher', key: 'idCipher', type: 'text' },
  { name: 'id_index', key: 'idIndex', type: 'text' },
  { name: 'id_masked', key: 'idMasked', type: 'text' },
  { name: 'phone_cipher', key: 'phoneCipher', type: 'text' },
  { name: 'phone_index', key: 'phoneIndex', type: 'text' },
  { name: 'phone_masked', key: 'phoneMasked', type: 'text' },
  { name: 'uscc', key: 'uscc', type: 'text' },
  { name: 'org_id', key: 'orgId', type: 'uuid' },
  { name: 'created_by', key: 'createdBy', type: 'uuid' },
];

const LINK_COLUMNS = [
  { name: 'party_id', type: 'uuid' },
  { name: 'org_id', type: 'uuid' },
  { name: 'registered_by', type: 'uuid' },
  { name: 'name', type: 'text' },
  { name: 'phone_cipher', type: 'text' },
  { name: 'phone_index', type: 'text' },
  { name: 'phone_masked', type: 'text' },
] as const;
