import { z } from 'zod';

/** A file uploaded to a matter. */
export const Attachment = z.object({
  id: z.string(),
  matterId: z.string(),
  filename: z.string(),
  mime: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedByName: z.string().nullable(),
  uploadedAt: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

/**
 * The longest body a document may have, all paragraphs together: ~32 pages of GB/T 9704 text (22 lines of 28
 * characters). Rendering costs ~9 µs a character; a 1 MB body once took 9 s (issue #11 item 1).
 */
export const MAX_DOCUMENT_BODY_CHARS = 20_000;

/** How a body over the limit is refused (the schema and the service say the same). */
export const documentBodyTooLong = (chars: number) =>
  `文书正文共 ${String(chars)} 字，超过 ${String(MAX_DOCUMENT_BODY_CHARS)} 字 (约 32 页) 的上限，请精简或分为多份文书`;

const bodyChars = (body: readonly string[]) => body.reduce((n, p) => n + p.length, 0);

/** What staff submit to issue a document; the server adds the unit, number, date and QR code. */
export const IssueDocumentInput = z.object({
  kind: z
    .string()
    .max(64)
    .regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/, '文书类型代码只能由小写字母、数字、点和连字符组成，如 mediation.acceptance-notice'),
  title: z.string().trim().min(2, '请填写文书标题 (文种名称)').max(40, '文书标题不超过 40 个字'),
  /** A number assigned elsewhere (e.g. by hand); when absent the platform numbers the document. */
  number: z.string().trim().min(3, '文书编号至少 3 个字').max(60, '文书编号不超过 60 个字').optional(),
  /** The issuing unit: the matter's unit (default) or a unit above it within the caller's scope. */
  issuingOrgId: z.uuid().optional(),
  /** 主送: the person or unit addressed, printed above the body (never shown publicly). */
  addressee: z.string().trim().max(100).optional(),
  body: z
    .array(z.string().trim().min(1, '正文段落不能为空').max(5000, '每段不超过 5000 字'))
    .min(1, '正文至少一段')
    .max(200, '正文不超过 200 段')
    .refine((b) => bodyChars(b) <= MAX_DOCUMENT_BODY_CHARS, { error: (i) => documentBodyTooLong(bodyChars(i.input as string[])) }),
});
export type IssueDocumentInput = z.infer<typeof IssueDocumentInput>;

export const HASH_ALGORITHM = 'SM3';

/** A document as staff see it in the matter's documents tab. */
export const DocumentSummary = z.object({
  id: z.string(),
  matterId: z.string(),
  kind: z.string(),
  title: z.string(),
  number: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  issuedAt: z.string(),
  contentHash: z.string(),
  hashAlgorithm: z.literal(HASH_ALGORITHM),
  sizeBytes: z.number().int(),
  issuedByName: z.string().nullable(),
  verifyUrl: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const RevokeDocumentInput = z.object({ reason: z.string().trim().min(2, '请填写撤销理由').max(500, '撤销理由不超过 500 字') });

/**
 * What anyone holding the QR code may see: enough to tell a genuine document from a forged or altered one,
 * and nothing about the people it concerns (no names, ID numbers or body text).
 */
export const DocumentVerification = z.object({
  number: z.string(),
  issuingUnit: z.string(),
  /** YYYY-MM-DD, Asia/Shanghai. */
  issuedAt: z.string(),
  kind: z.string(),
  title: z.string(),
  contentHash: z.string(),
  hashAlgorithm: z.literal(HASH_ALGORITHM),
  revoked: z.boolean(),
  /** YYYY-MM-DD when revoked. */
  revokedAt: z.string().nullable(),
});
export type DocumentVerification = z.infer<typeof DocumentVerification>;

export const VerifyCodeParams = z.object({ code: z.string() });

/**
 * What an attachment upload may be (GET /api/attachments/limits; SIFA_UPLOAD_MAX_MB and the accepted types): the
 * console checks a file against it before sending, so a file over the limit is refused at once (issue #13 item 8).
 */
export const UploadLimitsInfo = z.object({
  maxBytes: z.number().int().positive(),
  types: z.array(z.object({ ext: z.string(), mime: z.string(), label: z.string() })),
});
export type UploadLimitsInfo = z.infer<typeof UploadLimitsInfo>;
