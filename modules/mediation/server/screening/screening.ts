import { randomUUID } from 'node:crypto';
import { appendAudit, AppError, findOrg, notFound, type Ctx, type Matter, type PartyCtx } from '@sifa/kernel';
import { chinaDay } from '@sifa/kernel/shared';
import { CreateDisputeInput } from '../../shared/schemas';
import {
  SCREENING_KINDS,
  screeningProblems,
  type CreateScreeningInput,
  type ScreeningDetail,
  type ScreeningDisputeInput,
  type ScreeningFilter,
  type ScreeningListItem,
  type UpdateScreeningInput,
} from '../../shared/screening';
import * as repo from './screening-repository';
import { registerDispute } from '../disputes/service';

/**
 * 矛盾纠纷排查 (issue #4 item 2): screening records of the caller's scope, and disputes registered from them —
 * through `registerDispute`, with source `screening` and the link to the record (modules/mediation/README.md).
 */

const iso = (d: Date | string) => new Date(d).toISOString();
/** '' clears the notes; undefined leaves them as they are. */
const blank = (v: string | undefined) => (v === undefined ? undefined : v.trim() === '' ? null : v.trim());

function invalid(problems: { path: string; message: string }[]): never {
  const [first] = problems;
  throw new AppError(
    'VALIDATION_FAILED',
    { first: first?.message ?? '' },
    problems.map((p) => ({ field: p.path, message: p.message })),
  );
}

function toItem(r: repo.ScreeningRow): ScreeningListItem {
  return {
    id: r.id,
    orgId: r.orgId,
    orgName: r.orgName,
    screenedOn: r.screenedOn,
    area: r.area,
    screeners: r.screeners,
    kind: r.kind as ScreeningListItem['kind'],
    foundCount: r.foundCount,
    riskCount: r.riskCount,
    notes: r.notes,
    disputeCount: r.disputeCount,
    createdAt: iso(r.createdAt),
  };
}

/** A page of screenings of the caller's scope (or of one unit's subtree: 404 when it is outside). */
export async function listScreenings(ctx: Ctx, f: ScreeningFilter, page: number, pageSize: number) {
  if (f.orgId && !(await findOrg(ctx.db, ctx.scope, f.orgId))) throw notFound('单位');
  const { rows, total } = await repo.listScreenings(ctx.db, ctx.scope, f, page, pageSize);
  return { items: rows.map(toItem), total };
}

/** The screening with the disputes registered from it; 404 outside the caller's scope. */
export async function getScreening(ctx: Ctx, id: string): Promise<ScreeningDetail> {
  const r = await repo.findScreening(ctx.db, ctx.scope, id);
  if (!r) throw notFound('排查记录');
  const disputes = await repo.disputesOf(ctx.db, ctx.scope, id);
  return {
    ...toItem(r),
    createdByName: r.createdByName,
    updatedAt: iso(r.updatedAt),
    disputes: disputes.map((d) => ({
      id: d.id,
      number: d.number,
      title: d.title,
      status: d.status,
      category: d.category,
      orgName: d.orgName,
      openedAt: iso(d.openedAt),
    })),
  };
}

const kindZh = (kind: string) => (SCREENING_KINDS as Record<string, { zh: string } | undefined>)[kind]?.zh ?? kind;

/** Records a screening of a unit of the caller's scope: one transaction, one audit entry. */
export async function createScreening(ctx: Ctx, input: CreateScreeningInput): Promise<ScreeningDetail> {
  // the schema checked this in the browser's and the server's today; checked again here for a request at midnight
  const problems = screeningProblems(input, chinaDay(ctx.now));
  if (problems.length) invalid(problems);
  const id = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    const org = await findOrg(trx, ctx.scope, input.orgId);
    if (!org) throw notFound('排查单位');
    if (!org.active) throw new AppError('ORG_INACTIVE', { name: org.name });
    await repo.insertScreenings(trx, [
      {
        id,
        orgId: org.id,
        screenedOn: input.screenedOn,
        area: input.area,
        screeners: input.screeners,
        kind: input.kind,
        foundCount: input.foundCount,
        riskCount: input.riskCount,
        notes: blank(input.notes) ?? null,
        createdBy: ctx.user.id,
      },
    ]);
    await appendAudit(trx, ctx.actor, {
      action: 'mediation.screening.create',
      targetType: 'screening',
      targetId: id,
      summary: {
        org: org.name,
        screenedOn: input.screenedOn,
        area: input.area,
        kind: kindZh(input.kind),
        foundCount: input.foundCount,
        riskCount: input.riskCount,
      },
    });
  });
  return getScreening(ctx, id);
}

/** Corrects a screening record; the counts are checked against what is stored for the fields not sent. */
export async function updateScreening(ctx: Ctx, id: string, input: UpdateScreeningInput): Promise<ScreeningDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findScreening(trx, ctx.scope, id);
    if (!before) throw notFound('排查记录');
    const after = {
      screenedOn: input.screenedOn ?? before.screenedOn,
      foundCount: input.foundCount ?? before.foundCount,
      riskCount: input.riskCount ?? before.riskCount,
    };
    const problems = screeningProblems(after, chinaDay(ctx.now));
    if (problems.length) invalid(problems);
    const patch = {
      ...(input.screenedOn !== undefined ? { screenedOn: input.screenedOn } : {}),
      ...(input.area !== undefined ? { area: input.area } : {}),
      ...(input.screeners !== undefined ? { screeners: input.screeners } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.foundCount !== undefined ? { foundCount: input.foundCount } : {}),
      ...(input.riskCount !== undefined ? { riskCount: input.riskCount } : {}),
      ...(input.notes !== undefined ? { notes: blank(input.notes) } : {}),
      updatedAt: ctx.now,
    };
    await repo.updateScreeningRow(trx, id, patch);
    const was = {
      screenedOn: before.screenedOn,
      area: before.area,
      screeners: before.screeners,
      kind: before.kind,
      foundCount: before.foundCount,
      riskCount: before.riskCount,
      notes: before.notes,
    };
    await appendAudit(trx, ctx.actor, {
      action: 'mediation.screening.update',
      targetType: 'screening',
      targetId: id,
      summary: { org: before.orgName, before: was, after: input },
    });
  });
  return getScreening(ctx, id);
}

/**
 * Registers a dispute the screening found: `registerDispute` with source `screening` and the link, in its one
 * transaction (matter, parties, dispute row, audit). The screening must be of the caller's scope.
 */
export async function registerFromScreening(ctx: PartyCtx, id: string, input: ScreeningDisputeInput): Promise<Matter> {
  if (!(await repo.findScreening(ctx.db, ctx.scope, id))) throw notFound('排查记录');
  const parsed = CreateDisputeInput.safeParse({ ...input, source: 'screening', screeningId: id });
  if (!parsed.success) invalid(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || 'body', message: i.message })));
  return registerDispute(ctx, parsed.data);
}
