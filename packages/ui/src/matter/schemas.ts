import { z } from 'zod';
import { Deadline, DeadlineCite, DeadlineLevel, Matter } from '@sifa/kernel/shared';

// The kernel declares these answers inside its route files (matter.routes.ts, notification.routes.ts), not in
// @sifa/kernel/shared; they are repeated here field for field so every answer is still checked.

/** `GET /api/matters/:id`: the matter, its status label, the actions open to the caller, its assignments. */
export const MatterDetail = z.object({
  matter: Matter,
  statusLabel: z.object({ zh: z.string(), en: z.string() }),
  actions: z.array(z.object({ action: z.string(), labelZh: z.string(), labelEn: z.string() })),
  assignments: z.array(
    z.object({
      userId: z.string().nullable(),
      userName: z.string().nullable(),
      orgId: z.string().nullable(),
      orgName: z.string().nullable(),
      role: z.string(),
      active: z.boolean(),
    }),
  ),
});
export type MatterDetail = z.infer<typeof MatterDetail>;

/** `GET /api/matters/:id/parties`: parties with their role, ID and phone masked. */
export const MatterParty = z.object({
  partyId: z.string(),
  role: z.string(),
  addedAt: z.string(),
  kind: z.string(),
  name: z.string(),
  idType: z.string().nullable(),
  idMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  uscc: z.string().nullable(),
});
export type MatterParty = z.infer<typeof MatterParty>;

/**
 * `GET /api/matters/:id/deadlines`: the matter's deadline instances. The level, explanation and citation are taken
 * when the server sends them; otherwise the page reckons the level from the warning date and asks the deadline
 * preview for the explanation.
 */
export const MatterDeadline = Deadline.extend({
  ruleNameEn: z.string().optional(),
  level: DeadlineLevel.optional(),
  explanation: z.array(z.string()).optional(),
  cite: DeadlineCite.optional(),
});
export type MatterDeadline = z.infer<typeof MatterDeadline>;
