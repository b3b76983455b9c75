import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit';
import type { Database } from '../db/schema';
import { AppError, notFound } from '../errors';
import type { FileStorage, StoredFile } from '../files/storage';
import type { Ctx } from '../http/types';
import { canReadMatterOf, readableMatter } from '../matters/matter-access';
import type { MatterRow } from '../matters/matter.repository';
import { followsTemplate, formatNumber, numberingAbbr, peekNumber, takeNumber } from '../matters/numbering';
import { documentKindFor, documentNumberTemplate } from './document-kinds';
import { findOrg } from '../orgs/org.repository';
import {
  documentBodyTooLong,
  HASH_ALGORITHM,
  MAX_DOCUMENT_BODY_CHARS,
  type DocumentSummary,
  type DocumentVerification,
  type IssueDocumentInput,
} from '../shared/documents';
import * as repo from './document.repository';
import { checkFonts } from './pdf';
import { renderPdfOffThread } from './render';
import { newVerifyCode, normalizeVerifyCode, verifyUrl } from './verify-code';
import { chinaDay } from '../shared/china-time';

/** The use-case context of document work: who acts, the file store, and the public address QR codes point to. */
export interface DocumentCtx extends Ctx {
  files: FileStorage;
  publicBaseUrl: string;
}

/** SM3 (GB/T 32905) of the PDF bytes: the content hash the public page shows. */
export const sm3Hex = (bytes: Uint8Array) => createHash('sm3').update(bytes).digest('hex');

const shanghaiDate = (iso: string) => chinaDay(iso);
const shanghaiYear = (d: Date) => Number(shanghaiDate(d.toISOString()).slice(0, 4));

const summaryOf = (ctx: DocumentCtx, d: repo.DocumentRow): DocumentSummary => ({
  id: d.id,
  matterId: d.matterId,
  kind: d.kind,
  title: d.title,
  number: d.number,
  orgId: d.orgId,
  orgName: d.orgName,
  issuedAt: d.issuedAt,
  contentHash: d.contentSm3,
  hashAlgorithm: HASH_ALGORITHM,
  sizeBytes: d.sizeBytes,
  issuedByName: d.issuedByName,
  verifyUrl: verifyUrl(ctx.publicBaseUrl, d.verifyCode),
  revokedAt: d.revokedAt,
  revokeReason: d.revokeReason,
});

/** The title is public (verification page): refuse party names and long digit runs (ID, phone numbers). */
async function checkTitle(db: Kysely<Database>, matterId: string, title: string) {
  const names = await repo.partyNamesOf(db, matterId);
  if (names.some((n) => n.length >= 2 && title.includes(n))) throw new AppError('DOCUMENT_TITLE_PERSONAL', { what: '当事人姓名或名称' });
  if (/\d{6,}/.test(title)) throw new AppError('DOCUMENT_TITLE_PERSONAL', { what: '证件号码、电话号码等长串数字' });
}

/** The issuing unit: the matter's own unit, or a unit above it that lies in the caller's scope. */
async function issuerOf(trx: Kysely<Database>, ctx: DocumentCtx, matter: MatterRow, issuingOrgId: string | undefined) {
  const org = await findOrg(trx, ctx.scope, issuingOrgId ?? matter.orgId);
  if (!org) throw notFound('出具单位');
  if (!matter.orgPath.split('/').includes(org.id)) throw new AppError('DOCUMENT_ISSUER_INVALID', { org: matter.orgName });
  return org;
}

/** A number given by hand carries the issuing unit's mark and year in the kind's format (one county cannot issue in another's). */
async function checkHandNumber(db: Kysely<Database>, number: string, template: string, issuerPath: string, year: number) {
  const abbr = await numberingAbbr(db, issuerPath);
  if (!followsTemplate(number, template, { abbr, year })) {
    throw new AppError('DOCUMENT_NUMBER_FORMAT', { number, example: formatNumber(template, { abbr, year, seq: 1 }) });
  }
}

const isNumberClash = (e: unknown) => e instanceof Error && /documents_number_key/.test(e.message);

