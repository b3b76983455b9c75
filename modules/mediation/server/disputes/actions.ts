import type { Kysely } from 'kysely';
import {
  AppError,
  assignMatter,
  closeMatterDeadlines,
  defineAction,
  findUnit,
  notFound,
  scheduleDeadline,
  type ActionCtx,
  type Database,
  type Matter,
} from '@sifa/kernel';
import { chinaDay } from '@sifa/kernel/shared';
import {
  AcceptInput,
  AssignInput,
  DeclineInput,
  FailInput,
  PartyRefusesInput,
  ReachAgreementInput,
  RecordContactInput,
  RecordSessionInput,
  StartSessionInput,
  TransferInput,
  WithdrawInput,
} from '../../shared/actions';
import type { DisputeSource } from '../../shared/categories';
import { DISPUTE_WORKFLOW } from '../../shared/workflow';
import * as repo from './repository';
import { issueAgreement, PORTAL_CONTACT, toFen } from './service';

/**
 * The dispute workflow's actions (ADR 0014): each one's input (shared/actions.ts), its handler and a valid body for
 * the scope test. The kernel makes the routes (`/api/mediation/disputes/:id/<action>`) and runs each handler inside
 * the action's transaction, after the transition and version checks and before the audit entry.
 */

/** The dispute row in the caller's scope, read in the action's transaction. */
async function disputeOf(ctx: ActionCtx, trx: Kysely<Database>, id: string) {
  const d = await repo.findDispute(trx, ctx.scope, id);
  if (!d) throw notFound('纠纷');
  return d;
}

/** 特邀调解规定 第二十七条 (spc-court-invited-mediation-provisions-2016.md): the court's limit for this dispute. */
function courtRule(source: DisputeSource, procedure: string | null) {
  if (source === 'court-delegated') return 'mediation.court-delegated';
  if (source === 'court-entrusted') return procedure === 'simplified' ? 'mediation.court-entrusted.simplified' : 'mediation.court-entrusted.ordinary';
  return undefined;
}

/** Ends the dispute: its open deadlines close with it (a kernel call). */
const ending = async (ctx: ActionCtx, trx: Kysely<Database>, matter: Matter) => {
  await closeMatterDeadlines(ctx, trx, matter.id);
};

const session = { on: '2026-01-05', place: '调解室', attendees: '双方当事人', record: '调解过程记录' };
const wf = DISPUTE_WORKFLOW;

/** Accepting or recording the contact keeps the portal's promise to call the applicant: its deadline is met. */
const contacted = (ctx: ActionCtx, trx: Kysely<Database>, matter: Matter) => closeMatterDeadlines(ctx, trx, matter.id, [PORTAL_CONTACT]);

const recordContact = defineAction({
  workflow: wf,
  name: 'recordContact',
  input: RecordContactInput,
  note: (i) => i.note,
  probe: { body: { note: '已电话联系申请人' } },
  handle: async (ctx, trx, matter) => {
    await contacted(ctx, trx, matter);
  },
});

const accept = defineAction({
  workflow: wf,
  name: 'accept',
  input: AcceptInput,
  note: (i) => i.note,
  probe: { body: {} },
  handle: async (ctx, trx, matter) => {
    await contacted(ctx, trx, matter);
    await repo.updateDispute(trx, matter.id, { acceptedAt: ctx.now });
  },
});

const decline = defineAction({
  workflow: wf,
  name: 'decline',
  input: DeclineInput,
  outcome: 'declined',
  note: (i) => i.reason,
  probe: { body: { reason: '不属于受理范围' } },
  handle: ending,
});

const withdraw = defineAction({
  workflow: wf,
  name: 'withdraw',
  input: WithdrawInput,
  outcome: 'withdrawn',
  note: (i) => i.reason,
  probe: { body: { reason: '当事人撤回' } },
  handle: ending,
});

/** Assigning and transferring name a committee and a mediator; the committee must be an active one in scope. */
async function assignCommittee(
  ctx: ActionCtx,
  trx: Kysely<Database>,
  matter: Matter,
  input: { committeeOrgId: string; mediatorName: string; mediatorUserId?: string | undefined },
) {
  const committee = await findUnit(trx, input.committeeOrgId);
  if (committee?.kind !== 'mediation-committee' || !committee.active) throw new AppError('VALIDATION_FAILED', { first: '请选择启用中的人民调解委员会' });
  await assignMatter(trx, ctx, matter.id, { orgId: input.committeeOrgId, role: 'committee' });
  await assignMatter(trx, ctx, matter.id, { userId: input.mediatorUserId ?? null, orgId: input.committeeOrgId, role: 'mediator' });
  return { committeeOrgId: input.committeeOrgId, mediatorName: input.mediatorName, mediatorUserId: input.mediatorUserId ?? null };
}

