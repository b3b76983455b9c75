import { AppError, dueDate, getCalendar, getDeadlineRule, notFound, openMatter, scheduleDeadline, type Matter, type PartyCtx } from '@sifa/kernel';
import { chinaDay } from '@sifa/kernel/shared';
import type { Kysely } from 'kysely';
import type { Database } from '@sifa/kernel';
import { ACT_TYPES, reconsiderationFirst, type CaseChannel, type CreateCaseInput } from '../shared/schemas';
import { CASE_WORKFLOW } from '../shared/workflow';
import { findAgency } from './repository';

// Statute: ../shared/laws/administrative-reconsideration-law-2023.md (行政复议法).

/** What a registration needs beyond the staff form: the channel (the portal's is `portal`) and the parties. */
export type Application = Omit<CreateCaseInput, 'channel'> & { channel: CaseChannel };

/**
 * The last day of the 60-day window (第二十条第一款, counted by 民事诉讼法 第八十五条 through 第八十八条第一款) from the
 * day the applicant knew of the act; null when that day is not given.
 */
export async function applicationWindow(db: Kysely<Database>, actKnownOn: string | undefined): Promise<string | null> {
  if (!actKnownOn) return null;
  return dueDate(getDeadlineRule('reconsideration.application-window'), actKnownOn, await getCalendar(db)).dueDate;
}

/**
 * Registers an application in one statement (kernel openMatter): the applicants and agent (identity checked, encrypted,
 * masked) with their roles, the matter with its number, the case row; then, in the same transaction, the 5-working-day
 * intake review from the day it was received (第三十条). An application past the 60-day window (第二十条) is registered
 * all the same — whether it is late is the intake's decision — but only with the reason it gives (第二十条第二款、第三款).
 */
export async function registerCase(ctx: PartyCtx, input: Application): Promise<Matter> {
  let respondent = input.respondent;
  let sector: string = input.sector;
  if (input.agencyId) {
    const agency = await findAgency(ctx.db, ctx.scope, input.agencyId);
    if (!agency) throw notFound('被申请人');
    respondent = agency.name;
    sector = agency.sector;
  }
  const windowDue = await applicationWindow(ctx.db, input.actKnownOn);
  const late = windowDue !== null && input.receivedOn > windowDue;
  if (late && !input.lateReason) {
    throw new AppError('VALIDATION_FAILED', { first: `申请期限已于 ${windowDue} 届满（第二十条第一款），请填写逾期的正当理由（第二十条第二款、第三款）` }, [
      { field: 'lateReason', message: `申请期限已于 ${windowDue} 届满，请填写逾期的正当理由` },
    ]);
  }
  const first = input.parties.find((p) => p.role === 'applicant')?.name ?? '';
  const title = `${first}不服${respondent}${ACT_TYPES[input.actType].zh}`.slice(0, 60);
  const parties = input.parties.map(({ role, ...party }) => ({ role, party }));
  const row = {
    table: 'reconsideration.cases',
    values: {
      channel: input.channel,
      agencyId: input.agencyId ?? null,
      respondent,
      sector,
      actType: input.actType,
      act: input.act,
      request: input.request,
      reasons: input.reasons,
      actKnownOn: input.actKnownOn ?? null,
      receivedOn: input.receivedOn,
      windowDue,
      lateReason: input.lateReason ?? null,
      reconsiderationFirst: reconsiderationFirst(input.actType, input.onTheSpot) !== null,
      forwardedBy: input.forwardedBy ?? null,
      enterprise: input.enterprise || input.parties.some((p) => p.role === 'applicant' && p.kind === 'organisation'),
    },
  };
  return openMatter(ctx, CASE_WORKFLOW, { orgId: input.orgId, title, parties, row, data: { source: input.channel } }, async (trx, matter) => {
    await scheduleDeadline(trx, {
      matterId: matter.id,
      ruleId: 'reconsideration.intake-review',
      start: input.receivedOn,
      orgId: matter.orgId,
      today: chinaDay(ctx.now),
    });
  });
}
