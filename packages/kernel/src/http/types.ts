import type { AnchorCheck } from '../audit/verify';
import type {} from '@fastify/cookie';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Actor } from '../audit/audit';
import type { Database } from '../db/schema';
import type { Engine } from '../db/engine';
import type { Clock } from '../deadlines/clock';
import type { Locale } from '../errors';
import type { Scope } from '../scope';
import type { PublicSession } from '../public/public-auth.service';
import type { RoleCode } from '../shared/permissions';

/** The signed-in staff member a request acts for. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  orgPath: string;
  roles: RoleCode[];
  permissions: ReadonlySet<string>;
  sessionId: string;
  csrfToken: string;
  /** Whether the account has a second factor (TOTP) enrolled; absent for system accounts acting without a session. */
  secondFactorEnrolled?: boolean;
  /** Whether its roles must hold one (SIFA_MFA_ROLES); required and not enrolled: only enrolment is open (ADR 0020). */
  secondFactorRequired?: boolean;
  /** When the session ends unless used again (idle timeout or absolute lifetime); absent for system accounts. */
  sessionExpiresAt?: Date;
}

/**
 * How the generated scope test probes a route (packages/testing): every route that is not public declares
 * one, so a new route cannot escape the test.
 * - `resource`: the route acts on the resource named by the `:id` path parameter; called with a resource of
 *   another county it must answer 404 and change nothing. `body` is a valid request body for write routes; a
 *   value `'$<resource>'` stands for an in-scope instance of that resource kind (e.g. `'$party'`).
 *   `upload` makes the request multipart/form-data with that file in the field `file` (upload routes).
 * - `list`: the route lists or exports scoped data; called by a county user the answer must not mention
 *   anything of another county. `query` may carry extra query parameters; path parameters come from the test's
 *   `listParams`. With `orgQuery`, that query parameter set to another county's unit must answer 404.
 * - `bodyOrg`: the route creates something under the unit named by `field` in `body`; with another county's
 *   unit it must answer 404.
 * - `self`: the route only touches the caller's own account or session.
 * - `unscoped`: the route serves reference data that is the same for everyone (roles, divisions); `reason` says so.
 */
export type ScopeProbe =
  | { kind: 'resource'; resource: string; body?: Record<string, unknown>; control?: 'success' | 'found'; upload?: { filename: string; content: string } }
  | { kind: 'list'; query?: Record<string, string>; orgQuery?: string }
  | { kind: 'bodyOrg'; field: string; body: Record<string, unknown> }
  | { kind: 'self' }
  | { kind: 'unscoped'; reason: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission a caller needs; `<module>.<object>.<action>`. */
    permission?: string;
    /** Any signed-in staff member may call it (own session, own password). */
    authenticated?: boolean;
    /** Open to a signed-in account that must still enrol its second factor (own session, enrolment, sign-out). */
    enrolment?: boolean;
    /** No sign-in needed. */
    public?: boolean;
    /** A citizen or enterprise signed in with phone + code (public portal). */
    citizen?: boolean;
    scopeProbe?: ScopeProbe;
  }
  interface FastifyRequest {
    user: AuthUser | null;
    citizen: PublicSession | null;
    locale: Locale;
    /** The instant the request was taken at, from the app's clock (ModuleDeps.clock): one `now` per request. */
    now: Date;
  }
}

export type SifaApp = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

/** What a use case needs from the request: the database, who acts, and within which scope. */
export interface Ctx {
  db: Kysely<Database>;
  actor: Actor;
  scope: Scope;
  user: AuthUser;
  /** The request's (or job's) instant from the app's clock; services use it instead of `new Date()`. */
  now: Date;
}

export interface ModuleDeps {
  engine: Engine;
  config: {
    dataDir: string | undefined;
    /** SIFA_FILES_DIR: where attachments and issued PDFs are stored (files/storage.ts resolveFilesRoot). */
    filesDir?: string | undefined;
    /** The SM2-signed copy of the audit chain's head kept outside the database, and its public key (ADR 0019). */
    auditAnchor?: AnchorCheck | undefined;
    /** SIFA_PUBLIC_URL: the address citizens reach; QR codes on documents point to `<publicBaseUrl>/verify/<code>`. */
    publicBaseUrl?: string;
    /** SIFA_UPLOAD_MAX_MB in bytes; 20 MB when absent. */
    uploadMaxBytes?: number;
    /** SIFA_PHONE_REVEALS_PER_HOUR: first reveals of a party's phone one user may make in an hour (default 20, ADR 0025). */
    phoneRevealsPerHour?: number;
  };
  /** Master key for personal data at rest (parties/crypto.ts resolveDataKey). */
  dataKey: Buffer;
  /** Where "today" comes from for deadline levels; the system clock unless a test fixes it. */
  clock?: Clock;
}
