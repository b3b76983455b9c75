import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { appendAudit } from '../audit/audit';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import type { PartyCtx } from '../parties/party.service';
import { aad, contactAad, identityKey, invalid } from '../parties/party-input';
import { actionPermission, type WorkflowDefinition } from '../shared/workflow';

/** Calling the parties of the matters one handles (issue #13 item 5, ADR 0025). */
export const CONTACT_PERMISSION = 'kernel.party.contact';
/** The audit action of a reveal; the audit page names it 查看当事人联系电话. */
export const REVEAL_PHONE_ACTION = 'kernel.matter.reveal-phone';
/** First reveals one user may make in a rolling hour (SIFA_PHONE_REVEALS_PER_HOUR); repeats in a session do not count. */
export const DEFAULT_PHONE_REVEALS_PER_HOUR = 20;

export interface RevealedPhone {
  partyId: string;
  phone: string;
  masked: string;
  reason: string;
  /** Already revealed to this user in this session: served again without a new reason, not counted in the limit. */
  repeat: boolean;
}

/**
 * The session as the audit entry names it: a digest, so the log never holds what identifies a live session, yet two
 * reveals of one session are recognisable as such.
 */
const sessionTag = (sessionId: string) => createHash('sha256').update(`kernel.reveal/${sessionId}`).digest('hex').slice(0, 16);

/**
 * Whether the caller handles the matter: it is assigned to it, or it holds the kind's handling permission (the one
 * its workflow actions need, `<module>.<kind>.act` by default) in the matter's scope. A supervisor who only reads
 * (the city's leaders) does not call parties of matters it does not handle.
 */
async function handles(ctx: PartyCtx, db: Kysely<Database>, wf: WorkflowDefinition, matterId: string): Promise<boolean> {
  const actions = Object.values(wf.transitions).flatMap((row) => Object.keys(row));
  const handling = new Set([`${wf.module}.${wf.kind}.act`, ...actions.map((a) => actionPermission(wf, a))]);
  if ([...handling].some((p) => ctx.user.permissions.has(p))) return true;
  const assigned = await db
    .selectFrom('kernel.matterAssignments')
    .select('matterId')
    .where('matterId', '=', matterId)
    .where('userId', '=', ctx.user.id)
    .where('active', '=', true)
    .executeTakeFirst();
  return assigned !== undefined;
}

/**
 * The clear phone given with `matter` for one of its parties (the one the party tab shows masked — `matter_parties`,
 * migrations/0013; for a row older than that, the party's own), for a handler of the matter with a reason. Every
 * reveal is audited; the first in a session needs a reason and counts towards the hourly limit, a repeat in the same
 * session reuses that reason (GB/T 35273-2020 7.3: access to personal sensitive information limited and recorded).
 */
export async function revealMatterPhone(
  ctx: PartyCtx,
  wf: WorkflowDefinition,
  matter: { id: string; number: string },
  partyId: string,
  reason: string | undefined,
  perHour: number = DEFAULT_PHONE_REVEALS_PER_HOUR,
): Promise<RevealedPhone> {
  if (!ctx.user.permissions.has(CONTACT_PERMISSION)) throw new AppError('FORBIDDEN', { permission: CONTACT_PERMISSION });
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await handles(ctx, trx, wf, matter.id))) throw new AppError('FORBIDDEN', { permission: `${wf.module}.${wf.kind}.act` });
    const row = await trx
      .selectFrom('kernel.matterParties as mp')
      .innerJoin('kernel.parties as p', 'p.id', 'mp.partyId')
      .select(['p.id', 'p.name', 'p.idType', 'p.idIndex', 'p.uscc', 'mp.phoneCipher', 'mp.phoneMasked', 'p.phoneCipher as legacyCipher'])
      .where('mp.matterId', '=', matter.id)
      .where('mp.partyId', '=', partyId)
      .orderBy(sql`mp.phone_cipher is null`)
      .executeTakeFirst();
    // the party is in scope (or the body names nothing real): either way it is not one of this matter's parties
    if (!row) throw new AppError('CONFLICT', { reason: `该当事人不是事项 ${matter.number} 的当事人，请在该事项的当事人页签中选择` });
    if (!row.phoneMasked) throw new AppError('CONFLICT', { reason: `事项 ${matter.number} 登记时没有留该当事人的联系电话` });
    const phone = row.phoneCipher
      ? ctx.pii.decrypt(row.phoneCipher, contactAad(identityKey(row.uscc ? { uscc: row.uscc } : { idType: row.idType ?? '', idIndex: row.idIndex ?? '' })))
      : row.legacyCipher
        ? ctx.pii.decrypt(row.legacyCipher, aad(row.id, 'phone'))
        : undefined;
    if (phone === undefined) throw new AppError('CONFLICT', { reason: `事项 ${matter.number} 该当事人的联系电话无法查看 (只存有脱敏值)` });

    const session = sessionTag(ctx.user.sessionId);
    const earlier = await trx
      .selectFrom('kernel.auditLog')
      .select(sql<string>`summary->>'reason'`.as('reason'))
      .where('action', '=', REVEAL_PHONE_ACTION)
      .where('actorId', '=', ctx.user.id)
      .where('targetId', '=', matter.id)
      .where(sql<boolean>`summary->>'partyId' = ${partyId} and summary->>'session' = ${session}`)
      .limit(1)
      .executeTakeFirst();
    const why = earlier?.reason ?? reason?.trim() ?? '';
    if (!earlier) {
      if (why.length < 2) invalid('请选择或填写查看联系电话的理由');
      await checkLimit(trx, ctx.user.id, perHour);
    }
    await appendAudit(trx, ctx.actor, {
      action: REVEAL_PHONE_ACTION,
      targetType: 'matter',
      targetId: matter.id,
      summary: { number: matter.number, partyId, name: row.name, masked: row.phoneMasked, reason: why, session, repeat: !!earlier },
    });
    return { partyId, phone, masked: row.phoneMasked, reason: why, repeat: !!earlier };
  });
}

/** Bulk reveals are refused: at most `perHour` first reveals per user in a rolling hour, with when the next is allowed. */
async function checkLimit(db: Kysely<Database>, userId: string, perHour: number) {
  const r = await db
    .selectFrom('kernel.auditLog')
    .select([sql<number>`count(*)::int`.as('n'), sql<Date | null>`min(at)`.as('oldest')])
    .where('action', '=', REVEAL_PHONE_ACTION)
    .where('actorId', '=', userId)
    .where('at', '>', sql<Date>`now() - interval '1 hour'`)
    .where(sql<boolean>`summary->>'repeat' = 'false'`)
    .executeTakeFirstOrThrow();
  if (r.n < perHour) return;
  const freeAt = (r.oldest ? new Date(r.oldest).getTime() : Date.now()) + 3_600_000;
  throw new AppError('PHONE_REVEAL_LIMIT', { max: perHour, minutes: Math.max(1, Math.ceil((freeAt - Date.now()) / 60_000)) });
}
