import { z } from 'zod';
import { getCalendar, getCalendarYear, listCalendarYears, loadCalendarYear } from '../deadlines/calendar.service';
import { isIsoDate } from '../deadlines/dates';
import { dueDate, warnDateOf } from '../deadlines/due-date';
import { extensionRefusal, findDeadlineRule, getDeadlineRule, listDeadlineRules } from '../deadlines/rules';
import { AppError } from '../errors';
import { CalendarSchedule, CalendarYear, DeadlinePreview, DeadlineRule, type Pause } from '../shared/deadline-model';
import { ctxOf } from './context';
import type { ModuleDeps, SifaApp } from './types';

const tags = ['期限与节假日'];
const NATIONAL = '节假日安排为全国统一的国务院安排，与单位无关';

const RuleId = z.string().superRefine((id, ctx) => {
  if (!findDeadlineRule(id)) ctx.addIssue({ code: 'custom', message: `未知的期限规则“${id}”，可用规则见 /api/deadline-rules` });
});

/** `2024-10-01..2024-10-07,2024-11-01..2024-11-03` → pauses; each date included. */
const PauseList = z.string().transform((text, ctx): Pause[] => {
  const out: Pause[] = [];
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [from = '', to = '', extra] = part.split('..');
    if (extra !== undefined || !isIsoDate(from) || !isIsoDate(to)) {
      ctx.addIssue({ code: 'custom', message: `中止期间“${part}”格式应为 开始日期..结束日期，例如 2024-10-01..2024-10-07` });
      return z.NEVER;
    }
    if (to < from) {
      ctx.addIssue({ code: 'custom', message: `中止期间“${part}”的结束日期早于开始日期` });
      return z.NEVER;
    }
    out.push({ from, to });
  }
  return out;
});

const PreviewQuery = z.object({
  rule: RuleId,
  start: z.iso.date('起算日期格式应为 YYYY-MM-DD，例如 2024-09-27'),
  pauses: PauseList.optional(),
  extensionDays: z.coerce.number().int('延长天数应为整数').min(1, '延长天数至少为 1').max(366, '延长天数不超过 366').optional(),
  /** Extension in the unit of the rule's extension policy (months for electronic tagging). */
  extension: z.coerce.number().int('延长期限应为整数').min(1, '延长期限至少为 1').max(366, '延长期限不超过 366').optional(),
});

const YearParams = z.object({ year: z.coerce.number().int('年度应为整数').min(1990, '年度不早于 1990').max(2200, '年度不晚于 2200') });

const CalendarBody = CalendarSchedule.extend({ source: z.string().trim().min(2, '请填写依据，如国务院办公厅通知的文号或名称').max(200) });

const LoadResult = z.object({ year: z.number(), holidays: z.number(), workdays: z.number(), replaced: z.boolean(), recomputed: z.number() });

const YearSummary = z.object({
  year: z.number(),
  source: z.string(),
  loadedAt: z.string(),
  loadedBy: z.string().nullable(),
  holidays: z.number(),
  workdays: z.number(),
});

/** A query that passed the schema but not the rule (e.g. a pause for a period that does not pause). */
function badQuery(field: string, reason: string): never {
  throw new AppError('VALIDATION_FAILED', { first: `${field}：${reason}` }, [{ field, message: reason }]);
}

export function deadlineRoutes(app: SifaApp, { engine }: ModuleDeps) {
  const db = engine.db;

  app.get(
    '/api/deadlines/preview',
    {
      config: { authenticated: true, scopeProbe: { kind: 'unscoped', reason: '按法定规则和国务院节假日安排试算期限，不读取任何案件数据' } },
      schema: { tags, summary: '试算法定期限：届满日、跳过的节假日、顺延理由和法条依据', querystring: PreviewQuery, response: { 200: DeadlinePreview } },
    },
    async (req) => {
      const q = req.query;
      const rule = getDeadlineRule(q.rule);
      if (q.pauses?.length && !rule.pausable) badQuery('pauses', `“${rule.nameZh}”依法不因中止而停止计算（${rule.cite.law}${rule.cite.article}）`);
      const ext =
        q.extension !== undefined
          ? { field: 'extension', amount: q.extension, unit: rule.extension?.unit ?? 'day' }
          : q.extensionDays !== undefined
            ? { field: 'extensionDays', amount: q.extensionDays, unit: 'day' as const }
            : undefined;
      const refusal = ext && extensionRefusal(rule, ext.amount, ext.unit);
      if (ext && refusal) badQuery(ext.field, refusal);
      const extension = ext ? { amount: ext.amount, unit: ext.unit } : undefined;
      const calendar = await getCalendar(db);
      const result = dueDate(rule, q.start, calendar, { pauses: q.pauses ?? [], ...(extension ? { extension } : {}) });
      return { ...result, warnDate: warnDateOf(rule, result.dueDate, calendar), rule };
    },
  );

  app.get(
    '/api/deadline-rules',
    {
      config: { authenticated: true, scopeProbe: { kind: 'unscoped', reason: '期限规则是法定参考数据，对所有人相同' } },
      schema: { tags, summary: '法定期限规则目录 (法条依据、起算事件、期限、顺延、中止、延长、提醒)', response: { 200: z.array(DeadlineRule) } },
    },
    () => listDeadlineRules(),
  );

  app.get(
    '/api/calendar',
    {
      config: { authenticated: true, scopeProbe: { kind: 'unscoped', reason: NATIONAL } },
      schema: { tags, summary: '已载入节假日安排的年度', response: { 200: z.array(YearSummary) } },
    },
    () => listCalendarYears(db),
  );

  app.get(
    '/api/calendar/:year',
    {
      config: { authenticated: true, scopeProbe: { kind: 'unscoped', reason: NATIONAL } },
      schema: { tags, summary: '某年的节假日安排 (未载入时 404 CALENDAR_NOT_LOADED)', params: YearParams, response: { 200: CalendarYear } },
    },
    async (req) => {
      const year = await getCalendarYear(db, req.params.year);
      // A year not loaded has no schedule to show (the schedule schema needs at least one holiday): say so.
      if (!year.covered) throw new AppError('CALENDAR_NOT_LOADED', { year: req.params.year });
      return year;
    },
  );

  app.put(
    '/api/calendar/:year',
    {
      config: { permission: 'kernel.calendar.manage', scopeProbe: { kind: 'unscoped', reason: NATIONAL } },
      schema: {
        tags,
        summary: '载入或更正某年的节假日安排 (国务院办公厅通知)；未载入年份的期限随之重新计算',
        params: YearParams,
        body: CalendarBody,
        response: { 200: z.object({ loaded: LoadResult, calendar: CalendarYear }) },
      },
    },
    async (req) => {
      const { source, ...schedule } = req.body;
      const loaded = await loadCalendarYear(ctxOf(req, db), req.params.year, schedule, source);
      return { loaded, calendar: await getCalendarYear(db, req.params.year) };
    },
  );
}
