import { z } from 'zod';
import { ActInput, illFormedCharacter, pageOf, PersonInput } from '@sifa/kernel/shared';
import { EligibilityInput, MATTER_CATEGORY_KEYS } from './eligibility';
import { CASE_CHANNELS, CASE_STATUSES } from './workflow';

export { CASE_CHANNELS };

/** How an application came in (法律援助法 第三十五条～第三十九条; issue #15 item 1). */
export type CaseChannel = keyof typeof CASE_CHANNELS;
export const CASE_CHANNEL_KEYS = Object.keys(CASE_CHANNELS) as [CaseChannel, ...CaseChannel[]];
const Channel = z.enum(CASE_CHANNEL_KEYS, '请选择申请渠道');

/** 第三十六条: the body that notifies. */
export const NOTIFYING_BODIES = {
  court: { zh: '人民法院' },
  procuratorate: { zh: '人民检察院' },
  police: { zh: '公安机关' },
} as const;
export type NotifyingBody = keyof typeof NOTIFYING_BODIES;

const text = (label: string, max: number, min = 2) =>
  z
    .string(`请填写${label}`)
    .trim()
    .min(min, `请填写${label}`)
    .max(max, `${label}不超过 ${max} 字`)
    .refine((s) => !illFormedCharacter(s), `${label}含有无法保存的字符`);

export const CreateCaseInput = EligibilityInput.extend({
  /** The competent legal-aid centre (第三十八条) — the unit that decides. */
  orgId: z.uuid('请选择承办的法律援助机构'),
  channel: Channel,
  applicant: PersonInput,
  summary: text('案情摘要', 2000),
  /** The adverse party's name, for the conflict check of the assigned lawyer. */
  adverseParty: text('对方当事人', 100).optional(),
  /** Where the application was handed in when that is not the competent centre (全市通办), and why it went there. */
  receivedAt: text('收件地点', 60).optional(),
  routingReason: text('转办理由', 200).optional(),
  notifiedBy: z.enum(Object.keys(NOTIFYING_BODIES) as [NotifyingBody, ...NotifyingBody[]], '请选择通知机关').optional(),
  notifyingOrgan: text('通知机关名称', 60).optional(),
  /** The day the notice or the forwarded application arrived (defaults to today). */
  receivedOn: z.iso.date('收到日期格式应为 YYYY-MM-DD').optional(),
  /** 第二十六条: the person may be sentenced to death or life imprisonment, or it is a death-sentence review. */
  capitalCase: z.boolean().default(false),
}).superRefine((v, ctx) => {
  if (v.channel === 'notice' && !v.notifiedBy)
    ctx.addIssue({ code: 'custom', path: ['notifiedBy'], message: '办案机关通知的案件，请选择通知机关（法律援助法第三十六条）' });
  if (v.channel === 'notice' && v.category !== 'criminal-notified')
    ctx.addIssue({ code: 'custom', path: ['category'], message: '办案机关通知的案件，援助事项类别应为“刑事辩护（通知辩护）”' });
  if (v.receivedAt && !v.routingReason)
    ctx.addIssue({ code: 'custom', path: ['routingReason'], message: '在其他地点收件的，请说明转由本机构办理的理由（法律援助法第三十八条）' });
});
export type CreateCaseInput = z.input<typeof CreateCaseInput>;

export const CaseFilter = z.object({
  q: z.string().trim().max(60).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  channel: Channel.optional(),
  category: z.enum(MATTER_CATEGORY_KEYS).optional(),
  /** The console's unit filter: cases of this unit and the units under it. */
  orgId: z.uuid().optional(),
});
export type CaseFilter = z.infer<typeof CaseFilter>;

export const CaseListItem = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  status: z.enum(CASE_STATUSES),
  channel: z.string(),
  category: z.string(),
  eligibilityArticle: z.string(),
  lawyerName: z.string().nullable(),
  orgName: z.string(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  dueDate: z.string().nullable(),
  level: z.enum(['normal', 'due-soon', 'overdue']).nullable(),
});
export type CaseListItem = z.infer<typeof CaseListItem>;
export const CasePage = pageOf(CaseListItem);

export const ProgressEntry = z.object({ at: z.string(), kind: z.string(), note: z.string(), date: z.string().nullable(), by: z.string() });
export type ProgressEntry = z.infer<typeof ProgressEntry>;

