import { z } from 'zod';
import { ActInput, pageOf, PartyInput } from '@sifa/kernel/shared';
import {
  ACT_TYPE_KEYS,
  CASE_CHANNELS,
  DECISION_CLOSINGS,
  SECTOR_KEYS,
  STAFF_CHANNELS,
  SUSPENSION_GROUNDS,
  TERMINATION_CLOSINGS,
  type CaseChannel,
} from './catalogue';
import { CASE_STATUSES } from './workflow';

// Statute: ../shared/laws/administrative-reconsideration-law-2023.md (行政复议法). Every message says which field and what to do.

export * from './catalogue';

const Day = (what: string) => z.iso.date(`${what}格式应为 YYYY-MM-DD`);
const text = (what: string, min: number, max: number) =>
  z
    .string(`请填写${what}`)
    .trim()
    .min(min, min > 1 ? `${what}至少 ${min} 个字` : `请填写${what}`)
    .max(max, `${what}不超过 ${max} 字`);
const Sector = z.enum(SECTOR_KEYS, '请选择行业领域');
const ActType = z.enum(ACT_TYPE_KEYS, '请选择行政行为类别');

/** An applicant (第十四条 person or organisation) or the agent (第十七条): a party with its role. */
export const CaseParty = z.intersection(PartyInput, z.object({ role: z.enum(['applicant', 'agent', 'third-party'], '请选择当事人身份') }));
export type CaseParty = z.infer<typeof CaseParty>;

/** What every registration carries — at the window, by post, forwarded (第三十二条) or online. */
export const ApplicationFields = z.object({
  /** The respondent from the register, or its name when it is not there. */
  agencyId: z.uuid('请从名录中选择被申请人').optional(),
  respondent: text('被申请人', 2, 100),
  sector: Sector,
  actType: ActType,
  /** 当场作出的行政处罚 (第二十三条第一款第一项, 第五十三条第一款第一项). */
  onTheSpot: z.boolean().default(false),
  act: text('申请复议的行政行为', 2, 500),
  request: text('行政复议请求', 2, 1000),
  reasons: z.string().trim().max(5000, '事实和理由不超过 5000 字').default(''),
  actKnownOn: Day('知道该行政行为的日期').optional(),
  lateReason: z.string().trim().max(500, '逾期理由不超过 500 字').optional(),
  enterprise: z.boolean().default(false),
});

export const CreateCaseInput = ApplicationFields.extend({
  /** The reconsideration body's unit (the county or city bureau acting as its 行政复议机构). */
  orgId: z.uuid('请选择行政复议机构'),
  channel: z.enum(STAFF_CHANNELS, '请选择申请方式'),
  receivedOn: Day('收到申请日期'),
  forwardedBy: z.string().trim().max(100, '转送机关不超过 100 字').optional(),
  parties: z.array(CaseParty, '请填写申请人').min(1, '请至少填写一名申请人').max(20, '当事人不超过 20 个'),
}).superRefine((v, ctx) => {
  if (!v.parties.some((p) => p.role === 'applicant')) ctx.addIssue({ code: 'custom', path: ['parties'], message: '请至少填写一名申请人' });
  if (v.channel === 'forwarded' && !v.forwardedBy)
    ctx.addIssue({ code: 'custom', path: ['forwardedBy'], message: '经处罚机关转送的，请填写转送机关（第三十二条）' });
  if (v.actKnownOn && v.actKnownOn > v.receivedOn) ctx.addIssue({ code: 'custom', path: ['actKnownOn'], message: '知道该行政行为的日期不能晚于收到申请日期' });
});
export type CreateCaseInput = z.infer<typeof CreateCaseInput>;

