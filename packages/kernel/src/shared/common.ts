import { z } from 'zod';

/** The one error shape of every API response that is not a success. */
export const ApiError = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ApiError = z.infer<typeof ApiError>;

/**
 * The longest text a request field takes when its schema says nothing (the app applies it to every route,
 * ADR 0017): enough for a reason or a note; a field that needs more (a dispute's facts, a document's body)
 * declares its own `.max(n)`.
 */
export const DEFAULT_TEXT_MAX = 2000;

// NUL, or a high surrogate not followed by a low one, or a low one not preceded by a high one (UTF-16 units:
// no `u` flag, which would hide unpaired surrogates from the pattern).
// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const ILL_FORMED_UNITS = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why PostgreSQL could not store a text, if it could not: a NUL byte, or an unpaired UTF-16 surrogate (text
 * columns are UTF-8; both made the database fail with 500s).
 */
export function illFormedCharacter(text: string): 'nul' | 'surrogate' | undefined {
  const m = ILL_FORMED_UNITS.exec(text);
  if (!m) return undefined;
  return m[0] === '\u0000' ? 'nul' : 'surrogate';
}

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const IdParams = z.object({ id: z.uuid('编号格式不正确') });

export const AuditEntry = z.object({
  id: z.number().int(),
  /** the entry's place in the hash chain; null until sealed (ADR 0011) */
  seq: z.number().int().nullable(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  result: z.string(),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  summary: z.unknown(),
  /** the action in words (shared/audit-labels.ts); null for a code nobody declared */
  actionLabel: z.object({ zh: z.string(), en: z.string() }).nullable().optional(),
  /** the matter the entry is about, when it is one of the caller's scope: its number and name */
  matter: z.object({ number: z.string(), title: z.string() }).nullable().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = PageQuery.extend({
  from: z.iso.date('开始日期格式应为 YYYY-MM-DD').optional(),
  to: z.iso.date('结束日期格式应为 YYYY-MM-DD').optional(),
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(100).optional(),
  orgId: z.uuid().optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const TodoItem = z.object({
  id: z.string(),
  module: z.string(),
  title: z.string(),
  matterNumber: z.string().nullable(),
  dueDate: z.string().nullable(),
  level: z.enum(['normal', 'due-soon', 'overdue']),
  link: z.string(),
});
export type TodoItem = z.infer<typeof TodoItem>;
