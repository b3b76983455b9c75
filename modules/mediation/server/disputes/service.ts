import type { Kysely } from 'kysely';
import {
  assertEventDate,
  appendAudit,
  AppError,
  closeMatterDeadlines,
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
import { SATISFIED_SCORE } from '../../shared/indicators';
import { RULING_DATE_LABEL, type CreateDisputeInput, type Dispute, type DisputeRatings, type FollowUp, type FollowUpInput } from '../../shared/schemas';
import { DISPUTE_WORKFLOW } from '../../shared/workflow';
import { assertCategory } from '../categories/category';
import * as repo from './repository';
import { findScreening } from '../screening/screening-repository';
import { chinaDay } from '@sifa/kernel/shared';

export const toFen = (yuan: number | undefined) => (yuan === undefined ? null : Math.round(yuan * 100));

/**
 * Registers a dispute in one statement (kernel openMatter): the parties (recognised by ID, encrypted, masked) with their roles, the
 * matter with its number, and the dispute row; one audit entry records it all.
 */
/** The deadline an online application opens: the portal's promise to contact the applicant (shared/deadlines.ts). */
export const PORTAL_CONTACT = 'mediation.portal-contact';

/** `subscriber`: the citizen who applied, told by SMS of the receipt and each status change (kernel, ADR 0023). */
export async function registerDispute(ctx: PartyCtx, input: CreateDisputeInput, opts: { subscriber?: { phone: string } } = {}): Promise<Matter> {
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
  const screeningId = input.screeningId;
  // an online application opens the portal's contact promise as a deadline on the workbench (deadlines.ts)
  const portal = input.source === 'portal';
  const within =
    screeningId || portal
      ? async (trx: Kysely<Database>, matter: Matter) => {
          if (screeningId && !(await findScreening(trx, ctx.scope, screeningId))) throw notFound('排查记录');
          if (portal)
            await scheduleDeadline(trx, {
              matterId: matter.id,
              ruleId: PORTAL_CONTACT,
              start: chinaDay(ctx.now),
              orgId: input.orgId,
              today: chinaDay(ctx.now),
            });
        }
      : undefined;
  return openMatter(
    ctx,
    DISPUTE_WORKFLOW,
    {
      orgId: input.orgId,
      title: input.summary,
      data: { source: input.source, category: input.category },
      parties,
      row,
      ...(opts.subscriber ? { subscriber: opts.subscriber } : {}),
    },
    within,
  );
}

export async function getDispute(ctx: Ctx, id: string): Promise<Dispute> {
  const d = await repo.findDispute(ctx.db, ctx.scope, id);
  if (!d) throw notFound('纠纷');
  // the matter came with the dispute (findDispute joins the kernel's matterSummary): no second read
  const iso = (t: Date | string) => new Date(t).toISOString();
  const matter: Matter = {
    id: d.id,
    module: d.module,
    kind: d.kind,
    number: d.number,
    orgId: d.orgId,
    orgName: d.orgName,
    status: d.status,
    title: d.title,
    outcome: d.outcome,
    version: d.version,
    openedAt: iso(d.openedAt),
    closedAt: d.closedAt ? iso(d.closedAt) : null,
  };
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

/**
 * The written agreement (人民调解法 第二十九条) as a numbered PDF with a verification QR code. The title and
 * numbers are public on the verification page, so the title names no party (document.service checks that). Issued
 * in the reach-agreement action's transaction (disputes/actions.ts).
 */
export async function issueAgreement(
  ctx: DocumentCtx,
  trx: Kysely<Database>,
  id: string,
  form: { terms: string[]; signedBy: string; effectiveOn: string; amountYuan?: number | undefined; description: string },
) {
  const parties = await matterPartyNames(trx, id);
  const roleName = (r: string) => (r === 'applicant' ? '申请人' : r === 'respondent' ? '被申请人' : '当事人');
  return issueDocument(
    ctx,
    {
      matterId: id,
      kind: 'mediation.agreement',
      title: '人民调解协议书',
      body: [
        ...parties.map((p) => `${roleName(p.role)}：${p.name}${p.idMasked ? `（证件号码 ${p.idMasked}）` : ''}`),
        `纠纷简要情况：${form.description}`,
        '经人民调解委员会调解，双方当事人自愿达成如下协议：',
        ...form.terms.map((term, i) => `${i + 1}. ${term}`),
        ...(form.amountYuan !== undefined ? [`协议涉及金额：人民币 ${form.amountYuan.toFixed(2)} 元。`] : []),
        `本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效（${form.effectiveOn}）。签名：${form.signedBy}。`,
        '双方当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院申请司法确认（《中华人民共和国人民调解法》第三十三条）。',
      ],
    },
    { trx },
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
    // 裁定日期 no earlier than the agreement it confirms, nor later than today (issue #13 item 4)
    await assertEventDate(trx, DISPUTE_WORKFLOW, id, { label: RULING_DATE_LABEL, on: input.ruledOn, field: 'ruledOn' }, chinaDay(ctx.now));
    await repo.updateDispute(trx, id, { confirmationResult: input.result, confirmationCourt: input.courtName, confirmedOn: input.ruledOn });
    await closeMatterDeadlines(ctx, trx, id);
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
  if (input.visitedOn > chinaDay(ctx.now)) throw field(`回访日期 ${input.visitedOn} 晚于今天`);
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

/** The citizens' ratings of a dispute of the caller's scope (portal, after closing), newest first, without who rated. */
export async function disputeRatings(ctx: Ctx, id: string): Promise<DisputeRatings> {
  if (!(await repo.findDispute(ctx.db, ctx.scope, id))) throw notFound('纠纷');
  const rows = await repo.listRatings(ctx.db, id);
  const total = rows.reduce((n, r) => n + r.score, 0);
  return {
    count: rows.length,
    average: rows.length ? Math.round((total * 100) / rows.length) / 100 : null,
    satisfied: rows.filter((r) => r.score >= SATISFIED_SCORE).length,
    items: rows.map((r) => ({ score: r.score, comment: r.comment, createdAt: new Date(r.createdAt).toISOString() })),
  };
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
