import { z } from 'zod';
import { DisputeCategorySchema, DisputePartyInput } from './schemas';

/** One referral from a court (委派 before filing / 委托 after filing / 邀请), keeping the court's case number. */
export const CourtReferral = z.object({
  courtCaseNumber: z.string().trim().min(4, '请填写法院案号').max(60),
  courtName: z.string().trim().min(2, '请填写法院名称').max(60),
  kind: z.enum(['court-delegated', 'court-entrusted', 'court-invited'], { error: '调解类型应为委派、委托或邀请' }),
  courtProcedure: z.enum(['ordinary', 'simplified']).optional(),
  category: DisputeCategorySchema,
  summary: z.string().trim().min(2, '请简述纠纷').max(60),
  description: z.string().trim().min(5, '请写明纠纷事实和请求').max(5000),
  parties: z.array(DisputePartyInput).min(1, '至少一名当事人').max(20),
});
export type CourtReferral = z.infer<typeof CourtReferral>;

/** A batch the court sends to one receiving unit (a county bureau or a linked committee's judicial office). */
export const CourtReferralBatch = z.object({
  orgId: z.uuid('请选择接收单位'),
  rows: z.array(z.unknown()).min(1, '至少一条').max(2000, '一批不超过 2000 条'),
});

export const CourtReferralReport = z.object({
  created: z.number().int(),
  rows: z.array(
    z.object({
      row: z.number().int(),
      courtCaseNumber: z.string().nullable(),
      ok: z.boolean(),
      number: z.string().nullable(),
      problems: z.array(z.string()),
    }),
  ),
});
export type CourtReferralReport = z.infer<typeof CourtReferralReport>;

/** What goes back to the court for one case number. */
export const CourtResult = z.object({
  /** The dispute (for a link in the console). */
  id: z.string(),
  courtCaseNumber: z.string(),
  courtName: z.string().nullable(),
  number: z.string(),
  status: z.string(),
  statusZh: z.string(),
  outcome: z.string().nullable(),
  registeredOn: z.string(),
  closedOn: z.string().nullable(),
  agreementKind: z.string().nullable(),
  agreementEffectiveOn: z.string().nullable(),
});
export type CourtResult = z.infer<typeof CourtResult>;
