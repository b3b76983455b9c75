import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit';
import type { Database } from '../db/schema';
import { AppError, notFound } from '../errors';
import type { Ctx } from '../http/types';
import type { TodoItem } from '../shared/common';
import {
  levelOf,
  type Deadline,
  type DeadlineLevel,
  type DeadlineRule,
  type DeadlineStatus,
  type DueDateResult,
  type MatterDeadline,
} from '../shared/deadline-model';
import type { Calendar } from './calendar';
import { getCalendar } from './calendar.cache';
import { addDays, assertIsoDate, daysBetween } from './dates';
import { dueDate, warnDateOf } from './due-date';
import * as repo from './deadline.repository';
import { extensionRefusal, getDeadlineRule } from './rules';

/** Due date, warning date and coverage of a deadline row under the current calendar. */
export function computeDeadline(rule: DeadlineRule, row: Pick<repo.DeadlineRow, 'startDate' | 'pauses' | 'extendedAmount'>, calendar: Calendar) {
  const extension = row.extendedAmount > 0 ? { amount: row.extendedAmount, unit: rule.extension?.unit ?? 'day' } : undefined;
  const result: DueDateResult = dueDate(rule, row.startDate, calendar, { pauses: row.pauses, ...(extension ? { extension } : {}) });
  return { dueDate: result.dueDate, warnDate: warnDateOf(rule, result.dueDate, calendar), calendarCovered: result.calendarCovered, result };
}

const toDeadline = (row: repo.DeadlineRow): Deadline => ({
  ...row,
  ruleNameZh: getDeadlineRule(row.ruleId).nameZh,
  status: row.status as DeadlineStatus,
  lastLevel: row.lastLevel as DeadlineLevel,
});

function assertDate(value: string, what: string) {
  try {
    assertIsoDate(value, what);
  } catch (e) {
    throw new AppError('VALIDATION_FAILED', { first: (e as Error).message });
  }
}

const refuse = (reason: string) => new AppError('DEADLINE_REFUSED', { reason });

export interface ScheduleInput {
  matterId: string;
  ruleId: string;
  /** Date of the start event; the period runs from the next day. */
  start: string;
  assigneeId?: string | null;
  orgId: string;
  /** Level the to-do starts at; defaults to normal (the sweep corrects it). */
  today?: string;
}

/**
 * Starts a deadline for a matter inside the caller's transaction (the module's workflow action, which has
 * already checked the matter is in the caller's scope and audits the action).
 */
export async function scheduleDeadline(trx: Kysely<Database>, input: ScheduleInput): Promise<Deadline> {
  const rule = getDeadlineRule(input.ruleId);
  if (rule.length.unit === 'hour') throw refuse(`“${rule.nameZh}”按小时计算，需登记起算时间，期限实例暂不支持`);
  assertDate(input.start, '起算日期');
  const calendar = await getCalendar(trx);
  const c = computeDeadline(rule, { startDate: input.start, pauses: [], extendedAmount: 0 }, calendar);
  const row: repo.NewDeadlineRow = {
    id: randomUUID(),
    matterId: input.matterId,
    ruleId: rule.id,
    startDate: input.start,
    dueDate: c.dueDate,
    warnDate: c.warnDate,
    calendarCovered: c.calendarCovered,
    assigneeId: input.assigneeId ?? null,
    orgId: input.orgId,
    lastLevel: input.today ? levelOf(c.dueDate, c.warnDate, input.today) : 'normal',
  };
  await repo.insertDeadline(trx, row);
  return toDeadline({ ...row, status: 'open', pauses: [], pausedSince: null, pausedDays: 0, extendedAmount: 0, extensionCount: 0 });
}

async function reread(db: Kysely<Database>, scope: Ctx['scope'], id: string): Promise<Deadline> {
  const row = await repo.findDeadline(db, scope, id);
  if (!row) throw notFound('期限');
  return toDeadline(row);
}

/** Runs `fn` in the caller's transaction when given, else in a new one. */
const inTrx = <T>(ctx: Ctx, trx: Kysely<Database> | undefined, fn: (t: Kysely<Database>) => Promise<T>) => (trx ? fn(trx) : ctx.db.transaction().execute(fn));

