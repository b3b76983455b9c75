import { z } from 'zod';

/** The request methods that change something (the citizen session's CSRF token goes with them). */
export type PortalWriteMethod = 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * What the portal needs of an API client: the console's `createApiClient` result fits (apps/web/src/api.ts). Errors
 * are the console's `ApiError` (`status`, `code`, a message meant for the person at the screen).
 */
export interface PortalApiClient {
  get<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>>;
  send<S extends z.ZodType>(method: PortalWriteMethod, path: string, body: unknown, schema: S): Promise<z.infer<S>>;
  call(method: PortalWriteMethod, path: string, body?: unknown): Promise<void>;
}

/** The query key of the citizen session; set to null when it ends. */
export const PUBLIC_SESSION_KEY = ['portal', 'session'] as const;

let csrfToken: string | undefined;
let onUnauthenticated: (() => void) | undefined;

/** The citizen session's CSRF token (a different token from a staff session's); the portal client sends it on writes. */
export function publicCsrfToken(): string | undefined {
  return csrfToken;
}

/** Remembers (or forgets, with undefined) the citizen session's CSRF token. */
export function setPublicCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Who hears that the citizen session ended; `PortalProvider` sets it to forget the cached session. */
export function setPublicUnauthenticatedHandler(handler: (() => void) | undefined): void {
  onUnauthenticated = handler;
}

/**
 * For the portal client's `onUnauthenticated`: a 401 coded PUBLIC_UNAUTHENTICATED means the citizen session ended or
 * expired; other 401s (a wrong SMS code) are the page's to show.
 */
export function publicUnauthenticated(code: string): void {
  if (code === 'PUBLIC_UNAUTHENTICATED') onUnauthenticated?.();
}

/** An error's HTTP status when it carries one (the console's ApiError does). */
export function errorStatus(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : undefined;
}

// Declared inside the kernel's public.routes.ts; repeated here so the answers are checked.
export const PublicSessionInfo = z.object({
  account: z.object({ id: z.string(), phoneMasked: z.string() }),
  csrfToken: z.string(),
});
export type PublicSessionInfo = z.infer<typeof PublicSessionInfo>;

/** A tracked matter (`GET /api/public/track`): labels come from its module's workflow, chosen by the server. */
export const TrackResult = z.object({
  /** The module and matter kind, so the portal can show what that module adds (a rating form). */
  module: z.string().optional(),
  kind: z.string().optional(),
  number: z.string(),
  title: z.string(),
  status: z.string(),
  statusEn: z.string().optional(),
  closed: z.boolean(),
  openedOn: z.string(),
  steps: z.array(z.object({ on: z.string(), action: z.string(), actionEn: z.string().optional(), status: z.string(), statusEn: z.string().optional() })),
});
export type TrackResult = z.infer<typeof TrackResult>;

/** `+86 139-0797-1234` → `13907971234`; what is left is checked by the form and again by the server. */
export function normalisePhone(raw: string): string {
  const digits = raw.replace(/[\s\-()]/g, '');
  return digits.replace(/^(\+?86)(?=1\d{10}$)/, '');
}

/** A mainland mobile number: 11 digits starting 1[3-9]. */
export const isMobile = (phone: string): boolean => /^1[3-9]\d{9}$/.test(phone);

/** `13907971234` → `139****1234`, as the server masks phones. */
export const maskPhone = (phone: string): string => `${phone.slice(0, 3)}****${phone.slice(7)}`;
