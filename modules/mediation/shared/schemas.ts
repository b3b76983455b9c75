import { z } from 'zod';
import { checkIdNumber, checkMobile, checkUscc, IdTypeSchema, Matter, PartyInput, yuanAmountSchema } from '@sifa/kernel/shared';
import { CATEGORY_CODE_PATTERN, DISPUTE_SOURCE_CODES, PARTY_ROLES, type DisputePartyRole, type DisputeSource } from './categories';
import { DISPUTE_STATUSES } from './workflow';

/**
 * A category code of `mediation.categories` (the list is data an administrator keeps): the schema checks the form
 * only; the server checks that the category exists and is active (server/categories/category.ts assertCategory).
 */
export const DisputeCategorySchema = z.string({ error: '请选择纠纷类型' }).trim().regex(CATEGORY_CODE_PATTERN, '请选择纠纷类型');
export const DisputeSourceSchema = z.enum(DISPUTE_SOURCE_CODES as [DisputeSource, ...DisputeSource[]], { error: '请选择纠纷来源' });

/** An amount in yuan with at most two decimals (stored in fen); a clean number only, the field named in the refusal. */
export const YuanAmount = yuanAmountSchema('金额');
const yuan = yuanAmountSchema('涉及金额');

// the roles of the dispute workflow's partyRoles (categories.ts PARTY_ROLES)
export const DisputePartyInput = PartyInput.and(
  z.object({ role: z.enum(Object.keys(PARTY_ROLES) as [DisputePartyRole, ...DisputePartyRole[]], { error: '请选择当事人角色' }) }),
);

export const CreateDisputeInput = z
  .object({
    orgId: z.uuid('请选择受理单位'),
    category: DisputeCategorySchema,
    source: DisputeSourceSchema,
    summary: z.string().trim().min(2, '请简述纠纷 (至少 2 个字)').max(60, '纠纷名称不超过 60 个字'),
    description: z.string().trim().min(5, '请写明纠纷事实和请求 (至少 5 个字)').max(5000, '纠纷情况不超过 5000 字'),
    amountYuan: yuan.optional(),
    address: z.string().trim().max(200, '地址不超过 200 个字').optional(),
    courtCaseNumber: z.string().trim().max(60).optional(),
    courtName: z.string().trim().max(60).optional(),
    courtProcedure: z.enum(['ordinary', 'simplified']).optional(),
    /** The screening 排查 that found the dispute (source `screening`; shared/screening.ts). */
    screeningId: z.uuid('排查记录编号格式不正确').optional(),
    parties: z.array(DisputePartyInput).min(1, '至少登记一名当事人').max(20, '当事人不超过 20 名'),
  })
  .superRefine((v, ctx) => {
    const court = v.source.startsWith('court-');
    if (court && !v.courtCaseNumber) ctx.addIssue({ code: 'custom', path: ['courtCaseNumber'], message: '法院委派、委托、邀请的纠纷须填写法院案号' });
    if (v.source === 'court-entrusted' && !v.courtProcedure)
      ctx.addIssue({ code: 'custom', path: ['courtProcedure'], message: '法院委托调解须注明适用普通程序还是简易程序' });
    if (v.screeningId && v.source !== 'screening') ctx.addIssue({ code: 'custom', path: ['source'], message: '从排查记录登记的纠纷，来源应为“矛盾纠纷排查”' });
    if (!v.parties.some((p) => p.role === 'applicant')) ctx.addIssue({ code: 'custom', path: ['parties'], message: '至少有一名申请人' });
  });
export type CreateDisputeInput = z.infer<typeof CreateDisputeInput>;