async function locked(ctx: Ctx, trx: Kysely<Database>, id: string) {
  const row = await repo.findDeadline(trx, ctx.scope, id, true);
  if (!row) throw notFound('期限');
  return { row, rule: getDeadlineRule(row.ruleId) };
}

/** Suspension (中止) from `from` on: the clock stops; allowed only where the rule pauses and before expiry. */
export async function pauseDeadline(ctx: Ctx, id: string, input: { from: string; reason?: string }, trx?: Kysely<Database>): Promise<Deadline> {
  assertDate(input.from, '中止日期');
  return inTrx(ctx, trx, async (t) => {
    const { row, rule } = await locked(ctx, t, id);
    if (!rule.pausable) throw refuse(`“${rule.nameZh}”依法不因中止而停止计算（${rule.cite.law}${rule.cite.article}），不能中止计时`);
    if (row.status !== 'open') throw refuse(`“${rule.nameZh}”当前${statusZh(row.status)}，不能中止计时`);
    if (input.from <= row.startDate) throw refuse(`中止日期应晚于起算日期 ${row.startDate}`);
    if (input.from > row.dueDate) throw refuse(`期限已于 ${row.dueDate} 届满，届满后不能再中止`);
    const lastPause = row.pauses[row.pauses.length - 1];
    if (lastPause && input.from <= lastPause.to) throw refuse(`中止日期应晚于上次中止期间的结束日期 ${lastPause.to}`);
    await repo.updateDeadline(t, id, { status: 'paused', pausedSince: input.from });
    await appendAudit(t, ctx.actor, {
      action: 'kernel.deadline.pause',
      targetType: 'deadline',
      targetId: id,
      summary: { rule: rule.id, from: input.from, reason: input.reason },
    });
    return reread(t, ctx.scope, id);
  });
}

/** Resumption on `on`: the days from the suspension through the day before `on` are not counted. */
export async function resumeDeadline(ctx: Ctx, id: string, input: { on: string }, trx?: Kysely<Database>): Promise<Deadline> {
  assertDate(input.on, '恢复日期');
  return inTrx(ctx, trx, async (t) => {
    const { row, rule } = await locked(ctx, t, id);
    if (row.status !== 'paused' || !row.pausedSince) throw refuse(`“${rule.nameZh}”当前${statusZh(row.status)}，不需要恢复计时`);
    if (input.on < row.pausedSince) throw refuse(`恢复日期不能早于中止日期 ${row.pausedSince}`);
    const to = addDays(input.on, -1);
    const pauses = to >= row.pausedSince ? [...row.pauses, { from: row.pausedSince, to }] : row.pauses;
    const c = computeDeadline(rule, { ...row, pauses }, await getCalendar(t));
    const pausedDays = pauses.reduce((n, p) => n + daysBetween(p.from, p.to) + 1, 0);
    await repo.updateDeadline(t, id, {
      status: 'open',
      pausedSince: null,
      pauses,
      pausedDays,
      dueDate: c.dueDate,
      warnDate: c.warnDate,
      calendarCovered: c.calendarCovered,
    });
    await appendAudit(t, ctx.actor, {
      action: 'kernel.deadline.resume',
      targetType: 'deadline',
      targetId: id,
      summary: { rule: rule.id, pausedSince: row.pausedSince, on: input.on, dueBefore: row.dueDate, dueAfter: c.dueDate },
    });
    return reread(t, ctx.scope, id);
  });
}

