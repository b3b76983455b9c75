import { z } from 'zod';

/**
 * The deadline model shared by server and browser: a rule is data (statute, start event, length, day type,
 * roll-over, pause, extension, warning), an answer explains itself. The kernel computes (`dueDate`); this file
 * only describes.
 */

export const IsoDate = z.iso.date('日期格式应为 YYYY-MM-DD，例如 2024-09-27');

/** `day` 日 (calendar days), `workday` 工作日, `month` 月, `hour` 时. */
export const DeadlineUnit = z.enum(['day', 'workday', 'month', 'hour']);
export type DeadlineUnit = z.infer<typeof DeadlineUnit>;

/**
 * How far a rule is checked (domain/rules.md): V = against the statute text in shared/laws; P = against a
 * public web page only; M = unverified. P and M values are configurable defaults, never hard truths.
 */
export const Verification = z.enum(['V', 'P', 'M']);
export type Verification = z.infer<typeof Verification>;

export const DeadlineCite = z.object({
  /** Short law name, e.g. 行政复议法. */
  law: z.string(),
  /** File in shared/laws, e.g. administrative-reconsideration-law-2023.md. */
  file: z.string(),
  /** Article, e.g. 第三十条 or 第八十八条第二款. */
  article: z.string(),
});
export type DeadlineCite = z.infer<typeof DeadlineCite>;

export const DeadlineLength = z.object({ amount: z.number().int().positive(), unit: DeadlineUnit });
export type DeadlineLength = z.infer<typeof DeadlineLength>;

export const WarnBefore = z.object({ amount: z.number().int().min(0), unit: z.enum(['day', 'workday']) });
export type WarnBefore = z.infer<typeof WarnBefore>;

export const ExtensionPolicy = z.object({
  /** How many extensions the law allows; null = no limit stated (e.g. by agreement of the parties). */
  maxTimes: z.number().int().positive().nullable(),
  /** Longest single extension; null = no limit stated. */
  amount: z.number().int().positive().nullable(),
  unit: z.enum(['day', 'workday', 'month']),
  /** Who approves, as the statute says it. */
  approval: z.string(),
  cite: DeadlineCite,
});
export type ExtensionPolicy = z.infer<typeof ExtensionPolicy>;

/** Fields of a rule a deployment may change (rules.md [P]/[M]); a [V] fact is never in this list. */
export const ConfigurableField = z.enum(['length', 'rollOverHoliday', 'rollOverWeekend', 'pausable', 'extension', 'warnBefore']);
export type ConfigurableField = z.infer<typeof ConfigurableField>;

export const DeadlineRule = z.object({
  id: z.string(),
  module: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  /** The article that sets the period. */
  cite: DeadlineCite,
  /** Further articles the computation relies on (day type, roll-over, suspension). */
  basis: z.array(DeadlineCite),
  /** Event the period runs from (the start day itself is not counted), e.g. application.received. */
  startsOn: z.string(),
  startsOnZh: z.string(),
  length: DeadlineLength,
  /** A last day that is a statutory holiday moves to the next working day (民事诉讼法 第八十五条). */
  rollOverHoliday: z.boolean(),
  /** A last day on an ordinary weekend (not a make-up working day) moves too. */
  rollOverWeekend: z.boolean(),
  /** Suspension 中止 stops the clock; the suspended days are not counted. */
  pausable: z.boolean(),
  extension: ExtensionPolicy.nullable(),
  warnBefore: WarnBefore,
  /** Verification of the length and day type. */
  verified: Verification,
  configurable: z.array(ConfigurableField),
  /** Why a default was chosen, in Chinese, where the law leaves room. */
  note: z.string().optional(),
});
export type DeadlineRule = z.infer<typeof DeadlineRule>;

export type DeadlineRuleInput = Omit<DeadlineRule, 'basis' | 'rollOverWeekend' | 'pausable' | 'extension' | 'configurable'> &
  Partial<Pick<DeadlineRule, 'basis' | 'rollOverWeekend' | 'pausable' | 'extension' | 'configurable'>>;

/**
 * A deadline rule with defaults: weekends roll over like holidays (the prevailing reading of 法定休假日,
 * configurable), no pause, no extension. Warning thresholds are always configurable ([M] everywhere).
 */
export function defineDeadline(input: DeadlineRuleInput): DeadlineRule {
  const configurable = new Set<ConfigurableField>(['warnBefore', ...(input.configurable ?? [])]);
  if (input.rollOverHoliday) configurable.add('rollOverWeekend');
  return {
    basis: [],
    rollOverWeekend: input.rollOverHoliday,
    pausable: false,
    extension: null,
    ...input,
    configurable: [...configurable],
  };
}

