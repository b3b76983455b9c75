import type { Kysely } from 'kysely';
import {
  act,
  appendAudit,
  AppError,
  assignMatter,
  completeMatterDeadlines,
  findUnit,
  getMatter,
  issueDocument,
  matterPartyNames,
  type DocumentCtx,
  notFound,
  openMatter,
  scheduleDeadline,
  type Ctx,
  type Database,
  type Matter,
  type PartyCtx,
} from '@sifa/kernel';
import type { DisputeSource } from '../shared/categories';
import type { ActionForms, CreateDisputeInput, Dispute, FollowUp, FollowUpInput } from '../shared/schemas';
import { DISPUTE_WORKFLOW } from '../shared/workflow';
import type { z } from 'zod';
import { assertCategory } from './category';
import * as repo from './repository';
import { findScreening } from './screening-repository';
import { chinaDay } from '@sifa/kernel/shared';

/** 赣章调〔2026〕123号: unit abbreviation, 调 for mediation, year, sequence (issue #4). */
export const DISPUTE_NUMBER = '{abbr}调〔{year}〕{seq}号';

const today = () => chinaDay();
const toFen = (yuan: number | undefined) => (yuan === undefined ? null : Math.round(yuan * 100));

/**
 * Registers a dispute in one statement (kernel openMatter): the parties (recognised by ID, encrypted, masked) with their roles, the
 * matter with its number, and the dispute row; one audit entry records it all.
 */
export async function registerDispute(ctx: PartyCtx, input: CreateDisputeInput): Promise<Matter> {
  // every way in — staff, portal, screening — comes through here; the court import checks its rows itself
  await assertCategory(ctx.db, input.category);
  const parties = input.parties.map(({ role, ...party }) => ({ role, party }));
  const row = {
    table: 'mediation.disputes',
    values: {
      category: input.category,
      source: input.source,
      description: input.description,
      amountFen: toFen(input.amountYuan),
      address: input.address ?? null,
      courtCaseNumber: input.courtCaseNumber ?? null,
      courtName: input.courtName ?? null,
      courtProcedure: input.courtProcedure ?? null,
      screeningId: input.screeningId ?? null,
    },
  };
  // a dispute found by screening links to a screening record the caller may see (screening.ts)
  const within = input.screeningId
    ? async (trx: Kysely<Database>) => {
        if (!(await findScreening(trx, ctx.scope, input.screeningId as string))) throw notFound('排查记录');
      }
    : undefined;
  return openMatter(
    ctx,
    DISPUTE_WORKFLOW,
    DISPUTE_NUMBER,
    { orgId: input.orgId, title: input.summary, data: { source: input.source, category: input.category }, parties, row },
    within,
  );
}

export async function getDispute(ctx: Ctx, id: string): Promise<Dispute> {
  const d = await repo.findDispute(ctx.db, ctx.scope, id);
  if (!d) throw notFound('纠纷');
  const matter = await getMatter(ctx, id, 'mediation');
  return {
    matter,
    category: d.category,
    source: d.source as Dispute['source'],
    description: d.description,
    amountYuan: d.amountFen === null ? null : d.amountFen / 100,
    address: d.address,
    courtCaseNumber: d.courtCaseNumber,
    courtName: d.courtName,
    courtProcedure: d.courtProcedure,
    committeeOrgId: d.committeeOrgId,
    committeeName: d.committeeName,
    mediatorName: d.mediatorName,
    acceptedAt: d.acceptedAt ? new Date(d.acceptedAt).toISOString() : null,
    agreementKind: d.agreementKind,
    agreementEffectiveOn: d.agreementEffectiveOn,
    agreementAmountYuan: d.agreementAmountFen === null ? null : d.agreementAmountFen / 100,
    preventedCriminal: d.preventedCriminal,
    preventedMassPetition: d.preventedMassPetition,
    personsInvolved: d.personsInvolved,
    confirmationResult: d.confirmationResult,
    performed: (d.performed as Dispute['performed']) ?? null,
    atRisk: d.atRisk,
    related: await repo.relatedDisputes(ctx.db, ctx.scope, id, d.address),
  };
}

/** 特邀调解规定 第二十七条 (spc-court-invited-mediation-provisions-2016.md): the court's limit for this dispute. */
function courtRule(source: DisputeSource, procedure: string | null) {
  if (source === 'court-delegated') return 'mediation.court-delegated';
  if (source === 'court-entrusted') return procedure === 'simplified' ? 'mediation.court-entrusted.simplified' : 'mediation.court-entrusted.ordinary';
  return undefined;
}

const closeOpenDeadlines = (ctx: Ctx, trx: Kysely<Database>, matterId: string) => completeMatterDeadlines(ctx, trx, matterId);

type Forms = typeof ActionForms;
type FormOf<A extends keyof Forms> = z.infer<Forms[A]>;

