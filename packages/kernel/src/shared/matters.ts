import { z } from 'zod';

export const Matter = z.object({
  id: z.uuid(),
  module: z.string(),
  kind: z.string(),
  number: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  status: z.string(),
  title: z.string(),
  outcome: z.string().nullable(),
  version: z.number().int(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type Matter = z.infer<typeof Matter>;

export const MatterActionEntry = z.object({
  id: z.number().int(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorName: z.string().nullable(),
  at: z.string(),
  note: z.string().nullable(),
  data: z.unknown(),
});
export type MatterActionEntry = z.infer<typeof MatterActionEntry>;

/** What every workflow action request carries: the action, the version the user saw, an optional note. */
export const ActInput = z.object({
  action: z.string().min(1, '请选择操作'),
  expectedVersion: z.number().int().min(1, '缺少版本号，请刷新页面后重试'),
  note: z.string().trim().max(2000, '说明不超过 2000 字').optional(),
});
export type ActInput = z.infer<typeof ActInput>;