/** A case: the kernel matter's fields (number, status, unit, times) and the module's own. */
export const CaseDetail = CaseListItem.omit({ dueDate: true, level: true }).extend({
  summary: z.string(),
  eligible: z.boolean(),
  meansTest: z.string(),
  eligibilityBasis: z.string(),
  priorAid: z.boolean(),
  commitment: z.boolean(),
  commitmentSampled: z.boolean(),
  capitalCase: z.boolean(),
  notifiedBy: z.string().nullable(),
  notifyingOrgan: z.string().nullable(),
  receivedOn: z.string(),
  receivedAt: z.string().nullable(),
  routingReason: z.string().nullable(),
  adverseParty: z.string().nullable(),
  materialsRequested: z.string().nullable(),
  decisionReason: z.string().nullable(),
  lawyerId: z.string().nullable(),
  assignmentReason: z.string().nullable(),
  assignedOn: z.string().nullable(),
  sameDay: z.boolean(),
  terminationGround: z.string().nullable(),
  outcome: z.string().nullable(),
  benefitFen: z.number().int().nullable(),
  progress: z.array(ProgressEntry),
  version: z.number().int(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

const Body = ActInput.omit({ action: true, note: true });
const reason = (label: string) => Body.extend({ reason: text(label, 1000) });

/** 第四十三条第二款: 一次性告知申请人需要补充的材料 — every missing item at once. */
export const RequestMaterialsInput = Body.extend({ materials: text('需要补充的材料', 1000) });
/** The missing materials came in: the review counts again. */
export const SupplyMaterialsInput = Body.extend({ note: text('说明', 500).optional() });
/** 第四十三条第一款: 决定给予法律援助 (the eligibility the console shows is the basis). */
export const GrantInput = Body.extend({ note: text('审查意见', 500).optional() });
/** 第四十三条第一款: 决定不给予法律援助的，应当书面告知申请人，并说明理由. */
export const RefuseInput = reason('不予法律援助的理由');
export const WithdrawInput = reason('撤回的原因');
export const AssignInput = Body.extend({ lawyerId: z.uuid('请选择承办人员') });
/** 司法部令第148号: the client asks for another lawyer, with the reason. */
export const ChangeLawyerInput = AssignInput.extend({ reason: text('更换理由', 500) });

export const PROGRESS_KINDS = {
  meeting: { zh: '会见' },
  'file-reading': { zh: '阅卷' },
  hearing: { zh: '开庭' },
  progress: { zh: '其他进展' },
} as const;
export type ProgressKind = keyof typeof PROGRESS_KINDS;
export const RecordProgressInput = Body.extend({
  kind: z.enum(Object.keys(PROGRESS_KINDS) as [ProgressKind, ...ProgressKind[]], '请选择进展类别'),
  note: text('进展情况', 1000),
  date: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
});

/** 第四十八条第一款 (一)～(八): the grounds on which the centre ends legal aid. */
export const TERMINATION_GROUNDS = {
  fraud: '受援人以欺骗或者其他不正当手段获得法律援助（第四十八条第一款第（一）项）',
  concealment: '受援人故意隐瞒与案件有关的重要事实或者提供虚假证据（第（二）项）',
  'illegal-use': '受援人利用法律援助从事违法活动（第（三）项）',
  'means-changed': '受援人的经济状况发生变化，不再符合法律援助条件（第（四）项）',
  'case-ended': '案件终止审理或者已经被撤销（第（五）项）',
  'own-lawyer': '受援人自行委托律师或者其他代理人（第（六）项）',
  'client-request': '受援人有正当理由要求终止法律援助（第（七）项）',
  other: '法律法规规定的其他情形（第（八）项）',
} as const;
export type TerminationGround = keyof typeof TERMINATION_GROUNDS;
export const TerminateInput = Body.extend({
  ground: z.enum(Object.keys(TERMINATION_GROUNDS) as [TerminationGround, ...TerminationGround[]], '请选择终止的情形（法律援助法第四十八条）'),
  reason: text('终止说明', 500),
});

/** 第五十条: 办理结束后报告 — the outcome and the economic benefit recovered for the client. */
export const CloseInput = Body.extend({
  outcome: text('办理结果', 2000),
  benefitYuan: z.number('挽回经济损失应为数字').min(0, '挽回经济损失不能为负数').max(1e10, '挽回经济损失过大').optional(),
});
export const ObjectInput = reason('异议理由');
export const UpholdDecisionInput = reason('维持原决定的理由');
export const OrderCorrectionInput = reason('责令改正的理由');

/** The forms of the typed actions by name (the console renders and checks them; the server parses the same). */
export const ACTION_INPUTS = {
  requestMaterials: RequestMaterialsInput,
  supplyMaterials: SupplyMaterialsInput,
  grant: GrantInput,
  refuse: RefuseInput,
  withdraw: WithdrawInput,
  assign: AssignInput,
  changeLawyer: ChangeLawyerInput,
  recordProgress: RecordProgressInput,
  terminate: TerminateInput,
  close: CloseInput,
  object: ObjectInput,
  upholdDecision: UpholdDecisionInput,
  orderCorrection: OrderCorrectionInput,
} as const;
export type FormAction = keyof typeof ACTION_INPUTS;