/** Takes one workflow action with its form; the dispute row, assignments, sessions and deadlines change with it. */
export async function disputeAction<A extends keyof Forms>(ctx: Ctx, id: string, action: A, form: FormOf<A>): Promise<Matter> {
  const current = await repo.findDispute(ctx.db, ctx.scope, id);
  if (!current) throw notFound('纠纷');
  const f = form as Record<string, unknown>;
  const refused = typeof f.partyName === 'string' ? `${f.partyName} 明确拒绝调解` : undefined;
  const note = (f.reason ?? f.note ?? refused) as string | undefined;
  const outcomes: Partial<Record<keyof Forms, string>> = {
    decline: 'declined',
    withdraw: 'withdrawn',
    reachAgreement: 'success',
    fail: 'failed',
    partyRefuses: 'refused',
  };
  const outcome = outcomes[action];
  return act(
    ctx,
    DISPUTE_WORKFLOW,
    id,
    { action, expectedVersion: form.expectedVersion, ...(note ? { note } : {}) },
    {
      ...(outcome ? { outcome } : {}),
      data: Object.fromEntries(Object.entries(f).filter(([k]) => k !== 'expectedVersion')),
      apply: async (trx) => {
        // status, outcome and closing time are the matter's (kernel act); the dispute records its own fields
        const patch: Record<string, unknown> = {};
        switch (action) {
          case 'accept':
            patch.acceptedAt = new Date();
            break;
          case 'assign':
          case 'transfer': {
            const committeeOrgId = String(f.committeeOrgId);
            const committee = await findUnit(trx, committeeOrgId);
            if (committee?.kind !== 'mediation-committee' || !committee.active)
              throw new AppError('VALIDATION_FAILED', { first: '请选择启用中的人民调解委员会' });
            await assignMatter(trx, ctx, id, { orgId: committeeOrgId, role: 'committee' });
            await assignMatter(trx, ctx, id, { userId: (f.mediatorUserId as string | undefined) ?? null, orgId: committeeOrgId, role: 'mediator' });
            Object.assign(patch, { committeeOrgId, mediatorName: f.mediatorName, mediatorUserId: f.mediatorUserId ?? null });
            if (action === 'assign') {
              patch.assignedAt = new Date();
              // The court's period runs from the mediator's sign-off (特邀调解规定 第二十七条第三款).
              const rule = courtRule(current.source as DisputeSource, current.courtProcedure);
              if (rule)
                await scheduleDeadline(trx, {
                  matterId: id,
                  ruleId: rule,
                  start: today(),
                  assigneeId: (f.mediatorUserId as string | undefined) ?? null,
                  orgId: current.orgId,
                });
            }
            break;
          }
          case 'startSession':
          case 'recordSession':
            await repo.insertSession(trx, {
              disputeId: id,
              heldOn: String(f.on),
              place: String(f.place),
              attendees: String(f.attendees),
              record: String(f.record),
              recordedBy: ctx.user.id,
            });
            break;
          case 'reachAgreement': {
            Object.assign(patch, {
              agreedAt: new Date(),
              agreementKind: f.kind,
              agreementEffectiveOn: f.effectiveOn,
              agreementAmountFen: toFen(f.amountYuan as number | undefined),
              preventedCriminal: f.preventedCriminal === true,
              preventedMassPetition: f.preventedMassPetition === true,
              personsInvolved: (f.personsInvolved as number | undefined) ?? null,
            });
            await closeOpenDeadlines(ctx, trx, id);
            // 人民调解法 第三十三条: joint application for judicial confirmation within 30 days of the agreement
            // taking effect — for a court-delegated dispute too (特邀调解规定 第十九条); not for an entrusted one.
            if (current.source !== 'court-entrusted') {
              await scheduleDeadline(trx, {
                matterId: id,
                ruleId: 'mediation.judicial-confirmation',
                start: String(f.effectiveOn),
                assigneeId: current.mediatorUserId,
                orgId: current.orgId,
              });
            }
            break;
          }
          case 'decline':
          case 'withdraw':
          case 'fail':
          case 'partyRefuses':
            await closeOpenDeadlines(ctx, trx, id);
            break;
        }
        await repo.updateDispute(trx, id, patch);
      },
    },
  );
}

/**
 * The written agreement (人民调解法 第二十九条) as a numbered PDF with a verification QR code. The title and
 * numbers are public on the verification page, so the title names no party (document.service checks that).
 */
export async function issueAgreement(
  ctx: DocumentCtx,
  id: string,
  form: { terms: string[]; signedBy: string; effectiveOn: string; amountYuan?: number | undefined },
) {
  const d = await repo.findDispute(ctx.db, ctx.scope, id);
  if (!d) throw notFound('纠纷');
  const parties = await matterPartyNames(ctx.db, id);
  const roleName = (r: string) => (r === 'applicant' ? '申请人' : r === 'respondent' ? '被申请人' : '当事人');
  return issueDocument(
    ctx,
    {
      matterId: id,
      kind: 'mediation.agreement',
      title: '人民调解协议书',
      body: [
        ...parties.map((p) => `${roleName(p.role)}：${p.name}${p.idMasked ? `（证件号码 ${p.idMasked}）` : ''}`),
        `纠纷简要情况：${d.description}`,
        '经人民调解委员会调解，双方当事人自愿达成如下协议：',
        ...form.terms.map((term, i) => `${i + 1}. ${term}`),
        ...(form.amountYuan !== undefined ? [`协议涉及金额：人民币 ${form.amountYuan.toFixed(2)} 元。`] : []),
        `本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效（${form.effectiveOn}）。签名：${form.signedBy}。`,
        '双方当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院申请司法确认（《中华人民共和国人民调解法》第三十三条）。',
      ],
    },
    { numberTemplate: '{abbr}调协〔{year}〕{seq}号' },
  );
}

