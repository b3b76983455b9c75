import { z } from 'zod';
import { createApiClient } from '../api';

let publicCsrf: string | undefined;
let onPublicUnauthenticated: (() => void) | undefined;

/** The citizen session's CSRF token (a different token from a staff session's). */
export function setPublicCsrfToken(token: string | undefined): void {
  publicCsrf = token;
}

/** Called when a citizen request answers 401: the public session ended or expired. */
export function setPublicUnauthenticatedHandler(handler: (() => void) | undefined): void {
  onPublicUnauthenticated = handler;
}

/** The portal's API client: public endpoints, the citizen session's CSRF token on writes. */
export const publicApi = createApiClient({
  csrf: () => publicCsrf,
  onUnauthenticated: (code) => {
    if (code === 'PUBLIC_UNAUTHENTICATED') onPublicUnauthenticated?.();
  },
});

// Declared inside the kernel's public.routes.ts; repeated here so the answers are checked.
export const PublicSessionInfo = z.object({
  account: z.object({ id: z.string(), phoneMasked: z.string() }),
  csrfToken: z.string(),
});
export type PublicSessionInfo = z.infer<typeof PublicSessionInfo>;

export const TrackResult = z.object({
  number: z.string(),
  title: z.string(),
  status: z.string(),
  statusEn: z.string().optional(),
  closed: z.boolean(),
  openedOn: z.string(),
  steps: z.array(z.object({ on: z.string(), action: z.string(), actionEn: z.string().optional(), status: z.string() })),
});
export type TrackResult = z.infer<typeof TrackResult>;

/** `+86 139-0797-1234` → `13907971234`; what is left is checked by the form and again by the server. */
export function normalisePhone(raw: string): string {
  const digits = raw.replace(/[\s\-()]/g, '');
  return digits.replace(/^(\+?86)(?=1\d{10}$)/, '');
}

/** A mainland mobile number: 11 digits starting 1[3-9]. */
export const isMobile = (phone: string): boolean => /^1[3-9]\d{9}$/.test(phone);
