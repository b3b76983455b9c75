import { randomUUID } from 'node:crypto';
import { appendAudit, AppError, findOrg, notFound, openMatter, scheduleDeadline, type Ctx, type Matter, type PartyCtx } from '@sifa/kernel';
import { chinaDay } from '@sifa/kernel/shared';
import { assessEligibility, inCommitmentSample, MATTER_CATEGORIES, type LegalAidStandard } from '../shared/eligibility';
import { LAWYER_KINDS, suggestLawyer, type CreateLawyerInput, type Lawyer, type LawyerSuggestion } from '../shared/lawyers';
import { CreateCaseInput } from '../shared/schemas';
import { CASE_WORKFLOW } from '../shared/workflow';
import * as repo from './repository';

const maskPhone = (p: string) => `${p.slice(0, 3)}****${p.slice(7)}`;

/**
 * Registers an application or a notification in one transaction (kernel openMatter): the applicant as a party, the
 * matter with its number, the module's row with the eligibility found (the article shown to staff), and the period
 * that runs — the 7-day review (第四十三条) for an application, the 3-day assignment (第三十六条) for a notified case.
 */
export async function registerCase(ctx: PartyCtx, standard: LegalAidStandard, raw: CreateCaseInput): Promise<Matter> {
  const input = CreateCaseInput.parse(raw);
  const today = chinaDay(ctx.now);
  const receivedOn = input.receivedOn ?? today;
  if (receivedOn > today) throw new AppError('VALIDATION_FAILED', { first: '收到日期不能晚于今天' });
  const e = assessEligibility(input, standard, receivedOn);
  const cat = MATTER_CATEGORIES[input.category];
  const title = `${input.applicant.name}：${cat.zh}`.slice(0, 60);
  const notified = input.channel === 'notice';
  const row = {
    table: 'legal_aid.cases',
    values: {
      channel: input.channel,
      category: input.category,
      summary: input.summary,
      receivedOn,
      receivedAt: input.receivedAt ?? null,
      routingReason: input.routingReason ?? null,
      notifiedBy: input.notifiedBy ?? null,
      notifyingOrgan: input.notifyingOrgan ?? null,
      capitalCase: input.capitalCase,
      adverseParty: input.adverseParty ?? null,
      eligible: e.eligible,
      meansTest: e.meansTest,
      eligibilityArticle: e.articles[0] ?? cat.article,
      eligibilityBasis: e.basisZh,
      priorAid: e.priorAid,
      commitment: e.meansTest === 'commitment',
      monthlyIncomeFen: input.monthlyIncomeYuan === undefined ? null : Math.round(input.monthlyIncomeYuan * 100),
    },
  };
  return openMatter(
    ctx,
    CASE_WORKFLOW,
    { orgId: input.orgId, title, data: { source: input.channel, category: input.category }, parties: [{ role: 'applicant', party: input.applicant }], row },
    async (trx, matter) => {
      // 告知承诺: a configurable share is drawn for a later check, stably from the case id (shared/eligibility.ts)
      if (row.values.commitment) await repo.updateCase(trx, matter.id, { commitmentSampled: inCommitmentSample(matter.id, standard.commitmentCheckShare) });
      const ruleId = notified ? 'legal-aid.assignment' : 'legal-aid.review';
      await scheduleDeadline(trx, { matterId: matter.id, ruleId, start: receivedOn, orgId: matter.orgId, today });
    },
  );
}

async function getCaseNeed(ctx: Ctx, caseId: string) {
  const c = await repo.findCase(ctx.db, ctx.scope, caseId);
  if (!c) throw notFound('案件');
  const category = MATTER_CATEGORIES[c.category as keyof typeof MATTER_CATEGORIES] as { zh: string } | undefined;
  return { c, need: { capitalCase: c.capitalCase, specialty: category?.zh } };
}

/** The next person by fair rotation for a case, with the reason (shared/lawyers.ts suggestLawyer). */
export async function lawyerSuggestion(ctx: Ctx, caseId: string): Promise<LawyerSuggestion> {
  const { need } = await getCaseNeed(ctx, caseId);
  return suggestLawyer(await repo.activePool(ctx.db, ctx.scope), need);
}

/** Adds a person to the pool of a unit in the caller's scope, with its audit entry. */
export async function addLawyer(ctx: Ctx, input: CreateLawyerInput & { specialties: string[] }): Promise<Lawyer> {
  if (!Object.hasOwn(LAWYER_KINDS, input.kind)) throw new AppError('VALIDATION_FAILED', { first: '请选择人员类别' });
  if (!(await findOrg(ctx.db, ctx.scope, input.orgId))) throw notFound('所属单位');
  const id = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertLawyer(trx, {
      id,
      orgId: input.orgId,
      name: input.name,
      kind: input.kind,
      firm: input.firm,
      practiceYears: input.practiceYears,
      specialties: input.specialties,
      phoneMasked: maskPhone(input.phone),
    });
    await appendAudit(trx, ctx.actor, {
      action: 'legal-aid.lawyer.create',
      targetType: 'legal-aid.lawyer',
      targetId: id,
      summary: { name: input.name, kind: input.kind },
    });
  });
  const found = await repo.findLawyer(ctx.db, ctx.scope, id);
  if (!found) throw notFound('所属单位');
  return found;
}