/** An approved extension, within the rule's policy (number of extensions, length of one, unit). */
export async function extendDeadline(
  ctx: Ctx,
  id: string,
  input: { amount: number; unit?: 'day' | 'workday' | 'month'; reason: string },
  trx?: Kysely<Database>,
): Promise<Deadline> {
  return inTrx(ctx, trx, async (t) => {
    const { row, rule } = await locked(ctx, t, id);
    if (row.status !== 'open' && row.status !== 'paused') throw refuse(`“${rule.nameZh}”当前${statusZh(row.status)}，不能延长`);
    const refusal = extensionRefusal(rule, input.amount, input.unit ?? rule.extension?.unit ?? 'day', row.extensionCount);
    if (refusal) throw refuse(refusal);
    const extendedAmount = row.extendedAmount + input.amount;
    const c = computeDeadline(rule, { ...row, extendedAmount }, await getCalendar(t));
    await repo.updateDeadline(t, id, {
      extendedAmount,
      extensionCount: row.extensionCount + 1,
      dueDate: c.dueDate,
      warnDate: c.warnDate,
      calendarCovered: c.calendarCovered,
    });
    await appendAudit(t, ctx.actor, {
      action: 'kernel.deadline.extend',
      targetType: 'deadline',
      targetId: id,
      summary: { rule: rule.id, amount: input.amount, reason: input.reason, dueBefore: row.dueDate, dueAfter: c.dueDate },
    });
    return reread(t, ctx.scope, id);
  });
}

/** The act the deadline asks for was done (met) or is no longer needed (cancelled). */
export async function completeDeadline(ctx: Ctx, id: string, input: { cancelled?: boolean } = {}, trx?: Kysely<Database>): Promise<Deadline> {
  return inTrx(ctx, trx, async (t) => {
    const { row, rule } = await locked(ctx, t, id);
    if (row.status === 'met' || row.status === 'cancelled') throw refuse(`“${rule.nameZh}”${statusZh(row.status)}`);
    const status = input.cancelled ? 'cancelled' : 'met';
    await repo.updateDeadline(t, id, { status, metAt: input.cancelled ? null : ctx.now, pausedSince: null });
    await appendAudit(t, ctx.actor, {
      action: `kernel.deadline.${input.cancelled ? 'cancel' : 'complete'}`,
      targetType: 'deadline',
      targetId: id,
      summary: { rule: rule.id, dueDate: row.dueDate },
    });
    return reread(t, ctx.scope, id);
  });
}

export const cancelDeadline = (ctx: Ctx, id: string, trx?: Kysely<Database>) => completeDeadline(ctx, id, { cancelled: true }, trx);

/**
 * A matter's act is done or the matter ended: every open or paused deadline of it is met, in the caller's
 * transaction (the workflow action's), each with its audit entry; with `ruleIds`, only the deadlines of those rules
 * (the act one of them asked for was done). Returns how many it closed.
 */
export async function closeMatterDeadlines(ctx: Ctx, trx: Kysely<Database>, matterId: string, ruleIds?: readonly string[]): Promise<number> {
  const live = (await repo.listMatterDeadlines(trx, ctx.scope, matterId)).filter(
    (d) => (d.status === 'open' || d.status === 'paused') && (!ruleIds || ruleIds.includes(d.ruleId)),
  );
  for (const d of live) await completeDeadline(ctx, d.id, {}, trx);
  return live.length;
}

/**
 * A matter is suspended (中止) from `from` on: its open deadlines whose rule pauses on suspension stop counting,
 * in the caller's transaction; the others run on, as their statute says. Returns the deadlines paused.
 */
export async function pauseMatterDeadlines(ctx: Ctx, trx: Kysely<Database>, matterId: string, input: { from: string; reason?: string }): Promise<Deadline[]> {
  const open = (await repo.listMatterDeadlines(trx, ctx.scope, matterId)).filter((d) => d.status === 'open' && getDeadlineRule(d.ruleId).pausable);
  const paused: Deadline[] = [];
  for (const d of open) paused.push(await pauseDeadline(ctx, d.id, input, trx));
  return paused;
}

/**
 * The matter's suspension ends on `on` (e.g. the missing materials came in): every paused deadline of it counts again,
 * in the caller's transaction, each with its audit entry. Returns the deadlines resumed.
 */
export async function resumeMatterDeadlines(ctx: Ctx, trx: Kysely<Database>, matterId: string, input: { on: string }): Promise<Deadline[]> {
  const paused = (await repo.listMatterDeadlines(trx, ctx.scope, matterId)).filter((d) => d.status === 'paused');
  const resumed: Deadline[] = [];
  for (const d of paused) resumed.push(await resumeDeadline(ctx, d.id, input, trx));
  return resumed;
}

