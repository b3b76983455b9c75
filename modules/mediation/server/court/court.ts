import type { Kysely } from 'kysely';
import { findOrg, notFound, openMattersBulk, type Database, type PartyCtx, type Scope } from '@sifa/kernel';
import { CourtReferral, type CourtReferralReport, type CourtResult } from '../../shared/court';
import { DISPUTE_WORKFLOW } from '../../shared/workflow';
import { countCourtDisputes, courtDisputes, insertCourtDisputes, registeredCaseNumbers, type CourtFilter } from './court-repository';
import { chinaDay } from '@sifa/kernel/shared';

const day = (d: Date | string | null) => (d ? chinaDay(d) : null);

/**
 * Registers a court's batch — from the API or a file — in one transaction: every row is validated on its own, a
 * case number already registered (in the batch or before) is refused, the valid rows are opened in bulk
 * (kernel openMattersBulk: parties, numbers, matters, one audit entry), and the report says for every row what
 * was created or what is wrong. `rowNumbers` are the sheet's row numbers for a file (else 1, 2, …).
 */
export async function importCourtReferrals(
  ctx: PartyCtx,
  orgId: string,
  rows: readonly unknown[],
  meta: { via: 'api' | 'file'; file?: string; rowNumbers?: readonly number[]; categories: ReadonlySet<string> },
): Promise<CourtReferralReport> {
  // The receiving unit first: a batch for a unit outside the caller's scope is refused whole.
  const org = await findOrg(ctx.db, ctx.scope, orgId);
  if (!org) throw notFound('接收单位');
  const rowNo = (i: number) => meta.rowNumbers?.[i] ?? i + 1;
  const caseOf = (raw: unknown) => {
    const c = (raw as { courtCaseNumber?: unknown } | null)?.courtCaseNumber;
    return typeof c === 'string' ? c.trim() : null;
  };
  const existing = await registeredCaseNumbers(
    ctx.db,
    ctx.scope,
    rows.map(caseOf).filter((c): c is string => !!c),
  );
  const seen = new Set<string>();
  const parsed: CourtReferral[] = [];
  // Each row is checked on its own, one round ahead of the writing (kernel openMattersBulk `check`).
  const check = (raw: unknown, i: number) => {
    // a category that is no active one is named as the court wrote it (category.ts), in place of the format problem
    const category = (raw as { category?: unknown } | null)?.category;
    const unknown =
      typeof category === 'string' && category.trim() && !meta.categories.has(category.trim()) ? `纠纷类型：“${category.trim()}”不存在或已停用` : undefined;
    const res = CourtReferral.safeParse(raw);
    if (!res.success || unknown) {
      const problems = res.success
        ? []
        : res.error.issues.map((x) => (unknown && x.path[0] === 'category' ? unknown : `${fieldLabel(raw, x.path)}：${x.message}`));
      return { problems: unknown && !problems.includes(unknown) ? [...problems, unknown] : problems };
    }
    const r = res.data;
    if (seen.has(r.courtCaseNumber) || existing.has(r.courtCaseNumber)) return { problems: [`法院案号 ${r.courtCaseNumber} 已登记，不重复登记`] };
    seen.add(r.courtCaseNumber);
    parsed[i] = r;
    return {
      title: r.summary,
      data: { source: r.kind, category: r.category, courtCaseNumber: r.courtCaseNumber },
      parties: r.parties.map(({ role, ...party }) => ({ role, party })),
    };
  };
  const results = await openMattersBulk(
    ctx,
    DISPUTE_WORKFLOW,
    { orgId, items: rows, check, audit: { via: meta.via, ...(meta.file ? { file: meta.file } : {}), rows: rows.length } },
    async (trx, opened) => {
      await insertCourtDisputes(
        trx,
        opened.map(({ index, matter }) => {
          const r = parsed[index] as CourtReferral;
          const procedure = r.courtProcedure ?? (r.kind === 'court-entrusted' ? 'ordinary' : null);
          return [matter.id, r.category, r.kind, r.description, r.courtCaseNumber, r.courtName, procedure] as const;
        }),
      );
    },
  );
  const report: CourtReferralReport = { created: 0, rows: [] };
  rows.forEach((raw, i) => {
    const res = results[i];
    if (res?.ok) {
      report.created++;
      report.rows.push({ row: rowNo(i), courtCaseNumber: caseOf(raw), ok: true, number: res.matter.number, problems: [] });
    } else {
      report.rows.push({ row: rowNo(i), courtCaseNumber: caseOf(raw), ok: false, number: null, problems: res?.problems ?? [] });
    }
  });
  return report;
}

const FIELD_LABELS: Record<string, string> = {
  courtCaseNumber: '法院案号',
  courtName: '法院',
  kind: '调解类型',
  courtProcedure: '适用程序',
  category: '纠纷类型',
  summary: '纠纷名称',
  description: '纠纷情况',
  parties: '当事人',
};
const PARTY_FIELDS: Record<string, string> = {
  name: '姓名',
  idNumber: '证件号码',
  idType: '证件类型',
  uscc: '证件号码',
  phone: '电话',
  kind: '类型',
  role: '角色',
};

/** A problem's place as the court's sheet names it: 申请人证件号码, 被申请人电话, 纠纷类型 … (not parties.0.idNumber). */
function fieldLabel(raw: unknown, path: readonly PropertyKey[]): string {
  const [head, index, field] = path;
  if (head === 'parties' && typeof index === 'number') {
    const role = (raw as { parties?: { role?: unknown }[] } | null)?.parties?.[index]?.role;
    const who = role === 'applicant' ? '申请人' : role === 'respondent' ? '被申请人' : `第 ${String(index + 1)} 名当事人`;
    return `${who}${typeof field === 'string' ? (PARTY_FIELDS[field] ?? field) : ''}`;
  }
  return typeof head === 'string' ? (FIELD_LABELS[head] ?? head) : '行';
}

/** One page of the results for the courts, with how many the filter holds (the console's list). */
export async function courtResultsPage(db: Kysely<Database>, scope: Scope, f: CourtFilter, page: number, pageSize: number) {
  const [items, total] = await Promise.all([courtResults(db, scope, f, { limit: pageSize, offset: (page - 1) * pageSize }), countCourtDisputes(db, scope, f)]);
  return { items, total, page, pageSize };
}

/** Results for the courts: court-linked disputes of the caller's scope, filtered by court or case number, newest first. */
export async function courtResults(db: Kysely<Database>, scope: Scope, f: CourtFilter, window: { limit: number; offset: number }): Promise<CourtResult[]> {
  const rows = await courtDisputes(db, scope, f, window);
  return rows.map((r) => ({
    id: r.id,
    courtCaseNumber: r.courtCaseNumber ?? '',
    courtName: r.courtName,
    number: r.number,
    status: r.status,
    statusZh: DISPUTE_WORKFLOW.labels.statuses[r.status as 'agreed'].zh,
    outcome: r.outcome,
    registeredOn: day(r.openedAt) ?? '',
    closedOn: day(r.closedAt),
    agreementKind: r.agreementKind,
    agreementEffectiveOn: r.agreementEffectiveOn,
  }));
}
