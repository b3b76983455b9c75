import { AppError } from '../errors';
import { checkIdNumber, checkMobile, checkUscc, type PartyInput, type UnmaskField } from '../shared/identity';
import { maskIdNumber, maskPhone, type FieldCrypto } from './crypto';
import type { NewParty } from './party.repository';

/** Checking and preparing a party's input for storage (party.service.ts one by one, party-bulk.ts in batches). */

// The associated data binds each ciphertext to its row and column.
export const aad = (partyId: string, field: UnmaskField) => `kernel.parties/${partyId}/${field}`;

export function invalid(problem: string): never {
  throw new AppError('VALIDATION_FAILED', { first: problem }, [{ field: 'body', message: problem }]);
}

/** The refusal when an identity is registered under another name (the person's name, or the firm's registered one). */
export const nameMismatch = (input: PartyInput, masked: string, registered: string) =>
  new AppError('CONFLICT', {
    reason:
      input.kind === 'person'
        ? `证件号码 ${masked} 已登记，但登记的姓名与“${input.name}”不一致；请核对姓名和证件号码`
        : `统一社会信用代码 ${masked} 已登记为“${registered}”，与填写的名称不一致；请核对后使用已登记的名称`,
  });

/** Names compared as a person would: width, case, spacing and the 间隔号 in minority and foreign names. */
export const sameName = (a: string, b: string) => {
  const norm = (s: string) =>
    s
      .normalize('NFKC')
      .replace(/[·•.・‧]/g, '·')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
  return norm(a) === norm(b);
};

/** One key per identity (a person's ID type and blind index, or an organisation's code): equal keys, same party. */
export const identityKey = (identity: { uscc: string } | { idType: string; idIndex: string }) =>
  'uscc' in identity ? `uscc:${identity.uscc}` : `id:${identity.idType}:${identity.idIndex}`;

/** The identity, phone and their stored forms of a valid input (the route's schema has already checked it). */
export function prepare(pii: FieldCrypto, input: PartyInput) {
  const phone = input.phone ? checkMobile(input.phone) : undefined;
  if (phone && !phone.ok) invalid(phone.problem);
  const phoneNorm = phone?.normalised;
  if (input.kind === 'organisation') {
    const code = checkUscc(input.uscc);
    if (!code.ok) invalid(code.problem);
    return { identity: { uscc: code.normalised }, idNumber: undefined, masked: code.normalised, phone: phoneNorm };
  }
  const id = checkIdNumber(input.idType, input.idNumber);
  if (!id.ok) invalid(id.problem);
  const identity = { idType: input.idType, idIndex: pii.blindIndex('id', id.normalised) };
  return { identity, idNumber: id.normalised, masked: maskIdNumber(id.normalised), phone: phoneNorm };
}

/**
 * The associated data of a phone a unit or a matter keeps for a party (migrations/0011): bound to the person's identity
 * (`identityKey`), which is known before the statement that finds or inserts the party's row runs.
 */
export const contactAad = (key: string) => `kernel.party-contact/${key}/phone`;

/** A phone as a unit's record or a matter keeps it: encrypted for the identity `key`, indexed, masked. */
export function contactColumns(pii: FieldCrypto, key: string, phone: string) {
  return { phoneCipher: pii.encrypt(phone, contactAad(key)), phoneIndex: pii.blindIndex('phone', phone), phoneMasked: maskPhone(phone) };
}

export function phoneColumns(pii: FieldCrypto, partyId: string, phone: string) {
  return { phoneCipher: pii.encrypt(phone, aad(partyId, 'phone')), phoneIndex: pii.blindIndex('phone', phone), phoneMasked: maskPhone(phone) };
}

/** The stored row of a new party `id` registered by `orgId`: ID number and phone encrypted for that row, indexes, masks. */
export function newPartyRow(pii: FieldCrypto, id: string, input: PartyInput, p: ReturnType<typeof prepare>, orgId: string, createdBy: string | null): NewParty {
  return {
    id,
    kind: input.kind,
    name: input.name,
    idType: input.kind === 'person' ? input.idType : null,
    idCipher: p.idNumber === undefined ? null : pii.encrypt(p.idNumber, aad(id, 'idNumber')),
    idIndex: 'idIndex' in p.identity ? p.identity.idIndex : null,
    idMasked: p.idNumber === undefined ? null : p.masked,
    ...(p.phone ? phoneColumns(pii, id, p.phone) : { phoneCipher: null, phoneIndex: null, phoneMasked: null }),
    uscc: 'uscc' in p.identity ? p.identity.uscc : null,
    orgId,
    createdBy,
  };
}