const statusZh = (s: string) => ({ open: '正在计时', paused: '已中止计时', met: '已完成', cancelled: '已撤销' })[s] ?? s;

export async function listMatterDeadlines(ctx: Ctx, matterId: string): Promise<Deadline[]> {
  return (await repo.listMatterDeadlines(ctx.db, ctx.scope, matterId)).map(toDeadline);
}

/** The matter's deadlines with today's level and, for each, the explanation and citation of its date. */
export async function describeMatterDeadlines(ctx: Ctx, matterId: string, today: string): Promise<MatterDeadline[]> {
  const rows = await repo.listMatterDeadlines(ctx.db, ctx.scope, matterId);
  const calendar = await getCalendar(ctx.db);
  return rows.map((row) => {
    const d = toDeadline(row);
    const rule = getDeadlineRule(row.ruleId);
    const { result } = computeDeadline(rule, row, calendar);
    const level: DeadlineLevel = d.status === 'open' ? levelOf(d.dueDate, d.warnDate, today) : 'normal';
    return { ...d, ruleNameEn: rule.nameEn, level, explanation: result.explanation, skippedHolidays: result.skippedHolidays, cite: result.cite };
  });
}

/**
 * Open deadlines of `ruleId` that lapsed before `today` (Asia/Shanghai), oldest first, over every unit: for a module's
 * job that acts when a period ends without a decision (e.g. 行政复议法 第三十条第三款: deemed accepted). Not scoped —
 * the job acts for the law, not for a user.
 */
export async function lapsedDeadlines(
  db: Kysely<Database>,
  ruleId: string,
  today: string,
  limit = 500,
): Promise<{ id: string; matterId: string; dueDate: string }[]> {
  getDeadlineRule(ruleId); // an unknown rule is a programming error
  return (await repo.lapsedOpenDeadlines(db, ruleId, today, limit)).map((r) => ({ id: r.id, matterId: r.matterId, dueDate: r.dueDate }));
}

export const TODO_LIMIT = 500;

/** The caller's to-do list: open deadlines assigned to the caller or of the caller's own unit, nearest first. */
export async function listTodos(ctx: Ctx, today: string): Promise<{ items: TodoItem[]; total: number }> {
  const { items, total } = await repo.listTodoDeadlines(ctx.db, ctx.scope, ctx.user.id, ctx.user.orgId, TODO_LIMIT);
  return {
    total,
    items: items.map((d) => ({
      id: d.id,
      module: d.module,
      title: `${d.title} · ${getDeadlineRule(d.ruleId).nameZh}`,
      matterNumber: d.number,
      dueDate: d.dueDate,
      level: levelOf(d.dueDate, d.warnDate, today),
      link: `/matters/${d.matterId}`,
    })),
  };
}

export interface LevelChange extends repo.SweepRow {
  ruleNameZh: string;
}

/** The background sweep: updates the stored level of every open deadline and returns those that changed. */
export async function sweepDeadlines(db: Kysely<Database>, today: string): Promise<LevelChange[]> {
  assertIsoDate(today, '巡检日期');
  const rows = await db.transaction().execute((trx) => repo.sweepLevels(trx, today));
  return rows.map((r) => ({ ...r, ruleNameZh: getDeadlineRule(r.ruleId).nameZh }));
}

/** Recomputes open and paused deadlines a calendar load may move; returns how many changed. */
export async function recomputeDeadlinesForYear(trx: Kysely<Database>, year: number): Promise<number> {
  const calendar = await getCalendar(trx);
  let changed = 0;
  for (const row of await repo.listDeadlinesTouchingYear(trx, year)) {
    const c = computeDeadline(getDeadlineRule(row.ruleId), row, calendar);
    if (c.dueDate === row.dueDate && c.warnDate === row.warnDate && c.calendarCovered === row.calendarCovered) continue;
    await repo.updateDeadline(trx, row.id, { dueDate: c.dueDate, warnDate: c.warnDate, calendarCovered: c.calendarCovered });
    changed++;
  }
  return changed;
}