/**
 * Why a weekend last day rolls over by default: 民事诉讼法 第八十五条第三款 speaks of 法定休假日 without
 * defining it (nor does spc-civil-procedure-interpretation-2022.md 第一百二十五条); the established reading counts
 * ordinary weekends as rest days but not make-up working weekends (民法通则意见 第198条; 民法典 第二百零三条 —
 * neither in shared/laws, so [P]). Configurable per rule (`rollOverWeekend`).
 */
export const WEEKEND_ROLL_OVER_NOTE = '“法定休假日”包括周六、周日等公休日（调休上班的周末除外），此为通行理解，可按规则配置。';

export const DeadlineLevel = z.enum(['normal', 'due-soon', 'overdue']);
export type DeadlineLevel = z.infer<typeof DeadlineLevel>;

/** Normal before the warning date, due soon from it through the due date, overdue after the due date. */
export function levelOf(due: string, warnDate: string, today: string): DeadlineLevel {
  if (today > due) return 'overdue';
  if (today >= warnDate) return 'due-soon';
  return 'normal';
}

export const DEADLINE_LEVEL_NAMES: Record<DeadlineLevel, { zh: string; en: string }> = {
  normal: { zh: '正常', en: 'On time' },
  'due-soon': { zh: '即将到期', en: 'Due soon' },
  overdue: { zh: '已逾期', en: 'Overdue' },
};

/** A suspension: the days `from` through `to` (both included) are not counted. */
export const Pause = z.object({ from: IsoDate, to: IsoDate }).refine((p) => p.from <= p.to, { message: '中止期间的结束日期不能早于开始日期' });
export type Pause = z.infer<typeof Pause>;

export const NamedDate = z.object({ date: IsoDate, name: z.string() });
export type NamedDate = z.infer<typeof NamedDate>;

export const DueDateResult = z.object({
  startDate: z.string(),
  dueDate: z.string(),
  /** `YYYY-MM-DDTHH:mm` (Asia/Shanghai) for hour rules. */
  dueAt: z.string().optional(),
  /** False when a day the answer depends on lies in a year whose official holiday schedule is not loaded. */
  calendarCovered: z.boolean(),
  uncoveredYears: z.array(z.number().int()),
  skippedHolidays: z.array(NamedDate),
  skippedWeekends: z.array(z.string()),
  makeUpWorkdays: z.array(NamedDate),
  rolledOver: z.object({ from: z.string(), to: z.string(), reason: z.string() }).optional(),
  pausedDays: z.number().int(),
  /** Chinese sentences that explain the date, in order. */
  explanation: z.array(z.string()),
  cite: DeadlineCite,
});
export type DueDateResult = z.infer<typeof DueDateResult>;

export const DeadlinePreview = DueDateResult.extend({ warnDate: z.string(), rule: DeadlineRule });
export type DeadlinePreview = z.infer<typeof DeadlinePreview>;

export const DEADLINE_STATUSES = ['open', 'paused', 'met', 'cancelled'] as const;
export const DeadlineStatus = z.enum(DEADLINE_STATUSES);
export type DeadlineStatus = z.infer<typeof DeadlineStatus>;

export const DEADLINE_STATUS_NAMES: Record<DeadlineStatus, string> = { open: '计时中', paused: '已中止', met: '已完成', cancelled: '已撤销' };

/** One deadline instance of a matter. */
export const Deadline = z.object({
  id: z.uuid(),
  matterId: z.uuid(),
  ruleId: z.string(),
  ruleNameZh: z.string(),
  startDate: z.string(),
  dueDate: z.string(),
  warnDate: z.string(),
  calendarCovered: z.boolean(),
  status: DeadlineStatus,
  pauses: z.array(z.object({ from: z.string(), to: z.string() })),
  pausedSince: z.string().nullable(),
  pausedDays: z.number().int(),
  extendedAmount: z.number().int(),
  extensionCount: z.number().int(),
  assigneeId: z.string().nullable(),
  orgId: z.string(),
  lastLevel: DeadlineLevel,
});
export type Deadline = z.infer<typeof Deadline>;

/** A deadline as a matter page shows it: today's level and why the date is what it is. */
export const MatterDeadline = Deadline.extend({
  ruleNameEn: z.string(),
  level: DeadlineLevel,
  explanation: z.array(z.string()),
  skippedHolidays: z.array(NamedDate),
  cite: DeadlineCite,
});
export type MatterDeadline = z.infer<typeof MatterDeadline>;

/** An official holiday schedule of one year as the State Council publishes it (国务院办公厅 通知). */
export const CalendarSchedule = z.object({
  holidays: z.array(NamedDate).min(1, '至少应有一个放假日期'),
  workdays: z.array(NamedDate),
});
export type CalendarSchedule = z.infer<typeof CalendarSchedule>;

export const CalendarYear = CalendarSchedule.extend({
  year: z.number().int(),
  covered: z.boolean(),
  source: z.string().nullable(),
  loadedAt: z.string().nullable(),
  loadedBy: z.string().nullable(),
});
export type CalendarYear = z.infer<typeof CalendarYear>;
