import type { Kysely } from 'kysely';
import { findOrg, inScope, notFound, type Database, type PartyCtx, type Scope } from '@sifa/kernel';
import { CourtReferral, type CourtReferralReport, type CourtResult } from '../shared/court';
import { DISPUTE_WORKFLOW } from '../shared/workflow';
import { mdb } from './schema';
import { registerDispute } from './service';
import { chinaDay } from '@sifa/kernel/shared';

const day = (d: Date | string | null) => (d ? chinaDay(d) : null);

/**
 * Registers a court's batch row by row: each row is validated on its own, a case number already registered (in
 * the batch or before) is refused, and the report says for every row what was created or what is wrong.
 */
export async function importCourtReferrals(ctx: PartyCtx, orgId: string, rows: unknown[]): Promise<CourtReferralReport> {
  // The receiving unit first: a batch for a unit outside the caller's scope is refused whole.
  const org = await findOrg(ctx.db, ctx.scope, orgId);
  if (!org) throw notFound('接收单位');
  const report: CourtReferralReport = { created: 0, rows: [] };
  const seen = new Set<string>();
  for (const [i, raw] of rows.entries()) {
    const row = i + 1;
    const parsed = CourtReferral.safeParse(raw);
    const caseNo = parsed.success ? parsed.data.courtCaseNumber : typeof (raw as { courtCaseNumber?: unknown } | null)?.courtCaseNumber === 'string' ? (raw as { courtCaseNumber: string }).courtCaseNumber : null;
    if (!parsed.success) {
      report.rows.push({ row, courtCaseNumber: caseNo, ok: false, number: null, problems: parsed.error.issues.map((x) => `${x.path.join('.') || '行'}：${x.message}`) });
      continue;
    }
    const r = parsed.data;
    if (seen.has(r.courtCaseNumber) || (await findByCaseNumber(ctx.db, ctx.scope, r.courtCaseNumber))) {
      report.rows.push({ row, courtCaseNumber: r.courtCaseNumber, ok: false, number: null, problems: [`法院案号 ${r.courtCaseNumber} 已登记，不重复登记`] });
      continue;
    }
    seen.add(r.courtCaseNumber);
    try {
      const m = await registerDispute(ctx, {
        orgId,
        category: r.category,
        source: r.kind,
        summary: r.summary,
        description: r.description,
        courtCaseNumber: r.courtCaseNumber,
        courtName: r.courtName,
        ...(r.courtProcedure ? { courtProcedure: r.courtProcedure } : r.kind === 'court-entrusted' ? { courtProcedure: 'ordinary' as const } : {}),
        parties: r.parties,
      });
      report.created++;
      report.rows.push({ row, courtCaseNumber: r.courtCaseNumber, ok: true, number: m.number, problems: [] });
    } catch (e) {
      report.rows.push({ row, courtCaseNumber: r.courtCaseNumber, ok: false, number: null, problems: [e instanceof Error ? e.message : String(e)] });
    }
  }
  return report;
}

async function findByCaseNumber(db: Kysely<Database>, scope: Scope, courtCaseNumber: string) {
  return mdb(db).selectFrom('mediation.disputes as d').select('d.id').where('d.courtCaseNumber', '=', courtCaseNumber).where(inScope(scope, 'd.orgId')).executeTakeFirst();
}

/** Results for the courts: court-linked disputes of the caller's scope, filtered by court or case number. */
export async function courtResults(db: Kysely<Database>, scope: Scope, f: { courtName?: string | undefined; courtCaseNumber?: string | undefined }): Promise<CourtResult[]> {
  let q = mdb(db)
    .selectFrom('mediation.disputes as d')
    .select(['d.courtCaseNumber', 'd.courtName', 'd.number', 'd.status', 'd.outcome', 'd.registeredAt', 'd.closedAt', 'd.agreementKind', 'd.agreementEffectiveOn'])
    .where('d.source', 'in', ['court-delegated', 'court-entrusted', 'court-invited'])
    .where('d.courtCaseNumber', 'is not', null)
    .where(inScope(scope, 'd.orgId'));
  if (f.courtName) q = q.where('d.courtName', '=', f.courtName);
  if (f.courtCaseNumber) q = q.where('d.courtCaseNumber', '=', f.courtCaseNumber);
  const rows = await q.orderBy('d.registeredAt', 'desc').limit(100_000).execute();
  return rows.map((r) => ({
    courtCaseNumber: r.courtCaseNumber ?? '',
    courtName: r.courtName,
    number: r.number,
    status: r.status,
    statusZh: DISPUTE_WORKFLOW.labels.statuses[r.status as 'agreed'].zh,
    outcome: r.outcome,
    registeredOn: day(r.registeredAt) ?? '',
    closedOn: day(r.closedAt),
    agreementKind: r.agreementKind,
    agreementEffectiveOn: r.agreementEffectiveOn,
  }));
}
