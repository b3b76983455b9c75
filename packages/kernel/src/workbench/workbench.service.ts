import type { ModuleDefinition } from '../define-module';
import { getDeadlineRule } from '../deadlines/rules';
import type { Ctx } from '../http/types';
import { WORK_STAGES, workStates, type WorkbenchStage, type WorkflowDefinition, type WorkStage } from '../shared/workflow';
import type { Workbench, WorkbenchItem } from '../shared/workbench';
import { workflowsWithWork } from './runtime';
import * as repo from './workbench.repository';

export const MINE_LIMIT = 50;
export const ARRIVALS_LIMIT = 20;

/**
 * The kinds the caller sees on the workbench: those whose work it holds (the declared permission) or whose
 * matters it reads (`<module>.<kind>.read`, e.g. a city leader supervising) — and their work states.
 */
function visibleWork(modules: readonly ModuleDefinition[], permissions: ReadonlySet<string>) {
  const kinds: WorkflowDefinition[] = [];
  const states: { module: string; kind: string; status: string; stage: WorkStage }[] = [];
  for (const wf of workflowsWithWork(modules)) {
    const ws = workStates(wf);
    if (!permissions.has(`${wf.module}.${wf.kind}.read`) && !ws.some((s) => permissions.has(s.permission))) continue;
    kinds.push(wf);
    for (const s of ws) states.push({ module: wf.module, kind: wf.kind, status: s.status, stage: s.stage });
  }
  return { kinds, states, keys: kinds.map((w) => `${w.module}.${w.kind}`) };
}

const label = (wf: WorkflowDefinition | undefined, status: string) =>
  (wf?.labels.statuses as Record<string, { zh: string } | undefined> | undefined)?.[status]?.zh ?? status;
const ruleName = (id: string | null) => {
  if (!id) return null;
  try {
    return getDeadlineRule(id).nameZh;
  } catch {
    return id;
  }
};

function toItem(kinds: readonly WorkflowDefinition[], r: repo.ItemRow): WorkbenchItem {
  const wf = kinds.find((w) => w.module === r.module && w.kind === r.kind);
  return {
    id: r.id,
    module: r.module,
    kind: r.kind,
    number: r.number,
    title: r.title,
    status: r.status,
    statusZh: label(wf, r.status),
    orgName: r.orgName,
    openedAt: new Date(r.openedAt).toISOString(),
    dueDate: r.dueDate,
    deadlineZh: ruleName(r.ruleId),
    channelZh: r.source ? (wf?.work?.channels?.[r.source]?.zh ?? r.source) : null,
    link: `/matters/${r.id}`,
  };
}

/** The caller's workbench: counts per stage for its subtree, its own open matters, and what arrived in the last `days`. */
export async function getWorkbench(ctx: Ctx, modules: readonly ModuleDefinition[], today: string, days: number): Promise<Workbench> {
  const { kinds, states, keys } = visibleWork(modules, ctx.user.permissions);
  const since = new Date(ctx.now.getTime() - days * 86_400_000);
  const [rows, mine, arrivals] = await Promise.all([
    repo.countWork(ctx.db, ctx.scope, [...new Set(states.map((s) => s.status))], today),
    repo.listMine(ctx.db, ctx.scope, ctx.user.id, MINE_LIMIT),
    keys.length ? repo.listArrivals(ctx.db, ctx.scope, since, keys, ARRIVALS_LIMIT) : { items: [], byChannel: [] },
  ]);
  const stageOf = (r: repo.CountRow): WorkbenchStage | undefined =>
    r.src === 'deadline'
      ? keys.includes(`${r.module}.${r.kind}`)
        ? (r.key as WorkbenchStage)
        : undefined
      : states.find((s) => s.module === r.module && s.kind === r.kind && s.status === r.key)?.stage;
  const stages: WorkbenchStage[] = [...WORK_STAGES, 'dueSoon', 'overdue'];
  const counts = stages.map((stage) => {
    const parts = new Map<string, { module: string; kind: string; count: number }>();
    for (const r of rows) {
      if (stageOf(r) !== stage) continue;
      const k = `${r.module}.${r.kind}`;
      const p = parts.get(k) ?? { module: r.module, kind: r.kind, count: 0 };
      p.count += r.n;
      parts.set(k, p);
    }
    return { stage, count: [...parts.values()].reduce((n, p) => n + p.count, 0), parts: [...parts.values()] };
  });
  const channels = new Map<string, { channel: string; channelZh: string; count: number }>();
  for (const c of arrivals.byChannel) {
    const wf = kinds.find((w) => w.module === c.module && w.kind === c.kind);
    const channel = c.source ?? 'other';
    const entry = channels.get(channel) ?? { channel, channelZh: c.source ? (wf?.work?.channels?.[c.source]?.zh ?? c.source) : '其他', count: 0 };
    entry.count += c.n;
    channels.set(channel, entry);
  }
  return {
    unitName: ctx.user.orgName,
    today,
    counts,
    mine: { items: mine.items.map((r) => toItem(kinds, r)), total: mine.total },
    arrivals: {
      since: since.toISOString(),
      days,
      items: arrivals.items.map((r) => toItem(kinds, r)),
      total: [...channels.values()].reduce((n, c) => n + c.count, 0),
      byChannel: [...channels.values()].sort((a, b) => b.count - a.count),
    },
  };
}

/** The matters behind one count of the workbench (its drill-down), in the caller's subtree. */
export async function listStage(ctx: Ctx, modules: readonly ModuleDefinition[], today: string, stage: WorkbenchStage, page: number, pageSize: number) {
  const { kinds, states, keys } = visibleWork(modules, ctx.user.permissions);
  const offset = (page - 1) * pageSize;
  const r =
    stage === 'dueSoon' || stage === 'overdue'
      ? keys.length
        ? await repo.listByDeadline(ctx.db, ctx.scope, stage, today, keys, pageSize, offset)
        : { items: [], total: 0 }
      : await repo.listInStatuses(
          ctx.db,
          ctx.scope,
          states.filter((s) => s.stage === stage),
          pageSize,
          offset,
        );
  return { items: r.items.map((x) => toItem(kinds, x)), total: r.total, page, pageSize };
}
