import { createHash, randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/audit';
import { AppError, notFound } from '../errors';
import type { Ctx } from '../http/types';
import { canReadMatterOf, readableMatter } from '../matters/matter-access';
import type { Attachment } from '../shared/documents';
import * as repo from './attachment.repository';
import { checkContent, cleanFilename, typeOfName, type UploadLimits } from './file-types';
import type { FileStorage } from './storage';

/** The use-case context of attachment work: who acts, plus the file store and the upload limits. */
export interface FilesCtx extends Ctx {
  files: FileStorage;
  limits: UploadLimits;
}

const strip = ({ storageKey: _k, module: _m, kind: _t, matterNumber: _n, ...a }: repo.AttachmentRow): Attachment => a;

/** An upload as it arrives: the name the client gave and the byte stream. */
export interface IncomingFile {
  filename: string | undefined;
  stream: AsyncIterable<Buffer>;
}

/**
 * Stores a file on a matter. The matter is checked before `receive` reads the request (nothing of another county is written), then the
 * name's type, then the bytes as they stream in (size limit, signature of the claimed type); the row and the
 * audit entry commit together, and a failed commit removes the stored file.
 */
export async function uploadAttachment(ctx: FilesCtx, matterId: string, receive: () => Promise<IncomingFile>): Promise<Attachment> {
  const matter = await readableMatter(ctx, ctx.db, matterId);
  const file = await receive();
  const filename = cleanFilename(file.filename);
  const type = typeOfName(filename, ctx.limits.types);
  const stored = await ctx.files.putStream(file.stream, { filename, maxBytes: ctx.limits.maxBytes, checkHead: (head) => checkContent(filename, type, head) });
  const id = randomUUID();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertAttachment(trx, {
        id,
        matterId,
        filename,
        mime: type.mime,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        storageKey: stored.key,
        uploadedBy: ctx.user.id,
      });
      await appendAudit(trx, ctx.actor, {
        action: 'kernel.attachment.upload',
        targetType: 'attachment',
        targetId: id,
        summary: { matter: matter.number, filename, sizeBytes: stored.sizeBytes, sha256: stored.sha256 },
      });
    });
  } catch (e) {
    await ctx.files.remove(stored.key);
    throw e;
  }
  return getAttachment(ctx, id);
}

export async function getAttachment(ctx: FilesCtx, id: string): Promise<Attachment> {
  const a = await repo.findAttachment(ctx.db, ctx.scope, id);
  if (!a || !canReadMatterOf(ctx, a)) throw notFound('附件');
  return strip(a);
}

export async function listAttachments(ctx: FilesCtx, matterId: string): Promise<Attachment[]> {
  await readableMatter(ctx, ctx.db, matterId);
  return (await repo.listAttachments(ctx.db, ctx.scope, matterId)).map(strip);
}

/** The file's bytes, checked against the SHA-256 taken at upload; the download is audited (it may hold personal data). */
export async function downloadAttachment(ctx: FilesCtx, id: string): Promise<{ attachment: Attachment; bytes: Buffer }> {
  const a = await repo.findAttachment(ctx.db, ctx.scope, id);
  if (!a || !canReadMatterOf(ctx, a)) throw notFound('附件');
  const bytes = await ctx.files.read(a.storageKey);
  if (!bytes || createHash('sha256').update(bytes).digest('hex') !== a.sha256) throw new AppError('STORED_FILE_DAMAGED', { name: a.filename });
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, ctx.actor, {
      action: 'kernel.attachment.download',
      targetType: 'attachment',
      targetId: id,
      summary: { matter: a.matterNumber, filename: a.filename },
    }),
  );
  return { attachment: strip(a), bytes };
}

/** Soft delete: the row and the file stay for the record; lists and downloads no longer offer it. */
export async function deleteAttachment(ctx: FilesCtx, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const a = await repo.findAttachment(trx, ctx.scope, id, { lock: true });
    if (!a || !canReadMatterOf(ctx, a)) throw notFound('附件');
    await repo.markDeleted(trx, id, ctx.user.id, ctx.now);
    await appendAudit(trx, ctx.actor, {
      action: 'kernel.attachment.delete',
      targetType: 'attachment',
      targetId: id,
      summary: { matter: a.matterNumber, filename: a.filename, sha256: a.sha256 },
    });
  });
}
