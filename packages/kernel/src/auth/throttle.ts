import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Failed sign-ins counted per account *and* client address (ADR 0020). A source that keeps failing for one
 * account waits longer and longer — 1, 2, 4, 8 … minutes up to `maxDelayMinutes` — while the account's owner at
 * another address signs in as usual: a stranger can slow down only his own guessing, never lock the account
 * (GB/T 22239-2019 8.1.4.1 身份鉴别: 登录失败处理). Unknown user names are counted the same way, so the answers (and the
 * lockout) are the same whether or not a name exists.
 */
export interface ThrottlePolicy {
  /** Consecutive failures a source may make for one account before it has to wait. */
  freeFailures: number;
  /** The longest wait, in minutes. */
  maxDelayMinutes: number;
}

export type ThrottleKind = 'login' | 'password';

/** Failures older than this are forgotten (and their rows deleted). */
const FORGET_MS = 24 * 3_600_000;

/** When `failures` consecutive failures are reached, the wait they earn (none below the free ones). */
export function delayMinutes(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  return Math.min(2 ** (failures - policy.freeFailures), policy.maxDelayMinutes);
}

/** Until when `source` must wait before trying `subject` again, if it must. */
export async function blockedUntil(db: Kysely<Database>, kind: ThrottleKind, subject: string, source: string): Promise<Date | undefined> {
  const row = await db
    .selectFrom('kernel.loginThrottle')
    .select('blockedUntil')
    .where('kind', '=', kind)
    .where('subject', '=', subject)
    .where('source', '=', source)
    .executeTakeFirst();
  const until = row?.blockedUntil ? new Date(row.blockedUntil) : undefined;
  return until && until > new Date() ? until : undefined;
}

/**
 * Counts one failure (in the database, so simultaneous failures cannot overwrite each other's count) and returns
 * the end of the wait it earns, if any.
 */
export async function recordFailure(db: Kysely<Database>, kind: ThrottleKind, subject: string, source: string, policy: ThrottlePolicy) {
  // Wall clock, as sessions use (session.service.ts): a test clock fixed on another day must not lock anyone.
  const now = new Date();
  const stale = new Date(now.getTime() - FORGET_MS);
  const { failures } = await db
    .insertInto('kernel.loginThrottle')
    .values({ kind, subject, source, failures: 1, lastFailureAt: now })
    .onConflict((oc) =>
      oc.columns(['kind', 'subject', 'source']).doUpdateSet({
        failures: sql<number>`case when kernel.login_throttle.last_failure_at < ${stale} then 1 else kernel.login_throttle.failures + 1 end`,
        lastFailureAt: now,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  const minutes = delayMinutes(failures, policy);
  const until = minutes ? new Date(now.getTime() + minutes * 60_000) : undefined;
  if (until) {
    await db
      .updateTable('kernel.loginThrottle')
      .set({ blockedUntil: until })
      .where('kind', '=', kind)
      .where('subject', '=', subject)
      .where('source', '=', source)
      .execute();
  }
  // Names that do not exist leave rows too: forget old ones so guessing cannot grow the table without end.
  await db.deleteFrom('kernel.loginThrottle').where('lastFailureAt', '<', stale).execute();
  return { failures, until };
}

/** Forgets the failures of one source (after a success), or of every source (an administrator's unlock). */
export async function clearFailures(db: Kysely<Database>, kind: ThrottleKind, subject: string, source?: string) {
  let q = db.deleteFrom('kernel.loginThrottle').where('kind', '=', kind).where('subject', '=', subject);
  if (source !== undefined) q = q.where('source', '=', source);
  await q.execute();
}