/**
 * Issues a document on a matter: takes its number, renders the PDF with the unit, number, date and a QR code
 * to the public verification page, stores it, hashes it (SM3) and audits — one transaction, so a number is
 * used only by a stored document. Rendering (~0.3–0.6 s of CPU) runs on a worker thread and before the
 * transaction, with the number the counter is about to give (`peekNumber`): the embedded database, one
 * connection, is not held while it renders. Should another document take that number first, the transaction
 * renders again with its own. With `opts.trx` it joins the caller's transaction (a workflow action's: if the
 * action fails later, nothing of the document is committed); the caller then removes the stored file on failure
 * (takeAction does, through `trackStoredFiles`). Every path is held to the body limit, not only the route's schema.
 */
export async function issueDocument(
  ctx: DocumentCtx,
  input: IssueDocumentInput & { matterId: string },
  opts: { trx?: Kysely<Database> } = {},
): Promise<DocumentSummary> {
  checkFonts();
  const chars = input.body.reduce((n, p) => n + p.length, 0) + (input.addressee?.length ?? 0);
  if (chars > MAX_DOCUMENT_BODY_CHARS)
    throw new AppError('VALIDATION_FAILED', { first: documentBodyTooLong(chars) }, [{ field: 'body', message: documentBodyTooLong(chars) }]);
  const db = opts.trx ?? ctx.db;
  const matter = await readableMatter(ctx, db, input.matterId);
  // The kind is one the matter's line declares, and its number follows that kind's template (ADR 0015).
  const template = documentNumberTemplate(documentKindFor(matter.module, input.kind));
  await checkTitle(db, matter.id, input.title);
  if (input.number && (await repo.numberTaken(db, input.number))) throw new AppError('DOCUMENT_NUMBER_TAKEN', { number: input.number });
  const issuer = await issuerOf(db, ctx, matter, input.issuingOrgId);
  const issuedAt = ctx.now;
  const year = shanghaiYear(issuedAt);
  if (input.number) await checkHandNumber(db, input.number, template, issuer.path, year);
  const verifyCode = newVerifyCode();
  const render = (number: string) =>
    renderPdfOffThread({
      issuingUnit: issuer.name,
      title: input.title,
      number,
      addressee: input.addressee,
      body: input.body,
      date: shanghaiDate(issuedAt.toISOString()),
      verifyUrl: verifyUrl(ctx.publicBaseUrl, verifyCode),
    });
  const expected = input.number ?? (await peekNumber(db, `document:${template}`, issuer.path, year, template));
  const rendered = await render(expected);
  let storedKey: string | undefined;
  const issue = async (trx: Kysely<Database>) => {
    const number = input.number ?? (await takeNumber(trx, `document:${template}`, issuer.path, year, template)).number;
    const pdf = number === expected ? rendered : await render(number);
    const contentSm3 = sm3Hex(pdf);
    const stored = await ctx.files.putBuffer(pdf);
    storedKey = stored.key;
    const docId = randomUUID();
    await repo.insertDocument(trx, {
      id: docId,
      matterId: matter.id,
      orgId: issuer.id,
      kind: input.kind,
      title: input.title,
      number,
      issuedAt,
      contentSm3,
      verifyCode,
      storageKey: stored.key,
      sizeBytes: stored.sizeBytes,
      issuedBy: ctx.user.id,
    });
    await appendAudit(trx, ctx.actor, {
      action: 'kernel.document.issue',
      targetType: 'document',
      targetId: docId,
      summary: { matter: matter.number, number, kind: input.kind, title: input.title, issuer: issuer.name, sm3: contentSm3 },
    });
    return docId;
  };
  let id: string;
  try {
    // In the caller's transaction the new row is read through it (on the embedded engine the pool is that one connection).
    if (opts.trx) return summaryOf(ctx, await readable(ctx, opts.trx, await issue(opts.trx)));
    id = await ctx.db.transaction().execute(issue);
  } catch (e) {
    if (storedKey) await ctx.files.remove(storedKey);
    if (input.number && isNumberClash(e)) throw new AppError('DOCUMENT_NUMBER_TAKEN', { number: input.number });
    throw e;
  }
  return getDocument(ctx, id);
}

