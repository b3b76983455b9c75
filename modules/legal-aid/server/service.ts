import { openMatter, scheduleDeadline, type Ctx, type Matter } from '@sifa/kernel';
import { chinaDay } from '@sifa/kernel/shared';
import type { CreateCaseInput } from '../shared/schemas';
import { CASE_WORKFLOW } from '../shared/workflow';

/**
 * Registers a case in one transaction (kernel openMatter): the matter with its number (shared/workflow.ts) and audit entry, the module's
 * row, and the handling period from today (shared/deadlines.ts).
 */
export async function registerCase(ctx: Ctx, input: CreateCaseInput): Promise<Matter> {
  const row = { table: 'legal_aid.cases', values: { channel: input.channel, summary: input.summary } };
  return openMatter(ctx, CASE_WORKFLOW, { orgId: input.orgId, title: input.title, row }, async (trx, matter) => {
    await scheduleDeadline(trx, { matterId: matter.id, ruleId: 'legal-aid.handling', start: chinaDay(ctx.now), orgId: matter.orgId, today: chinaDay(ctx.now) });
  });
}
