import {
  AppError,
  cancelDeadline,
  closeMatterDeadlines,
  completeDeadline,
  defineAction,
  extendDeadline,
  listMatterDeadlines,
  pauseMatterDeadlines,
  resumeDeadline,
  scheduleDeadline,
  type ActionCtx,
  type Ctx,
  type Database,
  type Deadline,
} from '@sifa/kernel';
import { chinaDay } from '@sifa/kernel/shared';
import type { Kysely } from 'kysely';
import {
  AbandonInput,
  AcceptInput,
  CLOSINGS,
  ConvertInput,
  DecideInput,
  DeclineInput,
  ExtendInput,
  ReceiveCorrectionInput,
  RequestCorrectionInput,
  ResumeInput,
  SuspendInput,
  TerminateInput,
} from '../shared/schemas';
import { CASE_WORKFLOW } from '../shared/workflow';
import { findCase, updateCase } from './repository';
import { issueCaseDocument } from './documents';

// The typed actions (ADR 0014): the kernel makes `POST /api/reconsideration/cases/:id/<action>`, checks the permission,
// the scope, the version and the transition, and audits; each handler's writes join that transaction.
// Statute: ../shared/laws/administrative-reconsideration-law-2023.md (行政复议法).

const refuse = (reason: string) => new AppError('CONFLICT', { reason });
const deadlines = (ctx: ActionCtx, trx: Kysely<Database>, id: string) => listMatterDeadlines({ ...ctx, db: trx }, id);
const live = (d: Deadline) => d.status === 'open' || d.status === 'paused';

/** The case as the handler's transaction sees it (the action already checked it is in scope). */
async function current(ctx: ActionCtx, trx: Kysely<Database>, id: string) {
  const c = await findCase(trx, ctx.scope, id);
  if (!c) throw refuse('案件不存在');
  return c;
}

/** Starts a period of the case from `start` in the action's transaction. */
const schedule = (ctx: Ctx, trx: Kysely<Database>, matter: { id: string; orgId: string }, ruleId: string, start: string) =>
  scheduleDeadline(trx, { matterId: matter.id, ruleId, start, orgId: matter.orgId, today: chinaDay(ctx.now) });

/** 补正通知 (第三十一条第一款): once, within the review period; the applicant's 10 working days start. */
const requestCorrection = defineAction({
  workflow: CASE_WORKFLOW,
  name: 'requestCorrection',
  input: RequestCorrectionInput,
  note: (i) => i.items,
  probe: { body: { items: '请补充行政处罚决定书复印件', notifiedOn: '2026-03-02' } },
  handle: async (ctx, trx, matter, input) => {
    const c = await current(ctx, trx, matter.id);
    if (c.correctionItems) throw refuse('补正通知应当一次性载明需要补正的事项（第三十一条第一款），本案已通知过补正，不能再次通知');
    if (input.notifiedOn < c.receivedOn) throw refuse(`收到补正通知的日期不能早于收到申请的日期 ${c.receivedOn}`);
    for (const d of await deadlines(ctx, trx, matter.id))
      if (d.ruleId === 'reconsideration.intake-review' && live(d)) await completeDeadline(ctx, d.id, {}, trx);
    await updateCase(trx, matter.id, { correctionItems: input.items });
    await schedule(ctx, trx, matter, 'reconsideration.correction', input.notifiedOn);
    await issueCaseDocument(ctx, trx, matter.id, 'reconsideration.correction-notice');
  },
});

/** 收到补正材料 (第三十一条第三款): the review of 第三十条 runs again from that day. */
const receiveCorrection = defineAction({
  workflow: CASE_WORKFLOW,
  name: 'receiveCorrection',
  input: ReceiveCorrectionInput,
  probe: { body: { receivedOn: '2026-03-05' } },
  handle: async (ctx, trx, matter, input) => {
    for (const d of await deadlines(ctx, trx, matter.id)) if (d.ruleId === 'reconsideration.correction' && live(d)) await completeDeadline(ctx, d.id, {}, trx);
    await schedule(ctx, trx, matter, 'reconsideration.intake-review', input.receivedOn);
  },
});