/** The court's ruling on judicial confirmation; closes the 30-day window. */
export async function recordConfirmation(ctx: Ctx, id: string, input: { result: 'confirmed' | 'dismissed'; courtName: string; ruledOn: string }) {
  const d = await repo.findDispute(ctx.db, ctx.scope, id);
  if (!d) throw notFound('纠纷');
  if (d.status !== 'agreed')
    throw new AppError('INVALID_TRANSITION', { status: DISPUTE_WORKFLOW.labels.statuses[d.status as 'agreed'].zh, action: '登记司法确认结果' });
  if (d.confirmationResult)
    throw new AppError('CONFLICT', { reason: `该纠纷已登记司法确认结果 (${d.confirmationResult === 'confirmed' ? '确认有效' : '驳回申请'})，不能重复登记` });
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateDispute(trx, id, { confirmationResult: input.result, confirmationCourt: input.courtName, confirmedOn: input.ruledOn });
    await closeOpenDeadlines(ctx, trx, id);
    await appendAudit(trx, ctx.actor, {
      action: 'mediation.dispute.confirmation',
      targetType: 'matter',
      targetId: id,
      summary: { number: d.number, ...input },
    });
  });
  return getDispute(ctx, id);
}

const PERFORMED_ZH = { full: '已全部履行', partial: '部分履行', none: '未履行' } as const;

/**
 * 回访: a visit after an agreement recording whether it was performed (人民调解法 第三十一条: the committee supervises
 * performance). Visits are kept; the dispute shows the latest. Only an agreed dispute is followed up, and a visit
 * cannot be dated before the agreement or after today.
 */
export async function recordFollowUp(ctx: Ctx, id: string, input: FollowUpInput): Promise<FollowUp[]> {
  const d = await repo.findDispute(ctx.db, ctx.scope, id);
  if (!d) throw notFound('纠纷');
  if (d.status !== 'agreed')
    throw new AppError('INVALID_TRANSITION', { status: DISPUTE_WORKFLOW.labels.statuses[d.status as 'agreed'].zh, action: '履行回访' });
  const agreedOn = d.agreedAt ? chinaDay(d.agreedAt) : null;
  const field = (message: string) => new AppError('VALIDATION_FAILED', { first: message }, [{ field: 'visitedOn', message }]);
  if (input.visitedOn > today()) throw field(`回访日期 ${input.visitedOn} 晚于今天`);
  if (agreedOn && input.visitedOn < agreedOn) throw field(`回访日期 ${input.visitedOn} 早于达成协议的日期 ${agreedOn}`);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertFollowUp(trx, {
      disputeId: id,
      visitedOn: input.visitedOn,
      performed: input.performed,
      note: input.note ?? null,
      createdBy: ctx.user.id,
      createdByName: ctx.user.displayName,
    });
    // The dispute shows the latest visit (by date; a visit entered late for an earlier date does not override).
    const latest = await repo.latestFollowUp(trx, id);
    await repo.updateDispute(trx, id, { performed: latest.performed, followedUpOn: latest.visitedOn });
    await appendAudit(trx, ctx.actor, {
      action: 'mediation.dispute.follow-up',
      targetType: 'matter',
      targetId: id,
      summary: { number: d.number, visitedOn: input.visitedOn, performed: PERFORMED_ZH[input.performed], note: input.note },
    });
  });
  return listFollowUps(ctx, id);
}

export async function listFollowUps(ctx: Ctx, id: string): Promise<FollowUp[]> {
  if (!(await repo.findDispute(ctx.db, ctx.scope, id))) throw notFound('纠纷');
  const rows = await repo.listFollowUps(ctx.db, id);
  return rows.map((r) => ({ ...r, performed: r.performed as FollowUp['performed'], createdAt: new Date(r.createdAt).toISOString() }));
}

export async function markRisk(ctx: Ctx, id: string, atRisk: boolean, reason: string | undefined) {
  const d = await repo.findDispute(ctx.db, ctx.scope, id);
  if (!d) throw notFound('纠纷');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateDispute(trx, id, { atRisk, riskReason: reason ?? null });
    await appendAudit(trx, ctx.actor, { action: 'mediation.dispute.risk', targetType: 'matter', targetId: id, summary: { number: d.number, atRisk, reason } });
  });
  return getDispute(ctx, id);
}