export const CaseFilter = z.object({
  q: z.string().trim().max(60, '查询内容不超过 60 个字').optional(),
  status: z.enum(CASE_STATUSES, '状态不正确').optional(),
  channel: z.enum(Object.keys(CASE_CHANNELS) as [CaseChannel, ...CaseChannel[]], '申请方式不正确').optional(),
  sector: Sector.optional(),
  actType: ActType.optional(),
  enterprise: z.enum(['true', 'false'], '涉企筛选不正确').optional(),
  /** The console's unit filter: cases of this unit and the units under it. */
  orgId: z.uuid('单位编号格式不正确').optional(),
});
export type CaseFilter = z.infer<typeof CaseFilter>;

export const CaseListItem = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  status: z.enum(CASE_STATUSES),
  channel: z.string(),
  respondent: z.string(),
  sector: z.string(),
  actType: z.string(),
  receivedOn: z.string(),
  acceptedOn: z.string().nullable(),
  closing: z.string().nullable(),
  reconsiderationFirst: z.boolean(),
  enterprise: z.boolean(),
  orgName: z.string(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  dueDate: z.string().nullable(),
  level: z.enum(['normal', 'due-soon', 'overdue']).nullable(),
});
export type CaseListItem = z.infer<typeof CaseListItem>;
export const CasePage = pageOf(CaseListItem);