/** 视为放弃 (第三十一条第二款): only once the correction period has ended without the materials. */
const abandon = defineAction({
  workflow: CASE_WORKFLOW,
  name: 'abandon',
  input: AbandonInput,
  outcome: 'abandoned',
  note: (i) => i.note,
  probe: { body: { note: '逾期未补正，无正当理由' } },
  handle: async (ctx, trx, matter) => {
    const today = chinaDay(ctx.now);
    const period = (await deadlines(ctx, trx, matter.id)).find((d) => d.ruleId === 'reconsideration.correction' && live(d));
    if (period && period.dueDate >= today) throw refuse(`补正期限至 ${period.dueDate} 届满，届满前不能视为放弃申请（第三十一条第二款）`);
    await closeMatterDeadlines(ctx, trx, matter.id);
    await updateCase(trx, matter.id, { closedOn: today });
  },
});

/** 受理 (第三十条第一款) under a procedure (第五十三条): the copy to the respondent and the decision period start. */
const accept = defineAction({
  workflow: CASE_WORKFLOW,
  name: 'accept',
  input: AcceptInput,
  note: (i) => (i.procedure === 'simplified' ? `适用简易程序：${i.simplifiedGround ?? ''}` : '适用普通程序'),
  probe: { body: { procedure: 'ordinary', acceptedOn: '2026-03-03' } },
  handle: async (ctx, trx, matter, input) => {
    const c = await current(ctx, trx, matter.id);
    if (input.acceptedOn < c.receivedOn) throw refuse(`受理日期不能早于收到申请的日期 ${c.receivedOn}`);
    await closeMatterDeadlines(ctx, trx, matter.id);
    await updateCase(trx, matter.id, { acceptedOn: input.acceptedOn, procedure: input.procedure });
    await startProcedure(ctx, trx, matter, input.procedure, input.acceptedOn);
  },
});

/** The periods that run from acceptance: the copy (第四十八条 / 第五十四条) and the decision (第六十二条). */
export async function startProcedure(ctx: Ctx, trx: Kysely<Database>, matter: { id: string; orgId: string }, procedure: string, acceptedOn: string) {
  const simplified = procedure === 'simplified';
  await schedule(ctx, trx, matter, simplified ? 'reconsideration.copy-to-respondent.simplified' : 'reconsideration.copy-to-respondent', acceptedOn);
  await schedule(ctx, trx, matter, simplified ? 'reconsideration.decision.simplified' : 'reconsideration.decision.ordinary', acceptedOn);
}

/** 不予受理 (第三十条第二款): the reasons, and the competent body when it is not this one's. */
const decline = defineAction({
  workflow: CASE_WORKFLOW,
  name: 'decline',
  input: DeclineInput,
  outcome: 'declined',
  note: (i) => (i.competentBody ? `${i.reason}；有管辖权的行政复议机关：${i.competentBody}` : i.reason),
  probe: { body: { reason: '超过法定申请期限且无正当理由' } },
  handle: async (ctx, trx, matter, input) => {
    await closeMatterDeadlines(ctx, trx, matter.id);
    await updateCase(trx, matter.id, { declineReason: input.reason, competentBody: input.competentBody ?? null, closedOn: chinaDay(ctx.now) });
    await issueCaseDocument(ctx, trx, matter.id, 'reconsideration.decline-decision');
  },
});

/** 中止 (第三十九条): the decision period stops from `from` (kernel pauseMatterDeadlines: only the rules that pause). */
const suspend = defineAction({
  workflow: CASE_WORKFLOW,
  name: 'suspend',
  input: SuspendInput,
  note: (i) => `${i.ground}（自 ${i.from} 起）`,
  probe: { body: { ground: '需要中止行政复议的其他情形', from: chinaDay() } },
  handle: async (ctx, trx, matter, input) => {
    const paused = await pauseMatterDeadlines(ctx, trx, matter.id, { from: input.from, reason: input.ground });
    if (!paused.length) throw refuse('本案没有正在计算的审理期限，无需中止计时');
  },
});

/** 恢复审理 (第三十九条第二款): the paused periods run again from `on`. */
const resume = defineAction({
  workflow: CASE_WORKFLOW,
  name: 'resume',
  input: ResumeInput,
  probe: { body: { on: chinaDay() } },
  handle: async (ctx, trx, matter, input) => {
    for (const d of await deadlines(ctx, trx, matter.id)) if (d.status === 'paused') await resumeDeadline(ctx, d.id, { on: input.on }, trx);
  },
});

