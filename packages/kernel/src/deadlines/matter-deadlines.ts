import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Ctx } from '../http/types';
import { completeDeadline } from './deadline.service';

/**
 * Completes every deadline of the matter still running or paused, inside the caller's transaction (e.g. the
 * matter's action that ends what they timed), each with its audit entry.
 */
export async function completeMatterDeadlines(ctx: Ctx, trx: Kysely<Database>, matterId: string): Promise<number> {
  const open = await trx.selectFrom('kernel.deadlines').select('id').where('matterId', '=', matterId).where('status', 'in', ['open', 'paused']).execute();
  for (const d of open) await completeDeadline(ctx, d.id, {}, trx);
  return open.length;
}