/** A case: the kernel matter's fields (number, status, unit, times) and the module's own. */
export const CaseDetail = CaseListItem.omit({ dueDate: true, level: true }).extend({
  act: z.string(),
  request: z.string(),
  reasons: z.string(),
  actKnownOn: z.string().nullable(),
  windowDue: z.string().nullable(),
  lateReason: z.string().nullable(),
  forwardedBy: z.string().nullable(),
  procedure: z.string().nullable(),
  correctionItems: z.string().nullable(),
  deemedAccepted: z.boolean(),
  declineReason: z.string().nullable(),
  competentBody: z.string().nullable(),
  closedOn: z.string().nullable(),
  decisionSummary: z.string().nullable(),
  lossRecoveredFen: z.number(),
  published: z.boolean(),
  imported: z.boolean(),
  version: z.number().int(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

const Body = ActInput.omit({ action: true, note: true });

/** 补正通知 (第三十一条第一款): the items, once; the applicant's 10 working days run from `notifiedOn`. */
export const RequestCorrectionInput = Body.extend({
  items: text('需要补正的事项', 2, 1000),
  notifiedOn: Day('申请人收到补正通知的日期'),
});
/** 收到补正材料: the review runs again from that day (第三十一条第三款). */
export const ReceiveCorrectionInput = Body.extend({ receivedOn: Day('收到补正材料的日期') });
/** 视为放弃 (第三十一条第二款): no correction in time and no good reason. */
export const AbandonInput = Body.extend({ note: text('记录在案的情况', 2, 500) });

/** 受理: the procedure (第五十三条; simplified needs a ground or the parties' consent) and the day. */
export const AcceptInput = Body.extend({
  procedure: z.enum(['ordinary', 'simplified'], '请选择审理程序'),
  acceptedOn: Day('受理日期'),
  simplifiedGround: z.string().trim().max(200, '适用简易程序的理由不超过 200 字').optional(),
}).superRefine((v, ctx) => {
  if (v.procedure === 'simplified' && !v.simplifiedGround)
    ctx.addIssue({ code: 'custom', path: ['simplifiedGround'], message: '适用简易程序的，请写明第五十三条的情形或者各方同意' });
});
/** 不予受理 (第三十条第二款): the reasons; outside this body's jurisdiction, the competent body too. */
export const DeclineInput = Body.extend({
  reason: text('不予受理的理由', 2, 500),
  outsideJurisdiction: z.boolean().default(false),
  competentBody: z.string().trim().max(100, '有管辖权的机关不超过 100 字').optional(),
}).superRefine((v, ctx) => {
  if (v.outsideJurisdiction && !v.competentBody)
    ctx.addIssue({ code: 'custom', path: ['competentBody'], message: '不属于本机关管辖的，请填写有管辖权的行政复议机关（第三十条第二款）' });
});
/** 中止 (第三十九条): the ground by item and the day; the decision period stops. */
export const SuspendInput = Body.extend({
  ground: z.enum(SUSPENSION_GROUNDS, '请选择中止的情形（第三十九条）'),
  from: Day('中止日期'),
});
/** 恢复审理 (第三十九条第二款): the day the period runs again. */
export const ResumeInput = Body.extend({ on: Day('恢复审理日期') });
/** 终止 (第四十一条): how (和解、撤回、其他) and why. */
export const TerminateInput = Body.extend({
  closing: z.enum(TERMINATION_CLOSINGS, '请选择终止的情形'),
  reason: text('终止的理由', 2, 500),
  closedOn: Day('终止日期'),
});
/** 延长 (第六十二条第一款): once, ≤ 30 days, approved by the head of the 行政复议机构, the parties told in writing. */
export const ExtendInput = Body.extend({
  days: z.number('请填写延长天数').int('延长天数应为整数').min(1, '延长天数至少 1 日').max(30, '延长期限最多不得超过三十日（第六十二条第一款）'),
  approvedBy: text('批准的负责人', 2, 50),
  reason: text('延长的理由', 2, 500),
});
/** 转为普通程序 (第五十五条). */
export const ConvertInput = Body.extend({ reason: text('转为普通程序的理由', 2, 500) });
/** 作出决定 (第六十三至六十九条、第七十三条、第三十三条): the type, the gist, the loss recovered. */
export const DecideInput = Body.extend({
  closing: z.enum(DECISION_CLOSINGS, '请选择决定类型'),
  summary: text('决定要点', 2, 2000),
  decidedOn: Day('决定日期'),
  lossRecoveredYuan: z.number('挽回经济损失应为数字').min(0, '挽回经济损失不能为负数').max(1e10, '挽回经济损失过大').optional(),
  publish: z.boolean().default(false),
});

/** The forms of the typed actions by name (the console renders and checks them; the server parses the same). */
export const ACTION_INPUTS = {
  requestCorrection: RequestCorrectionInput,
  receiveCorrection: ReceiveCorrectionInput,
  abandon: AbandonInput,
  accept: AcceptInput,
  decline: DeclineInput,
  suspend: SuspendInput,
  resume: ResumeInput,
  terminate: TerminateInput,
  extend: ExtendInput,
  convert: ConvertInput,
  decide: DecideInput,
} as const;
export type FormAction = keyof typeof ACTION_INPUTS;

/** The import's answer: a line per row, the problems of each refused one (server/import.ts). */
export const ImportReport = z.object({
  created: z.number(),
  failed: z.number(),
  rows: z.array(z.object({ row: z.number(), ok: z.boolean(), number: z.string().nullable(), id: z.string().nullable(), problems: z.array(z.string()) })),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** A respondent agency of the register (被申请人名录). */
export const Agency = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  kind: z.string(),
  sector: z.string(),
  superior: z.string(),
  active: z.boolean(),
});
export type Agency = z.infer<typeof Agency>;

export const AGENCY_KINDS = {
  department: { zh: '政府工作部门' },
  government: { zh: '下一级人民政府' },
  dispatched: { zh: '派出机关' },
  other: { zh: '其他' },
} as const;

/** 第二十四条: each agency is registered under the 行政复议机构 competent for it (the unit `orgId`). */
export const CreateAgencyInput = z.object({
  orgId: z.uuid('请选择有管辖权的行政复议机构'),
  name: z.string('请填写机关名称').trim().min(2, '机关名称至少 2 个字').max(100, '机关名称不超过 100 字'),
  kind: z.enum(Object.keys(AGENCY_KINDS) as [keyof typeof AGENCY_KINDS, ...(keyof typeof AGENCY_KINDS)[]], '请选择机关类别'),
  sector: z.enum(SECTOR_KEYS, '请选择行业领域'),
  superior: z.string('请填写上级机关').trim().min(2, '上级机关至少 2 个字').max(100, '上级机关不超过 100 字'),
});
export type CreateAgencyInput = z.infer<typeof CreateAgencyInput>;
