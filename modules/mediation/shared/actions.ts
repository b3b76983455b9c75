import { z } from 'zod';
import { countSchema, yuanAmountSchema } from '@sifa/kernel/shared';
import type { DisputeAction } from './workflow';

/**
 * The input of each dispute action (ADR 0014), shared by the console's forms and the server's handlers
 * (server/disputes/actions.ts). Every body carries the version of the dispute the user saw.
 */
const Version = { expectedVersion: z.number().int().min(1, '缺少版本号，请刷新页面后重试') };
const note = z.string().trim().max(2000, '说明不超过 2000 字').optional();

const SessionInput = z.object({
  ...Version,
  on: z.iso.date('调解日期格式应为 YYYY-MM-DD'),
  place: z.string().trim().min(2, '请填写调解地点').max(100),
  attendees: z.string().trim().min(2, '请填写参加人').max(500),
  record: z.string().trim().min(2, '请填写调解记录').max(10000),
});

export const AcceptInput = z.object({ ...Version, note });
/** The applicant was reached (the portal's promise to call, shared/deadlines.ts `mediation.portal-contact`). */
export const RecordContactInput = z.object({
  ...Version,
  note: z.string().trim().min(2, '请写明联系情况，例如“已电话联系申请人，约定周三来所面谈”').max(2000, '说明不超过 2000 字'),
});
export const DeclineInput = z.object({ ...Version, reason: z.string().trim().min(2, '请写明不予受理的理由') });
export const WithdrawInput = z.object({ ...Version, reason: z.string().trim().min(2, '请写明撤回的原因') });
export const AssignInput = z.object({
  ...Version,
  committeeOrgId: z.uuid('请选择人民调解委员会'),
  mediatorName: z.string().trim().min(2, '请填写调解员姓名').max(40),
  mediatorUserId: z.uuid().optional(),
  note,
});
export const TransferInput = z.object({
  ...Version,
  committeeOrgId: z.uuid('请选择接收的人民调解委员会'),
  mediatorName: z.string().trim().min(2, '请填写调解员姓名').max(40),
  reason: z.string().trim().min(2, '请写明移交原因'),
});
export const StartSessionInput = SessionInput;
export const RecordSessionInput = SessionInput;
export const ReachAgreementInput = z
  .object({
    ...Version,
    kind: z.enum(['written', 'oral'], { error: '请选择书面或口头协议' }),
    effectiveOn: z.iso.date('协议生效日期格式应为 YYYY-MM-DD'),
    terms: z.array(z.string().trim().min(2).max(1000)).min(1, '请写明协议内容').max(30),
    amountYuan: yuanAmountSchema('协议涉及金额').optional(),
    signedBy: z.string().trim().min(2, '请写明签名、盖章或按指印的当事人').max(300),
    // the monthly report's 防止民转刑 and 防止群体性上访, each in cases and persons (features.md M6)
    preventedCriminal: z.boolean().optional(),
    preventedMassPetition: z.boolean().optional(),
    personsInvolved: countSchema('涉及人数', 1, 100_000).optional(),
  })
  .refine((v) => !(v.preventedCriminal || v.preventedMassPetition) || v.personsInvolved !== undefined, {
    path: ['personsInvolved'],
    message: '认定防止民转刑或防止群体性上访的，请填写涉及人数',
  });
export type ReachAgreementInput = z.infer<typeof ReachAgreementInput>;
export const FailInput = z.object({
  ...Version,
  reason: z.string().trim().min(2, '请写明调解不成的原因'),
  remediesTold: z.literal(true, { error: '须告知当事人可通过仲裁、行政、司法等途径维护权利 (人民调解法 第二十六条)' }),
});
export const PartyRefusesInput = z.object({ ...Version, partyName: z.string().trim().min(1, '请填写拒绝调解的当事人'), note });

/** The forms of the workflow actions by name (each action's body); every action of the workflow has one. */
export const ActionForms = {
  recordContact: RecordContactInput,
  accept: AcceptInput,
  decline: DeclineInput,
  withdraw: WithdrawInput,
  assign: AssignInput,
  transfer: TransferInput,
  startSession: StartSessionInput,
  recordSession: RecordSessionInput,
  reachAgreement: ReachAgreementInput,
  fail: FailInput,
  partyRefuses: PartyRefusesInput,
} as const satisfies Record<DisputeAction, z.ZodType<{ expectedVersion: number }>>;
