import type { Kysely } from 'kysely';
import {
  addDays,
  AppError,
  closeMatterDeadlines,
  defineAction,
  notFound,
  pauseMatterDeadlines,
  resumeMatterDeadlines,
  scheduleDeadline,
  type ActionCtx,
  type Database,
  type Matter,
} from '@sifa/kernel';
import { chinaDay } from '@sifa/kernel/shared';
import { MATTER_CATEGORIES } from '../shared/eligibility';
import { assignmentRefusal, suggestLawyer } from '../shared/lawyers';
import {
  AssignInput,
  ChangeLawyerInput,
  CloseInput,
  GrantInput,
  ObjectInput,
  OrderCorrectionInput,
  PROGRESS_KINDS,
  RecordProgressInput,
  RefuseInput,
  RequestMaterialsInput,
  SupplyMaterialsInput,
  TERMINATION_GROUNDS,
  TerminateInput,
  UpholdDecisionInput,
  WithdrawInput,
} from '../shared/schemas';
import { CASE_WORKFLOW } from '../shared/workflow';
import * as repo from './repository';

// The typed actions (ADR 0014): the kernel makes `POST /api/legal-aid/cases/:id/<action>`, checks the permission,
// the scope, the version and the transition, and audits; the handler's writes join that transaction. Each cites the
// article of 法律援助法 (../shared/laws/legal-aid-law-2021.md) it carries out.

const wf = CASE_WORKFLOW;
const refuse = (first: string) => new AppError('VALIDATION_FAILED', { first });
/** A pause or resumption takes effect on a day after the start (the start day itself is never counted). */
const effectiveDay = (today: string, receivedOn: string) => (today > receivedOn ? today : addDays(receivedOn, 1));
const dayOf = (v: string | Date) => (typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10));

async function entry(ctx: ActionCtx, trx: Kysely<Database>, matter: Matter, kind: string, note: string, date: string | null = null) {
  await repo.appendProgress(trx, matter.id, { at: ctx.now.toISOString(), kind, note, date, by: ctx.user.displayName });
}

/** 第四十三条第二款: 材料不齐全的，一次性告知需要补充的材料; the review waits ([P]: the days are not counted). */
const requestMaterials = defineAction({
  workflow: wf,
  name: 'requestMaterials',
  input: RequestMaterialsInput,
  note: (i) => i.materials,
  probe: { body: { materials: '身份证明、经济困难承诺书' } },
  handle: async (ctx, trx, matter, input) => {
    const row = await repo.caseRow(trx, matter.id);
    await repo.updateCase(trx, matter.id, { materialsRequested: input.materials });
    await pauseMatterDeadlines(ctx, trx, matter.id, { from: effectiveDay(chinaDay(ctx.now), dayOf(row.receivedOn)), reason: '一次性告知补充材料' });
  },
});

const supplyMaterials = defineAction({
  workflow: wf,
  name: 'supplyMaterials',
  input: SupplyMaterialsInput,
  note: (i) => i.note,
  probe: { body: {} },
  handle: async (ctx, trx, matter) => {
    const row = await repo.caseRow(trx, matter.id);
    await resumeMatterDeadlines(ctx, trx, matter.id, { on: effectiveDay(chinaDay(ctx.now), dayOf(row.receivedOn)) });
  },
});

/** 第四十三条第二款: 未按要求补充材料的，视为撤回申请; or the applicant withdraws. */
const withdraw = defineAction({
  workflow: wf,
  name: 'withdraw',
  input: WithdrawInput,
  outcome: 'withdrawn',
  note: (i) => i.reason,
  probe: { body: { reason: '申请人撤回' } },
  handle: async (ctx, trx, matter) => {
    await closeMatterDeadlines(ctx, trx, matter.id);
  },
});

/** 第四十三条第一款: 决定给予法律援助; the 3-day assignment starts (a notified case's has run since the notice, 第三十六条). */
const grant = defineAction({
  workflow: wf,
  name: 'grant',
  input: GrantInput,
  note: (i) => i.note,
  probe: { body: {} },
  handle: async (ctx, trx, matter, input) => {
    const row = await repo.caseRow(trx, matter.id);
    const today = chinaDay(ctx.now);
    await repo.updateCase(trx, matter.id, { grantedOn: today, decisionReason: input.note ?? row.eligibilityBasis });
    if (row.channel !== 'notice') {
      await closeMatterDeadlines(ctx, trx, matter.id);
      await scheduleDeadline(trx, { matterId: matter.id, ruleId: 'legal-aid.assignment', start: today, orgId: matter.orgId, today });
    }
  },
});

