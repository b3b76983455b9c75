import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { inScope, type Scope } from '../scope';
import type { Attachment } from '../shared/documents';

const iso = (d: Date | string) => new Date(d).toISOString();

/** An attachment with what the service needs besides the API shape: where its bytes are, whose matter it is. */
export type AttachmentRow = Attachment & { storageKey: string; module: string; kind: string; matterNumber: string };

// An attachment is in the caller's scope when its matter is; deleted ones are gone for every reader.
const visible = (db: Kysely<Database>, scope: Scope) =>
  db
    .selectFrom('kernel.attachments as a')
    .innerJoin('kernel.matters as m', 'm.id', 'a.matterId')
    .leftJoin('kernel.users as u', 'u.id', 'a.uploadedBy')
    .select([
      'a.id',
      'a.matterId',
      'a.filename',
      'a.mime',
      'a.sizeBytes',
      'a.sha256',
      'a.storageKey',
      'a.uploadedAt',
      'u.displayName as uploadedByName',
      'm.module',
      'm.kind',
      'm.number as matterNumber',
    ])
    .where(inScope(scope, 'm.orgId'))
    .where('a.deletedAt', 'is', null);

type Raw = Omit<AttachmentRow, 'uploadedAt'> & { uploadedAt: Date };
const asRow = (r: Raw): AttachmentRow => ({ ...r, uploadedAt: iso(r.uploadedAt) });

export async function findAttachment(db: Kysely<Database>, scope: Scope, id: string, opts: { lock?: boolean } = {}): Promise<AttachmentRow | undefined> {
  let q = visible(db, scope).where('a.id', '=', id);
  if (opts.lock) q = q.forUpdate('a');
  const r = await q.executeTakeFirst();
  return r ? asRow(r) : undefined;
}

export async function listAttachments(db: Kysely<Database>, scope: Scope, matterId: string): Promise<AttachmentRow[]> {
  const rows = await visible(db, scope).where('a.matterId', '=', matterId).orderBy('a.uploadedAt').orderBy('a.id').execute();
  return rows.map(asRow);
}

export async function insertAttachment(
  db: Kysely<Database>,
  row: { id: string; matterId: string; filename: string; mime: string; sizeBytes: number; sha256: string; storageKey: string; uploadedBy: string | null },
): Promise<void> {
  await db.insertInto('kernel.attachments').values(row).execute();
}

export async function markDeleted(db: Kysely<Database>, id: string, by: string | null, at: Date): Promise<void> {
  await db.updateTable('kernel.attachments').set({ deletedAt: at, deletedBy: by }).where('id', '=', id).where('deletedAt', 'is', null).execute();
}