/** 终止 (第四十一条): 和解后撤回, 撤回, or another ground; the case is closed. */
const terminate = defineAction({
  workflow: CASE_WORKFLOW,
  name: 'terminate',
  input: TerminateInput,
  outcome: 'terminated',
  note: (i) => `${CLOSINGS[i.closing].zh}：${i.reason}`,
  probe: { body: { closing: 'withdrawn', reason: '申请人撤回申请', closedOn: chinaDay() } },
  handle: async (ctx, trx, matter, input) => {
    await closeMatterDeadlines(ctx, trx, matter.id);
    await updateCase(trx, matter.id, { closing: input.closing, closedOn: input.closedOn, decisionSummary: input.reason });
    await issueCaseDocument(ctx, trx, matter.id, 'reconsideration.termination-decision');
  },
});

/** 延长 (第六十二条第一款): the ordinary decision period, once, by ≤ 30 days (the kernel checks the rule's policy). */
const extend = defineAction({
  workflow: CASE_WORKFLOW,
  name: 'extend',
  input: ExtendInput,
  note: (i) => `延长 ${i.days} 日，经${i.approvedBy}批准：${i.reason}`,
  probe: { body: { days: 30, approvedBy: '行政复议机构负责人', reason: '案情复杂' } },
  handle: async (ctx, trx, matter, input) => {
    const period = (await deadlines(ctx, trx, matter.id)).find((d) => d.ruleId.startsWith('reconsideration.decision.') && live(d));
    if (!period) throw refuse('本案没有正在计算的行政复议决定期限');
    if (period.ruleId === 'reconsideration.decision.simplified')
      throw refuse('简易程序的审理期限依法不得延长（第六十二条第二款）；案情复杂的，请先转为普通程序（第五十五条）');
    await extendDeadline(ctx, period.id, { amount: input.days, unit: 'day', reason: `${input.reason}（${input.approvedBy}批准）` }, trx);
    await issueCaseDocument(ctx, trx, matter.id, 'reconsideration.extension-notice');
  },
});

/**
 * 转为普通程序 (第五十五条): the simplified periods end and the ordinary decision period runs from the original
 * acceptance (第六十二条第一款 counts from acceptance; docs/adr/0028).
 */
const convert = defineAction({
  workflow: CASE_WORKFLOW,
  name: 'convert',
  input: ConvertInput,
  note: (i) => i.reason,
  probe: { body: { reason: '案情复杂' } },
  handle: async (ctx, trx, matter) => {
    const c = await current(ctx, trx, matter.id);
    if (c.procedure !== 'simplified') throw refuse('本案适用普通程序，无需转换（第五十五条）');
    for (const d of await deadlines(ctx, trx, matter.id))
      if (d.ruleId === 'reconsideration.decision.simplified' && live(d)) await cancelDeadline(ctx, d.id, trx);
    await updateCase(trx, matter.id, { procedure: 'ordinary' });
    await schedule(ctx, trx, matter, 'reconsideration.decision.ordinary', c.acceptedOn ?? chinaDay(ctx.now));
  },
});

/** 作出行政复议决定 (第六十三至六十九条, 第七十三条 调解书, 第三十三条 驳回申请): the case is closed, the decision issued. */
const decide = defineAction({
  workflow: CASE_WORKFLOW,
  name: 'decide',
  input: DecideInput,
  outcome: 'decided',
  note: (i) => `${CLOSINGS[i.closing].zh}：${i.summary}`,
  probe: { body: { closing: 'upheld', summary: '维持原行政行为', decidedOn: chinaDay() } },
  handle: async (ctx, trx, matter, input) => {
    await closeMatterDeadlines(ctx, trx, matter.id);
    await updateCase(trx, matter.id, {
      closing: input.closing,
      closedOn: input.decidedOn,
      decisionSummary: input.summary,
      lossRecoveredFen: Math.round((input.lossRecoveredYuan ?? 0) * 100),
      published: input.publish,
    });
    await issueCaseDocument(ctx, trx, matter.id, input.closing === 'mediated' ? 'reconsideration.mediation-document' : 'reconsideration.decision');
  },
});

/** Every typed action of the case workflow, for `defineModule({ actions })`. 视为受理 is the job's (jobs.ts). */
export const CASE_ACTIONS = [requestCorrection, receiveCorrection, abandon, accept, decline, suspend, resume, terminate, extend, convert, decide];
