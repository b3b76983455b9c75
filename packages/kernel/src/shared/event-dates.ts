import { z } from 'zod';

/**
 * Dates in order (issue #13 item 4): an event of a matter (a mediation session, an agreement taking effect, a court's
 * ruling) cannot have happened before the matter's earlier events or after today. One check, used by the server on
 * every action and route that records an event's date, and by the console's forms before sending.
 */

/** One dated event of a matter: what it is called (`登记日期`) and its day (YYYY-MM-DD, Asia/Shanghai). */
export const DatedEvent = z.object({ label: z.string(), on: z.iso.date() });
export type DatedEvent = z.infer<typeof DatedEvent>;

/** The matter's dated events so far and today's date in China (GET /api/matters/:id/event-dates). */
export const MatterEventDates = z.object({ events: z.array(DatedEvent), today: z.iso.date() });
export type MatterEventDates = z.infer<typeof MatterEventDates>;

/**
 * Why `event` is out of order, naming both dates (`调解日期 2026-03-01 早于登记日期 2026-03-05`), or undefined when
 * it is in order. Of the earlier events after it, the latest is named: moving the date past it settles them all.
 */
export function eventDateProblem(event: DatedEvent, earlier: readonly DatedEvent[], today: string): string | undefined {
  if (event.on > today) return `${event.label} ${event.on} 晚于今天 ${today}`;
  let latest: DatedEvent | undefined;
  for (const e of earlier) if (e.on > event.on && (!latest || e.on > latest.on)) latest = e;
  return latest ? `${event.label} ${event.on} 早于${latest.label} ${latest.on}` : undefined;
}
