import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { breather } from '../db/breather';
import { bulkInsert, type BulkColumn } from '../db/bulk';
import type { Database } from '../db/schema';
import type { PartyInput } from '../shared/identity';
import { identityKey, newPartyRow, phoneColumns, sameName } from './party-input';
import { prepareInWorker, prepareOne, type Prepared } from './party-prepare';
import type { NewParty } from './party.repository';
import type { PartyCtx } from './party.service';

/** One party of a batch: a stored or planned party, or why it cannot be registered. */
export type PlannedParty = { ok: true; id: string; recognised: boolean; key: string } | { ok: false; problem: string };

interface Known {
  id: string;
  name: string;
  phoneIndex: string | null;
}

/**
 * Registering the parties of an import chunk by chunk, in one transaction. `prepare` is work in Node only —
 * checks, blind indexes, and the encrypted row of an identity not yet seen in this import (used if it turns out
 * new) — so it can run while the previous chunk is being written. `lookup` finds the identities already
 * registered (one query per 5,000; it may queue behind that writing), `resolve` decides: the same identity twice in the import is one party; a name that
 * differs from the registered one is a problem of that input (as in registerParty). `write` inserts the new
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
  const phoneUpdates = new Map<string, ReturnType<typeof phoneColumns>>();
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
        select id, name, phone_index, id_type, id_index, uscc from kernel.parties
        where id_index = any(${idIndexes.slice(i, i + 5000)}::text[]) or uscc = any(${usccs.slice(i, i + 5000)}::text[])`.execute(trx);
      for (const r of rows.rows) known.set(identityKey(r.uscc ? { uscc: r.uscc } : { idType: r.idType ?? '', idIndex: r.idIndex ?? '' }), r);
    }
  }

  /** Decides for each input after its lookup: known, new in this import, or a problem. */
  function resolve(prepared: readonly Prepared[]): PlannedParty[] {
    return prepared.map((x): PlannedParty => {
      if ('problem' in x) return { ok: false, problem: x.problem };
      const { input, p, key } = x;
      const seen = fresh.get(key);
      const existing = known.get(key) ?? (seen ? { id: seen.id, name: seen.name, phoneIndex: null } : undefined);
      if (existing) {
        if (!sameName(existing.name, input.name)) {
          return {
            ok: false,
            problem: `${input.kind === 'person' ? '证件号码' : '统一社会信用代码'} ${p.masked} 已登记为“${existing.name}”，与“${input.name}”不一致`,
          };
        }
        if (p.phone && known.has(key)) {
          const phone = phoneColumns(ctx.pii, existing.id, p.phone);
          if (phone.phoneIndex !== existing.phoneIndex) phoneUpdates.set(existing.id, phone);
        }
        return { ok: true, id: existing.id, recognised: known.has(key), key };
      }
      const row = x.row ?? newPartyRow(ctx.pii, randomUUID(), input, p, unitId, ctx.user.id);
      fresh.set(key, row);
      return { ok: true, id: row.id, recognised: false, key };
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
    for (const [id, phone] of phoneUpdates) {
      if (!used.has(id)) continue;
      await trx
        .updateTable('kernel.parties')
        .set({ ...phone, updatedAt: sql`now()` })
        .where('id', '=', id)
        .execute();
      phoneUpdates.delete(id);
    }
    // a party new in this import cannot be linked yet; a registered one may be linked to the unit already
    const link = (ids: string[]) => ids.map((id) => [id, unitId, ctx.user.id]);
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
] as const;