/** 第四十三条第一款: 决定不给予法律援助的，应当书面告知申请人，并说明理由. */
const refuseAid = defineAction({
  workflow: wf,
  name: 'refuse',
  input: RefuseInput,
  note: (i) => i.reason,
  probe: { body: { reason: '不符合经济困难条件' } },
  handle: async (ctx, trx, matter, input) => {
    await closeMatterDeadlines(ctx, trx, matter.id);
    await repo.updateCase(trx, matter.id, { decisionReason: input.reason });
  },
});

/** Checks the person may take the case (scope, 第二十六条) and says why they were chosen. */
async function chosen(ctx: ActionCtx, trx: Kysely<Database>, caseId: string, lawyerId: string) {
  const row = await repo.caseRow(trx, caseId);
  const lawyer = await repo.findLawyer(trx, ctx.scope, lawyerId);
  if (!lawyer) throw notFound('承办人员');
  const need = { capitalCase: row.capitalCase, specialty: (MATTER_CATEGORIES as Record<string, { zh: string } | undefined>)[row.category]?.zh };
  const why = assignmentRefusal(lawyer, need);
  if (why) throw refuse(why);
  const next = suggestLawyer(await repo.activePool(trx, ctx.scope), need);
  const reason =
    next.lawyer?.id === lawyer.id
      ? next.reasonZh
      : `人工选择${lawyer.name}（${lawyer.firm}，在办 ${lawyer.openCases} 件）；轮流建议为${next.lawyer?.name ?? '无'}`;
  return { row, lawyer, reason };
}

/** 第四十三条第一款、第三十六条: 指派法律援助人员 — the rotation's suggestion or another, with the reason recorded. */
const assign = defineAction({
  workflow: wf,
  name: 'assign',
  input: AssignInput,
  probe: { body: { lawyerId: '$lawyer' } },
  handle: async (ctx, trx, matter, input) => {
    const { row, lawyer, reason } = await chosen(ctx, trx, matter.id, input.lawyerId);
    const today = chinaDay(ctx.now);
    await closeMatterDeadlines(ctx, trx, matter.id);
    await repo.countCase(trx, lawyer.id, 1, ctx.now);
    // 当天申请、当天受理、当天指派: received, granted and assigned on one day (Asia/Shanghai)
    const sameDay = dayOf(row.receivedOn) === today && row.grantedOn !== null && dayOf(row.grantedOn) === today;
    await repo.updateCase(trx, matter.id, { lawyerId: lawyer.id, assignedAt: ctx.now, assignmentReason: reason, sameDay });
    await entry(ctx, trx, matter, 'assigned', `指派${lawyer.name}（${lawyer.firm}，${lawyer.phone}）承办，已告知受援人联系方式`);
  },
});

/** 司法部令第148号: 受援人有正当理由要求更换法律援助人员. */
const changeLawyer = defineAction({
  workflow: wf,
  name: 'changeLawyer',
  input: ChangeLawyerInput,
  note: (i) => i.reason,
  probe: { body: { lawyerId: '$lawyer', reason: '受援人申请更换' } },
  handle: async (ctx, trx, matter, input) => {
    const { row, lawyer, reason } = await chosen(ctx, trx, matter.id, input.lawyerId);
    if (row.lawyerId === lawyer.id) throw refuse(`${lawyer.name}已是本案承办人员，请选择其他人员`);
    if (row.lawyerId) await repo.countCase(trx, row.lawyerId, -1);
    await repo.countCase(trx, lawyer.id, 1, ctx.now);
    await repo.updateCase(trx, matter.id, { lawyerId: lawyer.id, assignmentReason: reason });
    await entry(ctx, trx, matter, 'changed', `更换为${lawyer.name}（${lawyer.firm}）：${input.reason}`);
  },
});