export const Dispute = z.object({
  matter: Matter,
  category: DisputeCategorySchema,
  source: DisputeSourceSchema,
  description: z.string(),
  amountYuan: z.number().nullable(),
  address: z.string().nullable(),
  courtCaseNumber: z.string().nullable(),
  courtName: z.string().nullable(),
  courtProcedure: z.string().nullable(),
  committeeOrgId: z.string().nullable(),
  committeeName: z.string().nullable(),
  mediatorName: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  agreementKind: z.string().nullable(),
  agreementEffectiveOn: z.string().nullable(),
  /** 协议涉及金额 and the monthly report's 防止民转刑 / 防止群体性上访 with the persons involved. */
  agreementAmountYuan: z.number().nullable(),
  preventedCriminal: z.boolean(),
  preventedMassPetition: z.boolean(),
  personsInvolved: z.number().nullable(),
  confirmationResult: z.string().nullable(),
  /** The latest follow-up: full / partial / none (null before any). */
  performed: z.enum(['full', 'partial', 'none']).nullable(),
  atRisk: z.boolean(),
  /** Earlier disputes of the same parties or address in the last 12 months (features.md M5). */
  related: z.array(z.object({ id: z.string(), number: z.string(), title: z.string(), status: z.string(), openedAt: z.string(), reason: z.string() })),
});
export type Dispute = z.infer<typeof Dispute>;

export const DisputeListItem = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  status: z.enum(DISPUTE_STATUSES),
  category: z.string(),
  source: z.string(),
  orgName: z.string(),
  committeeName: z.string().nullable(),
  mediatorName: z.string().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  atRisk: z.boolean(),
  dueDate: z.string().nullable(),
  level: z.enum(['normal', 'due-soon', 'overdue']).nullable(),
});
export type DisputeListItem = z.infer<typeof DisputeListItem>;

export const DisputeFilter = z.object({
  q: z.string().trim().max(60).optional(),
  status: z.enum(DISPUTE_STATUSES).optional(),
  category: DisputeCategorySchema.optional(),
  source: DisputeSourceSchema.optional(),
  orgId: z.uuid().optional(),
  from: z.iso.date('开始日期格式应为 YYYY-MM-DD').optional(),
  to: z.iso.date('结束日期格式应为 YYYY-MM-DD').optional(),
  atRisk: z.enum(['true', 'false']).optional(),
});
export type DisputeFilter = z.infer<typeof DisputeFilter>;

const note = z.string().trim().max(2000, '说明不超过 2000 字').optional();

/** The court's ruling date as the date check names it (it may not precede the agreement it confirms). */
export const RULING_DATE_LABEL = '裁定日期';

export const ConfirmationInput = z.object({
  result: z.enum(['confirmed', 'dismissed'], { error: '请选择法院裁定结果' }),
  courtName: z.string().trim().min(2, '请填写法院名称').max(60),
  ruledOn: z.iso.date('裁定日期格式应为 YYYY-MM-DD'),
});

/** A follow-up visit after an agreement (人民调解法 第三十一条): when, and whether the agreement was performed. */
export const FollowUpInput = z.object({
  visitedOn: z.iso.date('回访日期格式应为 YYYY-MM-DD'),
  performed: z.enum(['full', 'partial', 'none'], { error: '请选择履行情况' }),
  note,
});
export type FollowUpInput = z.infer<typeof FollowUpInput>;

