import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import { chinaDay } from '../shared/china-time';
import { eventDateProblem, type DatedEvent } from '../shared/event-dates';
import type { WorkflowDefinition } from '../shared/workflow';

/** What the registration of every matter is called in a date message. */
export const REGISTERED_LABEL = '登记日期';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The matter's dated events in the order they were recorded: its registration, then each action of its log on the
 * date its input named (the workflow's `eventDates`) or, for an action without one, the day it was recorded.
 * `skipLatest` leaves out the newest entry: the action being recorded, inside its own transaction.
 */
export async function matterEventDates(
  db: Kysely<Database>,
  wf: Pick<WorkflowDefinition, 'labels' | 'eventDates'>,
  matterId: string,
  opts: { skipLatest?: boolean } = {},
): Promise<DatedEvent[]> {
  const matter = await db.selectFrom('kernel.matters').select('openedAt').where('id', '=', matterId).executeTakeFirst();
  if (!matter) return [];
  const rows = await db.selectFrom('kernel.matterActions').select(['id', 'action', 'at', 'data']).where('matterId', '=', matterId).orderBy('id').execute();
  if (opts.skipLatest) rows.pop();
  const events: DatedEvent[] = [{ label: REGISTERED_LABEL, on: chinaDay(matter.openedAt) }];
  const labels = wf.labels.actions as Record<string, { zh: string } | undefined>;
  for (const row of rows) {
    // the opening entry (registration, counted above) and entries that are not workflow actions carry no event
    if (!labels[row.action]) continue;
    const declared = (wf.eventDates as Record<string, { field: string; zh: string } | undefined> | undefined)?.[row.action];
    const value = declared && row.data && typeof row.data === 'object' ? (row.data as Record<string, unknown>)[declared.field] : undefined;
    const on = typeof value === 'string' && ISO_DAY.test(value) ? value : chinaDay(row.at);
    const label = declared?.zh ?? `${labels[row.action]?.zh ?? row.action}日期`;
    events.push({ label, on });
  }
  return events;
}

/**
 * Refuses (400, both dates named) an event dated before one of the matter's earlier events or after today. `field`
 * names the input field in the answer's details, so the console marks it.
 */
export async function assertEventDate(
  db: Kysely<Database>,
  wf: Pick<WorkflowDefinition, 'labels' | 'eventDates'>,
  matterId: string,
  event: DatedEvent & { field: string },
  today: string,
  opts: { skipLatest?: boolean } = {},
): Promise<void> {
  const earlier = await matterEventDates(db, wf, matterId, opts);
  const reason = eventDateProblem(event, earlier, today);
  if (reason) throw new AppError('EVENT_DATE_OUT_OF_ORDER', { reason }, [{ field: event.field, message: reason }]);
}