/**
 * The file store of `files` that remembers what it stored, so the caller of a transaction can remove those
 * files when the transaction fails after they were written (a document issued inside a workflow action).
 */
export function trackStoredFiles(files: FileStorage): { files: FileStorage; removeStored: () => Promise<void> } {
  const keys: string[] = [];
  const remember = (f: StoredFile) => {
    keys.push(f.key);
    return f;
  };
  return {
    files: {
      root: files.root,
      putStream: async (source, o) => remember(await files.putStream(source, o)),
      putBuffer: async (bytes) => remember(await files.putBuffer(bytes)),
      read: (key) => files.read(key),
      remove: (key) => files.remove(key),
    },
    removeStored: async () => {
      for (const key of keys.splice(0)) await files.remove(key);
    },
  };
}

async function readable(ctx: DocumentCtx, db: Kysely<Database>, id: string, lock = false) {
  const d = await repo.findDocument(db, ctx.scope, id, { lock });
  if (!d || !canReadMatterOf(ctx, { module: d.module, kind: d.matterKind })) throw notFound('文书');
  return d;
}

export async function getDocument(ctx: DocumentCtx, id: string): Promise<DocumentSummary> {
  return summaryOf(ctx, await readable(ctx, ctx.db, id));
}

export async function listDocuments(ctx: DocumentCtx, matterId: string): Promise<DocumentSummary[]> {
  await readableMatter(ctx, ctx.db, matterId);
  return (await repo.listDocuments(ctx.db, ctx.scope, matterId)).map((d) => summaryOf(ctx, d));
}

/** The stored PDF, checked against its SM3; the download is audited (the body names the parties). */
export async function getDocumentPdf(ctx: DocumentCtx, id: string): Promise<{ document: DocumentSummary; bytes: Buffer }> {
  const d = await readable(ctx, ctx.db, id);
  const bytes = await ctx.files.read(d.storageKey);
  if (!bytes || sm3Hex(bytes) !== d.contentSm3) throw new AppError('STORED_FILE_DAMAGED', { name: `${d.number} ${d.title}` });
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, ctx.actor, {
      action: 'kernel.document.download',
      targetType: 'document',
      targetId: id,
      summary: { matter: d.matterNumber, number: d.number },
    }),
  );
  return { document: summaryOf(ctx, d), bytes };
}

/** Revokes a document: the public page then says so. The PDF stays stored for the record. */
export async function revokeDocument(ctx: DocumentCtx, id: string, reason: string): Promise<DocumentSummary> {
  await ctx.db.transaction().execute(async (trx) => {
    const d = await readable(ctx, trx, id, true);
    if (d.revokedAt) throw new AppError('DOCUMENT_REVOKED', { number: d.number, at: shanghaiDate(d.revokedAt) });
    await repo.markRevoked(trx, id, reason, ctx.user.id, ctx.now);
    await appendAudit(trx, ctx.actor, {
      action: 'kernel.document.revoke',
      targetType: 'document',
      targetId: id,
      summary: { matter: d.matterNumber, number: d.number, reason },
    });
  });
  return getDocument(ctx, id);
}

/**
 * What the public verification page shows for a code: number, issuing unit, date, title, content hash and
 * whether it was revoked — never who the document concerns. Unknown and malformed codes answer alike.
 */
export async function verifyDocument(db: Kysely<Database>, code: string): Promise<DocumentVerification> {
  const normal = normalizeVerifyCode(code);
  const d = normal ? await repo.findForVerification(db, normal) : undefined;
  if (!d) throw new AppError('VERIFY_NOT_FOUND');
  return {
    number: d.number,
    issuingUnit: d.issuingUnit,
    issuedAt: shanghaiDate(d.issuedAt),
    kind: d.kind,
    title: d.title,
    contentHash: d.contentSm3,
    hashAlgorithm: HASH_ALGORITHM,
    revoked: d.revokedAt !== null,
    revokedAt: d.revokedAt ? shanghaiDate(d.revokedAt) : null,
  };
}
