import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';

/** What antd's RangePicker holds: two dates, either may be empty. */
export type DateRangeValue = [Dayjs | null, Dayjs | null] | null | undefined;

/** A range picker's value as URL filters: `{ from, to }` as `YYYY-MM-DD`, absent ends left out. */
export function dateRangeFilters(value: DateRangeValue): { from?: string; to?: string } {
  return { from: value?.[0]?.format('YYYY-MM-DD'), to: value?.[1]?.format('YYYY-MM-DD') };
}

/** The URL's `from`/`to` back into a range picker's value; undefined when neither is set. */
export function dateRangeValue(from: string | undefined, to: string | undefined): DateRangeValue {
  if (!from && !to) return undefined;
  return [from ? dayjs(from) : null, to ? dayjs(to) : null];
}
