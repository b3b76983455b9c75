import { z } from 'zod';
import { chinaDay } from '@sifa/kernel/shared';
import { CreateDisputeInput } from './schemas';

/**
 * Dispute screening 矛盾纠纷排查 (issue #4 item 2; features.md M2 "village investigations"): judicial offices and
 * committees screen their villages, communities and grids — routinely, on a special subject, before holidays and at
 * sensitive times — and register the disputes that need mediation (source `screening`, 主动调解 in M6).
 */
export const SCREENING_KINDS = {
  routine: { zh: '例行排查', en: 'Routine' },
  special: { zh: '专项排查', en: 'Special subject' },
  holiday: { zh: '节前排查', en: 'Before a holiday' },
  sensitive: { zh: '重要敏感时期排查', en: 'Sensitive period' },
  other: { zh: '其他', en: 'Other' },
} as const;
export type ScreeningKind = keyof typeof SCREENING_KINDS;
export const SCREENING_KIND_CODES = Object.keys(SCREENING_KINDS) as ScreeningKind[];

export const ScreeningKindSchema = z.enum(SCREENING_KIND_CODES as [ScreeningKind, ...ScreeningKind[]], { error: '请选择排查类型' });

/** Conflicts found in one screening: a county's busiest grid does not find ten thousand. */
const MAX_COUNT = 9999;
const count = (what: string) =>
  z
    .number({ error: `${what}应为整数` })
    .int(`${what}应为整数`)
    .min(0, `${what}不能为负数`)
    .max(MAX_COUNT, `${what}不超过 ${MAX_COUNT}`);

const fields = {
  screenedOn: z.iso.date('排查日期格式应为 YYYY-MM-DD'),
  area: z.string({ error: '请填写排查区域' }).trim().min(2, '请填写排查区域 (村、社区或网格，至少 2 个字)').max(100, '排查区域不超过 100 个字'),
  screeners: z.string({ error: '请填写排查人员' }).trim().min(2, '请填写排查人员 (至少 2 个字)').max(200, '排查人员不超过 200 个字'),
  kind: ScreeningKindSchema,
  foundCount: count('发现矛盾纠纷数'),
  riskCount: count('有激化风险的纠纷数'),
  notes: z.string().trim().max(5000, '排查情况不超过 5000 字').optional(),
};

/** The checks both forms share: a screening is recorded after it happened, and risks are among what was found. */
export function screeningProblems(v: { screenedOn?: string | undefined; foundCount?: number | undefined; riskCount?: number | undefined }, today = chinaDay()) {
  const problems: { path: string; message: string }[] = [];
  if (v.screenedOn && v.screenedOn > today) problems.push({ path: 'screenedOn', message: `排查日期不能晚于今天 (${today})` });
  if (v.foundCount !== undefined && v.riskCount !== undefined && v.riskCount > v.foundCount)
    problems.push({ path: 'riskCount', message: '有激化风险的纠纷数不能超过发现矛盾纠纷数' });
  return problems;
}

const refine = (v: Parameters<typeof screeningProblems>[0], ctx: z.RefinementCtx) => {
  for (const p of screeningProblems(v)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
};

export const CreateScreeningInput = z.object({ orgId: z.uuid('请选择排查单位'), ...fields }).superRefine(refine);
export type CreateScreeningInput = z.infer<typeof CreateScreeningInput>;

/** Any field of a screening; the counts are checked again against the stored ones (service). */
export const UpdateScreeningInput = z
  .object({
    screenedOn: fields.screenedOn.optional(),
    area: fields.area.optional(),
    screeners: fields.screeners.optional(),
    kind: ScreeningKindSchema.optional(),
    foundCount: fields.foundCount.optional(),
    riskCount: fields.riskCount.optional(),
    notes: z.string().trim().max(5000, '排查情况不超过 5000 字').optional(),
  })
  .superRefine(refine);
export type UpdateScreeningInput = z.infer<typeof UpdateScreeningInput>;

export const ScreeningFilter = z.object({
  /** Area, screeners, notes or unit name. */
  q: z.string().trim().max(60).optional(),
  kind: ScreeningKindSchema.optional(),
  /** A unit of the caller's scope: its subtree only (the console's unit filter). */
  orgId: z.uuid().optional(),
  from: z.iso.date('开始日期格式应为 YYYY-MM-DD').optional(),
  to: z.iso.date('结束日期格式应为 YYYY-MM-DD').optional(),
});
export type ScreeningFilter = z.infer<typeof ScreeningFilter>;

export const ScreeningListItem = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  screenedOn: z.string(),
  area: z.string(),
  screeners: z.string(),
  kind: ScreeningKindSchema,
  foundCount: z.number().int(),
  riskCount: z.number().int(),
  notes: z.string().nullable(),
  /** Disputes registered from this screening (of the caller's scope). */
  disputeCount: z.number().int(),
  createdAt: z.string(),
});
export type ScreeningListItem = z.infer<typeof ScreeningListItem>;

export const ScreeningDispute = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  status: z.string(),
  category: z.string(),
  orgName: z.string(),
  openedAt: z.string(),
});
export type ScreeningDispute = z.infer<typeof ScreeningDispute>;

export const ScreeningDetail = ScreeningListItem.extend({
  createdByName: z.string().nullable(),
  updatedAt: z.string(),
  disputes: z.array(ScreeningDispute),
});
export type ScreeningDetail = z.infer<typeof ScreeningDetail>;

/**
 * A dispute registered from a screening: the intake form without source and link — the route sets them (source
 * `screening`) and checks the whole against CreateDisputeInput's rules.
 */
export const ScreeningDisputeInput = z.object(CreateDisputeInput.shape).omit({ source: true, screeningId: true });
export type ScreeningDisputeInput = z.infer<typeof ScreeningDisputeInput>;
