import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { notFound } from '../errors';
import type { Ctx } from '../http/types';
import { findMatter, type MatterRow } from './matter.repository';

/**
 * A matter the caller may read: inside its scope, and of a module whose matters it may read — without that
 * module's read permission the matter “does not exist” (404), as on the matter pages.
 */
export async function readableMatter(ctx: Ctx, db: Kysely<Database>, matterId: string): Promise<MatterRow> {
  const m = await findMatter(db, ctx.scope, matterId);
  if (!m || !ctx.user.permissions.has(`${m.module}.${m.kind}.read`)) throw notFound('事项');
  return m;
}

/** The same rule for a row reached through its matter (an attachment, a document). */
export const canReadMatterOf = (ctx: Ctx, row: { module: string; kind: string }) => ctx.user.permissions.has(`${row.module}.${row.kind}.read`);
