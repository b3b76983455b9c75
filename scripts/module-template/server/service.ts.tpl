import { openMatter, scheduleDeadline, type Ctx, type Matter } from '@sifa/kernel';
import { chinaDay } from '@sifa/kernel/shared';
import type { CreateCaseInput } from '../shared/schemas';
import { CASE_WORKFLOW } from '../shared/workflow';

/** The case number: the unit's abbreviation, the line's mark, the year, the sequence (e.g. 章贡__abbr__〔2026〕12号). */
export const CASE_NUMBER = '{abbr}__abbr__〔{year}〕{seq}号';

/**
 * Registers a case in one transaction (kernel openMatter): the matter with its number and audit entry, the module's
 * row, and the handling period from today (shared/deadlines.ts).
 */
export async function registerCase(ctx: Ctx, input: CreateCaseInput): Promise<Matter> {
  const row = { table: '__snake__.cases', values: { channel: input.channel, summary: input.summary } };
  return openMatter(ctx, CASE_WORKFLOW, CASE_NUMBER, { orgId: input.orgId, title: input.title, row }, async (trx, matter) => {
    await scheduleDeadline(trx, { matterId: matter.id, ruleId: '__name__.handling', start: chinaDay(ctx.now), orgId: matter.orgId, today: chinaDay(ctx.now) });
  });
}