const assign = defineAction({
  workflow: wf,
  name: 'assign',
  input: AssignInput,
  note: (i) => i.note,
  probe: { body: { committeeOrgId: '$committee', mediatorName: '李调解' } },
  handle: async (ctx, trx, matter, input) => {
    const current = await disputeOf(ctx, trx, matter.id);
    const assigned = await assignCommittee(ctx, trx, matter, input);
    // The court's period runs from the mediator's sign-off (特邀调解规定 第二十七条第三款).
    const rule = courtRule(current.source as DisputeSource, current.courtProcedure);
    if (rule)
      await scheduleDeadline(trx, {
        matterId: matter.id,
        ruleId: rule,
        start: chinaDay(ctx.now),
        assigneeId: input.mediatorUserId ?? null,
        orgId: current.orgId,
      });
    await repo.updateDispute(trx, matter.id, { ...assigned, assignedAt: ctx.now });
  },
});

const transfer = defineAction({
  workflow: wf,
  name: 'transfer',
  input: TransferInput,
  note: (i) => i.reason,
  probe: { body: { committeeOrgId: '$committee', mediatorName: '李调解', reason: '移交' } },
  handle: async (ctx, trx, matter, input) => repo.updateDispute(trx, matter.id, await assignCommittee(ctx, trx, matter, input)),
});

/** A mediation session's record (人民调解法 第二十二条). */
const recordSessionRow = async (ctx: ActionCtx, trx: Kysely<Database>, matter: Matter, input: typeof session) => {
  await repo.insertSession(trx, {
    disputeId: matter.id,
    heldOn: input.on,
    place: input.place,
    attendees: input.attendees,
    record: input.record,
    recordedBy: ctx.user.id,
  });
};

const startSession = defineAction({ workflow: wf, name: 'startSession', input: StartSessionInput, probe: { body: session }, handle: recordSessionRow });
const recordSession = defineAction({ workflow: wf, name: 'recordSession', input: RecordSessionInput, probe: { body: session }, handle: recordSessionRow });

const reachAgreement = defineAction({
  workflow: wf,
  name: 'reachAgreement',
  input: ReachAgreementInput,
  outcome: 'success',
  probe: { body: { kind: 'oral', effectiveOn: '2026-01-05', terms: ['双方和解'], signedBy: '双方当事人' } },
  handle: async (ctx, trx, matter, input) => {
    const current = await disputeOf(ctx, trx, matter.id);
    await closeMatterDeadlines(ctx, trx, matter.id);
    // 人民调解法 第三十三条: joint application for judicial confirmation within 30 days of the agreement
    // taking effect — for a court-delegated dispute too (特邀调解规定 第十九条); not for an entrusted one.
    if (current.source !== 'court-entrusted') {
      await scheduleDeadline(trx, {
        matterId: matter.id,
        ruleId: 'mediation.judicial-confirmation',
        start: input.effectiveOn,
        assigneeId: current.mediatorUserId,
        orgId: current.orgId,
      });
    }
    await repo.updateDispute(trx, matter.id, {
      agreedAt: ctx.now,
      agreementKind: input.kind,
      agreementEffectiveOn: input.effectiveOn,
      agreementAmountFen: toFen(input.amountYuan),
      preventedCriminal: input.preventedCriminal === true,
      preventedMassPetition: input.preventedMassPetition === true,
      personsInvolved: input.personsInvolved ?? null,
    });
    // A written agreement is printed at once with its number and QR code (人民调解法 第二十八、二十九条), in this
    // transaction: if the PDF cannot be issued, the agreement is not recorded either.
    if (input.kind === 'written') await issueAgreement(ctx, trx, matter.id, { ...input, description: current.description });
  },
});

const fail = defineAction({
  workflow: wf,
  name: 'fail',
  input: FailInput,
  outcome: 'failed',
  note: (i) => i.reason,
  probe: { body: { reason: '分歧过大', remediesTold: true } },
  handle: ending,
});

const partyRefuses = defineAction({
  workflow: wf,
  name: 'partyRefuses',
  input: PartyRefusesInput,
  outcome: 'refused',
  note: (i) => i.note ?? `${i.partyName} 明确拒绝调解`,
  probe: { body: { partyName: '张三' } },
  handle: ending,
});

/** Every action of the dispute workflow, for `defineModule({ actions })`. */
export const DISPUTE_ACTIONS = [recordContact, accept, decline, withdraw, assign, transfer, startSession, recordSession, reachAgreement, fail, partyRefuses];
