import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { JobQueue } from '../jobs/queue';
import { notifyUser } from '../notifications/inbox';
import { systemClock, type Clock } from './clock';
import { sweepDeadlines, type LevelChange } from './deadline.service';

const LEVEL_TEXT = { 'due-soon': '即将到期', overdue: '已逾期' } as const;

/** Who hears of a level change: the assignee, or — for an unassigned deadline — the active staff of its unit. */
async function recipients(db: Kysely<Database>, c: LevelChange): Promise<string[]> {
  if (c.assigneeId) return [c.assigneeId];
  const rows = await db.selectFrom('kernel.users').select('id').where('orgId', '=', c.orgId).where('active', '=', true).execute();
  return rows.map((r) => r.id);
}

/** Runs the sweep for `today` and sends an in-app reminder for every deadline that became due soon or overdue. */
export async function sweepAndRemind(db: Kysely<Database>, today: string): Promise<number> {
  const changes = (await sweepDeadlines(db, today)).filter((c) => c.toLevel !== 'normal');
  let sent = 0;
  for (const c of changes) {
    const to = await recipients(db, c);
    const level = c.toLevel === 'overdue' ? LEVEL_TEXT.overdue : LEVEL_TEXT['due-soon'];
    await db.transaction().execute(async (trx) => {
      for (const userId of to) {
        await notifyUser(trx, {
          userId,
          title: `期限${level}：${c.matterNumber} ${c.ruleNameZh}`,
          body: `${c.matterTitle}：${c.ruleNameZh}的期限为 ${c.dueDate}，${c.toLevel === 'overdue' ? '已经届满' : '即将届满'}。`,
          link: `/matters/${c.matterId}`,
        });
        sent++;
      }
    });
  }
  return sent;
}

/** The hourly sweep on the shared queue (once per hour across all processes). */
export function registerDeadlineJobs(queue: JobQueue, db: Kysely<Database>, clock: Clock = systemClock) {
  queue
    .register('deadlines.sweep', async () => {
      await sweepAndRemind(db, clock.today());
    })
    .every('deadlines.sweep', 3600);
}
