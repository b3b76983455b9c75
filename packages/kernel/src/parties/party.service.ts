import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit';
import type { Database } from '../db/schema';
import { AppError, notFound } from '../errors';
import type { Ctx } from '../http/types';
import { findOrg } from '../orgs/org.repository';
import { checkMobile, checkUscc, type Party, type PartyInput, type RegisteredParty, type UnmaskField } from '../shared/identity';
import { maskIdNumber, maskPhone, type FieldCrypto } from './crypto';
import { aad, contactAad, contactColumns, identityKey, invalid, nameMismatch, newPartyRow, prepare, sameName } from './party-input';
import * as repo from './party.repository';

/** A use-case context with the personal-data crypto of the running app. */
export interface PartyCtx extends Ctx {
  pii: FieldCrypto;
  /**
   * The caller acts for a citizen (the portal's system account, whose scope is the whole city): no answer may depend
   * on what any unit has registered, so a known ID number under another name is never refused (issue #11 item 4).
   */
  forCitizen?: boolean;
}

export const UNMASK_PERMISSION = 'kernel.party.unmask';

function toParty(r: repo.PartyRow): Party {
  const code = r.uscc ? checkUscc(r.uscc) : undefined;
  return {
    id: r.id,
    kind: r.kind as Party['kind'],
    name: r.name,
    idType: r.idType as Party['idType'],
    idMasked: r.idMasked,
    phoneMasked: r.phoneMasked,
    uscc: r.uscc,
    usccCategory: code?.ok ? `${code.type} ${code.typeName ?? code.authorityName}` : null,
    orgId: r.orgId,
    orgName: r.orgName,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

async function reread(ctx: PartyCtx, db: Kysely<Database>, id: string): Promise<Party> {
  const row = await repo.findParty(db, ctx.scope, id);
  if (!row) throw notFound('当事人');
  return toParty(row);
}

/** What registering one party did, for the caller's audit entry. */
export interface PartyRegistration {
  id: string;
  /** the caller could read the party before (a unit of its scope had registered it): what the caller may be told */
  recognised: boolean;
  audit: Record<string, unknown>;
}

const noContact: repo.UnitContact = { phoneCipher: null, phoneIndex: null, phoneMasked: null };

/**
 * Registers one party inside the caller's transaction, for a unit the caller has already checked; writes no
 * audit entry of its own — the caller records `audit`.
 *
 * A known identity is linked, never changed (issue #11 items 3, 4; docs/adr/0018-party-records-per-unit.md): the
 * unit gets its own record of the party (the phone it was given), and only the unit's own record changes when
 * the unit registers the party again with a new phone. Whether the identity is registered elsewhere is never told:
 * a party the caller could not read before answers as a new one (`recognised: false`), a different name is
 * refused only when the caller could read the registered one, and otherwise kept as the unit's own name for it.
 */
export async function registerPartyIn(ctx: PartyCtx, trx: Kysely<Database>, unit: { id: string; name: string }, input: PartyInput): Promise<PartyRegistration> {
  const p = prepare(ctx.pii, input);
  const id = randomUUID();
  const row = newPartyRow(ctx.pii, id, input, p, unit.id, ctx.user.id);
  const contact = p.phone ? contactColumns(ctx.pii, identityKey(p.identity), p.phone) : noContact;
  // undefined: someone registered the same identity meanwhile; their row is committed, and the next statement sees it
  const done = (await repo.upsertPartyForUnit(trx, row, unit.id, contact)) ?? (await repo.upsertPartyForUnit(trx, row, unit.id, contact));
  if (!done) throw new Error('party vanished after an insert conflict');
  const phone = p.phone ? maskPhone(p.phone) : null;
  if (!done.recognised) {
    return { id, recognised: false, audit: { kind: input.kind, name: input.name, identity: p.masked, phone, unit: unit.name, recognised: false } };
  }
  // what the caller could read of the party before: the names its units registered it under (none: it could not)
  const seen = await repo.partyNamesIn(trx, ctx.scope, done.id, done.unitAdded ? unit.id : undefined);
  const seenBefore = seen.length > 0;
  const nameDiffers = !sameName(done.name, input.name);
  if (nameDiffers && !seen.some((n) => sameName(n, input.name))) {
    if (seenBefore && !ctx.forCitizen) throw nameMismatch(input, p.masked, done.name);
    if (done.unitAdded) await repo.updateUnitRecord(trx, done.id, unit.id, { name: input.name });
  }
  const phoneChanged = !done.unitAdded && contact.phoneIndex !== null && contact.phoneIndex !== done.unitPhoneIndex;
  if (phoneChanged && contact.phoneCipher && contact.phoneIndex && contact.phoneMasked) {
    await repo.updateUnitRecord(trx, done.id, unit.id, { phoneCipher: contact.phoneCipher, phoneIndex: contact.phoneIndex, phoneMasked: contact.phoneMasked });
  }
  return {
    id: done.id,
    recognised: seenBefore,
    audit: {
      kind: input.kind,
      name: nameDiffers ? input.name : done.name,
      identity: p.masked,
      recognised: true,
      // for the auditor: the caller was not told (it could not read the party), and registered it under another name
      ...(seenBefore ? {} : { seenBefore: false }),
      ...(nameDiffers ? { registeredName: done.name } : {}),
      phoneChanged,
      phone: done.unitAdded || phoneChanged ? phone : undefined,
      unit: unit.name,
      unitAdded: done.unitAdded,
    },
  };
}

/**
 * Registers a person or organisation for the caller's unit (or a unit in its scope). The same identity entered
 * again is one party: the caller's unit is recorded as registering it too, with its own record (registerPartyIn).
 */
export async function registerParty(ctx: PartyCtx, input: PartyInput): Promise<RegisteredParty> {
  prepare(ctx.pii, input); // invalid input is refused before a transaction starts
  return ctx.db.transaction().execute(async (trx) => {
    const unit = await findOrg(trx, ctx.scope, input.orgId ?? ctx.user.orgId);
    if (!unit) throw notFound('登记单位');
    if (!unit.active) throw new AppError('ORG_INACTIVE', { name: unit.name });
    const r = await registerPartyIn(ctx, trx, unit, input);
    await appendAudit(trx, ctx.actor, { action: 'kernel.party.register', targetType: 'party', targetId: r.id, summary: r.audit });
    return { ...(await reread(ctx, trx, r.id)), recognised: r.recognised };
  });
}

export async function getParty(ctx: PartyCtx, id: string): Promise<Party> {
  return reread(ctx, ctx.db, id);
}

/**
 * Parties in scope matching `q`: a name prefix, or exactly an ID number, mobile number or social credit
 * code (numbers are matched through their blind indexes, never decrypted).
 */
export async function searchParties(ctx: PartyCtx, query: { q?: string | undefined; page: number; pageSize: number }) {
  const q = query.q?.trim();
  const filter: repo.PartyFilter = {};
  if (q) {
    filter.namePrefix = q;
    // Any document type: an ID number is indexed the same whatever its type.
    const idNorm = q.replace(/[\s\u3000]+/g, '').toUpperCase();
    if (/^[0-9A-Z]{5,20}$/.test(idNorm)) filter.idIndex = ctx.pii.blindIndex('id', idNorm);
    const phone = checkMobile(q);
    if (phone.ok) filter.phoneIndex = ctx.pii.blindIndex('phone', phone.normalised);
    const code = checkUscc(q);
    if (code.ok) filter.uscc = code.normalised;
  }
  const { rows, total } = await repo.listParties(ctx.db, ctx.scope, filter, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
  return { items: rows.map(toParty), total, page: query.page, pageSize: query.pageSize };
}

/** A search text fit for the audit log: a number in it (ID, phone) is masked, a name is kept. */
export function maskedQuery(q: string | undefined): string | null {
  if (!q?.trim()) return null;
  return /\d{5,}/.test(q) ? maskIdNumber(q.replace(/[\s\u3000]+/g, '')) : q.trim();
}

/** The clear value of a field of the record the caller reads (a unit's phone older than migrations/0011 is the party's own). */
function clearValue(pii: FieldCrypto, s: NonNullable<Awaited<ReturnType<typeof repo.findPartySecrets>>>, field: UnmaskField): string | undefined {
  if (field === 'idNumber') return s.idCipher ? pii.decrypt(s.idCipher, aad(s.id, 'idNumber')) : undefined;
  const key = identityKey(s.uscc ? { uscc: s.uscc } : { idType: s.idType ?? '', idIndex: s.idIndex ?? '' });
  if (s.phoneCipher) return pii.decrypt(s.phoneCipher, contactAad(key));
  return s.phoneMasked && s.legacyPhoneCipher ? pii.decrypt(s.legacyPhoneCipher, aad(s.id, 'phone')) : undefined;
}

/**
 * The clear ID number or phone of a party in scope, for a stated reason; needs `kernel.party.unmask` and
 * leaves an audit entry with the field and the reason (GB/T 35273-2020: access to sensitive data recorded).
 */
export async function unmaskParty(ctx: PartyCtx, id: string, field: UnmaskField, reason: string): Promise<{ field: UnmaskField; value: string }> {
  if (!ctx.user.permissions.has(UNMASK_PERMISSION)) throw new AppError('FORBIDDEN', { permission: UNMASK_PERMISSION });
  const why = reason.trim();
  if (why.length < 4) invalid('查看理由至少 4 个字');
  return ctx.db.transaction().execute(async (trx) => {
    const s = await repo.findPartySecrets(trx, ctx.scope, id);
    if (!s) throw notFound('当事人');
    const value = clearValue(ctx.pii, s, field);
    if (value === undefined)
      throw new AppError('CONFLICT', { reason: field === 'idNumber' ? '该当事人是单位，没有证件号码可查看' : '本单位没有登记该当事人的手机号码' });
    await appendAudit(trx, ctx.actor, {
      action: UNMASK_PERMISSION,
      targetType: 'party',
      targetId: id,
      summary: { field, reason: why, name: s.name, masked: field === 'idNumber' ? s.idMasked : s.phoneMasked },
    });
    return { field, value };
  });
}
