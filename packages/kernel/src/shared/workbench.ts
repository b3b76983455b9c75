import { z } from 'zod';

/** The workbench's stages (ADR 0023): three declared by the workflows, two computed from open deadlines. */
export const WorkbenchStageCode = z.enum(['accept', 'assign', 'inHand', 'dueSoon', 'overdue']);

/** One matter on the workbench: a row of a stage's list, of the user's own items or of the new arrivals. */
export const WorkbenchItem = z.object({
  id: z.string(),
  module: z.string(),
  kind: z.string(),
  number: z.string(),
  title: z.string(),
  status: z.string(),
  statusZh: z.string(),
  orgName: z.string(),
  openedAt: z.string(),
  /** the nearest open deadline (or, in 即将到期/已逾期, the deadline counted) */
  dueDate: z.string().nullable(),
  deadlineZh: z.string().nullable(),
  /** the channel it came in by (网上申请, 法院委派 …), when the workflow names it */
  channelZh: z.string().nullable(),
  link: z.string(),
});
export type WorkbenchItem = z.infer<typeof WorkbenchItem>;

export const WorkbenchCount = z.object({
  stage: WorkbenchStageCode,
  count: z.number(),
  /** by module and kind, for the figure's tooltip */
  parts: z.array(z.object({ module: z.string(), kind: z.string(), count: z.number() })),
});

export const Workbench = z.object({
  unitName: z.string(),
  today: z.string(),
  counts: z.array(WorkbenchCount),
  mine: z.object({ items: z.array(WorkbenchItem), total: z.number() }),
  arrivals: z.object({
    since: z.string(),
    days: z.number(),
    items: z.array(WorkbenchItem),
    total: z.number(),
    byChannel: z.array(z.object({ channel: z.string(), channelZh: z.string(), count: z.number() })),
  }),
});
export type Workbench = z.infer<typeof Workbench>;

export const WorkbenchQuery = z.object({ days: z.coerce.number().int().min(1, '天数至少为 1').max(90, '天数不超过 90').default(7) });

export const WorkbenchItemsQuery = z.object({
  stage: WorkbenchStageCode,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const WorkbenchItemsPage = z.object({ items: z.array(WorkbenchItem), total: z.number(), page: z.number(), pageSize: z.number() });