/** 司法部令第148号: meetings and file reading at the required stages, progress, court dates. */
const recordProgress = defineAction({
  workflow: wf,
  name: 'recordProgress',
  input: RecordProgressInput,
  note: (i) => `${PROGRESS_KINDS[i.kind].zh}：${i.note}`,
  probe: { body: { kind: 'meeting', note: '会见受援人' } },
  handle: async (ctx, trx, matter, input) => {
    await entry(ctx, trx, matter, input.kind, input.note, input.date ?? null);
  },
});

/** 第四十八条: 终止法律援助, on one of its grounds; the lawyer's load drops. */
const terminate = defineAction({
  workflow: wf,
  name: 'terminate',
  input: TerminateInput,
  note: (i) => `${TERMINATION_GROUNDS[i.ground]}：${i.reason}`,
  probe: { body: { ground: 'own-lawyer', reason: '受援人自行委托律师' } },
  handle: async (ctx, trx, matter, input) => {
    const row = await repo.caseRow(trx, matter.id);
    await closeMatterDeadlines(ctx, trx, matter.id);
    if (row.lawyerId) await repo.countCase(trx, row.lawyerId, -1);
    await repo.updateCase(trx, matter.id, { terminationGround: input.ground, decisionReason: input.reason });
  },
});

/** 第五十条: 办理结束 — the outcome and the economic benefit recovered. */
const close = defineAction({
  workflow: wf,
  name: 'close',
  input: CloseInput,
  outcome: 'closed',
  note: (i) => i.outcome,
  probe: { body: { outcome: '胜诉，已执行' } },
  handle: async (ctx, trx, matter, input) => {
    const row = await repo.caseRow(trx, matter.id);
    await closeMatterDeadlines(ctx, trx, matter.id);
    if (row.lawyerId) await repo.countCase(trx, row.lawyerId, -1);
    await repo.updateCase(trx, matter.id, { outcome: input.outcome, benefitFen: input.benefitYuan === undefined ? null : Math.round(input.benefitYuan * 100) });
  },
});

/** 第四十九条第一款: 异议 to the justice bureau, which decides within 5 days (第二款). */
const object = defineAction({
  workflow: wf,
  name: 'object',
  input: ObjectInput,
  note: (i) => i.reason,
  probe: { body: { reason: '申请人认为符合条件' } },
  handle: async (ctx, trx, matter) => {
    const today = chinaDay(ctx.now);
    await scheduleDeadline(trx, { matterId: matter.id, ruleId: 'legal-aid.objection', start: today, orgId: matter.orgId, today });
  },
});

/** 第四十九条第二款: 维持法律援助机构决定 (第三款: the applicant may then seek reconsideration or sue). */
const upholdDecision = defineAction({
  workflow: wf,
  name: 'upholdDecision',
  input: UpholdDecisionInput,
  outcome: 'upheld',
  note: (i) => i.reason,
  probe: { body: { reason: '原决定正确' } },
  handle: async (ctx, trx, matter) => {
    await closeMatterDeadlines(ctx, trx, matter.id);
  },
});

/** 第四十九条第二款: 责令法律援助机构改正 — a refusal goes back to review (a new 7 days), a termination back to handling. */
const orderCorrection = defineAction({
  workflow: wf,
  name: 'orderCorrection',
  input: OrderCorrectionInput,
  note: (i) => i.reason,
  probe: { body: { reason: '原决定认定事实不清' } },
  handle: async (ctx, trx, matter) => {
    const today = chinaDay(ctx.now);
    await closeMatterDeadlines(ctx, trx, matter.id);
    if (matter.status === 'applied') await scheduleDeadline(trx, { matterId: matter.id, ruleId: 'legal-aid.review', start: today, orgId: matter.orgId, today });
    else {
      const row = await repo.caseRow(trx, matter.id);
      if (row.lawyerId) await repo.countCase(trx, row.lawyerId, 1);
      await repo.updateCase(trx, matter.id, { terminationGround: null });
    }
  },
});

/** Every typed action of the case workflow, for `defineModule({ actions })`. */
export const CASE_ACTIONS = [
  requestMaterials,
  supplyMaterials,
  withdraw,
  grant,
  refuseAid,
  assign,
  changeLawyer,
  recordProgress,
  terminate,
  close,
  object,
  upholdDecision,
  orderCorrection,
];