export const FollowUp = z.object({
  id: z.string(),
  visitedOn: z.string(),
  performed: z.enum(['full', 'partial', 'none']),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type FollowUp = z.infer<typeof FollowUp>;

// ── Public portal: a citizen applies for mediation, then rates the mediator (issue #4 item 6) ──

const portalPhone = z.string().trim().max(30, '手机号码过长').optional();

/** The other side as a citizen knows it: a name, and an ID number or credit code when known. */
export const PortalRespondentInput = z
  .object({
    kind: z.enum(['person', 'organisation'], { error: '请选择被申请人是个人还是单位' }),
    name: z.string().trim().min(1, '请填写被申请人姓名或名称').max(100, '姓名或名称不超过 100 个字'),
    idType: IdTypeSchema.optional(),
    idNumber: z.string().trim().max(40, '证件号码过长').optional(),
    uscc: z.string().trim().max(30, '统一社会信用代码过长').optional(),
    phone: portalPhone,
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'person' && v.idNumber) {
      const id = checkIdNumber(v.idType ?? 'resident-id', v.idNumber);
      if (!id.ok) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: `被申请人${v.name}的证件号码有误：${id.problem}` });
    }
    if (v.kind === 'organisation' && v.uscc) {
      const code = checkUscc(v.uscc);
      if (!code.ok) ctx.addIssue({ code: 'custom', path: ['uscc'], message: `被申请人${v.name}的统一社会信用代码有误：${code.problem}` });
    }
    const phone = v.phone ? checkMobile(v.phone) : undefined;
    if (phone && !phone.ok) ctx.addIssue({ code: 'custom', path: ['phone'], message: `被申请人${v.name}的手机号码有误：${phone.problem}` });
  });
export type PortalRespondentInput = z.infer<typeof PortalRespondentInput>;

export const PortalApplicationInput = z.object({
  officeId: z.uuid('请选择司法所'),
  category: DisputeCategorySchema,
  summary: z.string().trim().min(2, '请简述纠纷 (至少 2 个字)').max(60, '纠纷名称不超过 60 个字'),
  description: z.string().trim().min(5, '请写明纠纷事实和请求 (至少 5 个字)').max(5000, '纠纷情况不超过 5000 字'),
  address: z.string().trim().max(200, '地址不超过 200 个字').optional(),
  applicant: z
    .object({
      name: z.string().trim().min(1, '请填写您的姓名').max(100, '姓名不超过 100 个字'),
      idType: IdTypeSchema,
      idNumber: z.string({ error: '请填写您的证件号码' }).trim().max(40, '证件号码过长'),
    })
    .superRefine((v, ctx) => {
      const id = checkIdNumber(v.idType, v.idNumber);
      if (!id.ok) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: `您的证件号码有误：${id.problem}` });
    }),
  respondents: z.array(PortalRespondentInput).min(1, '请至少填写一名被申请人').max(10, '被申请人不超过 10 名'),
});
export type PortalApplicationInput = z.infer<typeof PortalApplicationInput>;

export const PortalApplicationResult = z.object({ number: z.string(), officeName: z.string() });
export type PortalApplicationResult = z.infer<typeof PortalApplicationResult>;

export const PortalOffice = z.object({ id: z.string(), name: z.string(), countyName: z.string().nullable() });
export type PortalOffice = z.infer<typeof PortalOffice>;

export const RatingInput = z.object({
  number: z.string().trim().min(3, '请输入编号').max(60),
  score: z.number({ error: '请选择 1 至 5 星' }).int('请选择 1 至 5 星').min(1, '请选择 1 至 5 星').max(5, '请选择 1 至 5 星'),
  comment: z.string().trim().max(500, '评价内容不超过 500 个字').optional(),
});
export type RatingInput = z.infer<typeof RatingInput>;

/** Whether the signed-in citizen may rate the mediation of `number`, and the rating given if any. */
export const RatingStatus = z.object({
  eligible: z.boolean(),
  rating: z.object({ score: z.number(), comment: z.string().nullable(), createdAt: z.string() }).nullable(),
});
export type RatingStatus = z.infer<typeof RatingStatus>;

/**
 * The citizens' ratings of one dispute as the console shows them (issue #13 item 9): how many, their average and how
 * many satisfied (4 or 5 stars: 满意 and 非常满意 of the five levels of 国办发〔2019〕51号 好差评), each without who gave it.
 */
export const DisputeRatings = z.object({
  count: z.number().int(),
  average: z.number().nullable(),
  satisfied: z.number().int(),
  items: z.array(z.object({ score: z.number().int(), comment: z.string().nullable(), createdAt: z.string() })),
});
export type DisputeRatings = z.infer<typeof DisputeRatings>;
