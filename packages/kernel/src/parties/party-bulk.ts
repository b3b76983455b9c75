import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { bulkInsert, type BulkColumn } from '../db/bulk';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import type { PartyInput } from '../shared/identity';
import { newPartyRow, phoneColumns, prepare, sameName } from './party-input';
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
 * Registering a batch of parties in two steps, so the caller can drop the rows that fail for other reasons
 * before anything is written: `plan` checks every input and finds the identities already registered (one query
 * per 5,000 identities), `write` inserts the new parties that the kept rows use and links them all to the unit.
 * The same identity twice in a batch is one party; a name that differs from the registered one is a problem
 * of that input (as in registerParty).
 */
export async function planParties(ctx: PartyCtx, trx: Kysely<Database>, unitId: string, inputs: readonly PartyInput[]) {
  type Prepared = { input: PartyInput; p: ReturnType<typeof prepare>; key: string } | { input: PartyInput; problem: string };
  const prepared = inputs.map((input): Prepared => {
    try {
      const p = prepare(ctx.pii, input);
      const key = 'uscc' in p.identity ? `uscc:${p.identity.uscc}` : `id:${p.identity.idType}:${p.identity.idIndex}`;
      return { input, p, key };
    } catch (e) {
      return { input, problem: e instanceof AppError ? e.message : String(e) };
    }
  });
  const known = new Map<string, Known>();
  const ids = prepared.flatMap((x) => ('p' in x ? [x.p.identity] : []));
  const idIndexes = [...new Set(ids.flatMap((i) => ('idIndex' in i ? [i.idIndex] : [])))];
  const usccs = [...new Set(ids.flatMap((i) => ('uscc' in i ? [i.uscc] : [])))];
  for (let i = 0; i < Math.max(idIndexes.length, usccs.length); i += 5000) {
    const rows = await sql<Known & { idType: string | null; idIndex: string | null; uscc: string | null }>`
      select id, name, phone_index, id_type, id_index, uscc from kernel.parties
      where id_index = any(${idIndexes.slice(i, i + 5000)}::text[]) or uscc = any(${usccs.slice(i, i + 5000)}::text[])`.execute(trx);
    for (const r of rows.rows) known.set(r.uscc ? `uscc:${r.uscc}` : `id:${r.idType ?? ''}:${r.idIndex ?? ''}`, r);
  }
  const fresh = new Map<string, NewParty>();
  const phoneUpdates = new Map<string, ReturnType<typeof phoneColumns>>();
  const planned: PlannedParty[] = prepared.map((x) => {
    if ('problem' in x) return { ok: false, problem: x.problem };
    const { input, p, key } = x;
    const seen = fresh.get(key);
    const existing = known.get(key) ?? (seen ? { id: seen.id, name: seen.name, phoneIndex: null } : undefined);
    if (existing) {
      if (!sameName(existing.name, input.name)) {
        return { ok: false, problem: `${input.kind === 'person' ? '证件号码' : '统一社会信用代码'} ${p.masked} 已登记为“${existing.name}”，与“${input.name}”不一致` };
      }
      if (p.phone && known.has(key)) {
        const phone = phoneColumns(ctx.pii, existing.id, p.phone);
        if (phone.phoneIndex !== existing.phoneIndex) phoneUpdates.set(existing.id, phone);
      }
      return { ok: true, id: existing.id, recognised: known.has(key), key };
    }
    const id = randomUUID();
    fresh.set(key, newPartyRow(ctx.pii, id, input, p, unitId, ctx.user.id));
    return { ok: true, id, recognised: false, key };
  });

  /** Writes the new parties among `used` (ids of planned parties the caller keeps) and links all of them to the unit. */
  async function write(used: ReadonlySet<string>) {
    const rows = [...fresh.values()].filter((f) => used.has(f.id)).map((f) => PARTY_COLUMNS.map((c) => f[c.key]));
    await bulkInsert(trx, 'kernel.parties', PARTY_COLUMNS, rows);
    for (const [id, phone] of phoneUpdates) if (used.has(id)) await trx.updateTable('kernel.parties').set({ ...phone, updatedAt: new Date() }).where('id', '=', id).execute();
    await bulkInsert(trx, 'kernel.party_units', LINK_COLUMNS, [...used].map((id) => [id, unitId, ctx.user.id]), { onConflictDoNothing: '(party_id, org_id)' });
    return { created: rows.length, recognised: used.size - rows.length };
  }
  return { planned, write };
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
