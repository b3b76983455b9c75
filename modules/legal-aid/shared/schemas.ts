import { z } from 'zod';
import { ActInput, pageOf } from '@sifa/kernel/shared';
import { CASE_STATUSES } from './workflow';

/** How a case came in (登记渠道). TODO: the channels the line's seeds name. */
export const CASE_CHANNELS = {
  window: { zh: '窗口登记', en: 'Counter' },
  phone: { zh: '电话', en: 'Phone' },
  referral: { zh: '转交', en: 'Referral' },
} as const;
export type CaseChannel = keyof typeof CASE_CHANNELS;
const Channel = z.enum(Object.keys(CASE_CHANNELS) as [CaseChannel, ...CaseChannel[]], '请选择登记渠道');

export const CreateCaseInput = z.object({
  orgId: z.uuid('请选择承办单位'),
  title: z.string('请填写案件名称').trim().min(2, '案件名称至少 2 个字').max(60, '案件名称不超过 60 字'),
  channel: Channel,
  summary: z.string('请填写基本情况').trim().min(2, '请填写基本情况').max(2000, '基本情况不超过 2000 字'),
});
export type CreateCaseInput = z.infer<typeof CreateCaseInput>;

export const CaseFilter = z.object({
  q: z.string().trim().max(60).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  channel: Channel.optional(),
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
  summary: z.string(),
  declineReason: z.string().nullable(),
  result: z.string().nullable(),
  version: z.number().int(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

const Body = ActInput.omit({ action: true, note: true });

/** 不予受理: the reason is required (told to the applicant). A typed action: its route is `POST …/cases/:id/decline`. */
export const DeclineInput = Body.extend({ reason: z.string('请填写不予受理的理由').trim().min(2, '请填写不予受理的理由').max(500, '理由不超过 500 字') });
export type DeclineInput = z.infer<typeof DeclineInput>;

/** 办结: the result of the case. */
export const CloseInput = Body.extend({ result: z.string('请填写办理结果').trim().min(2, '请填写办理结果').max(2000, '办理结果不超过 2000 字') });
export type CloseInput = z.infer<typeof CloseInput>;

/** The forms of the typed actions by name (the console renders and checks them; the server parses the same). */
export const ACTION_INPUTS = { decline: DeclineInput, close: CloseInput } as const;
export type FormAction = keyof typeof ACTION_INPUTS;
