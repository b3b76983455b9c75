import { isWeekend, yearOf } from './dates';

export type CalendarDayKind = 'holiday' | 'workday';

/** One day of an official schedule: a day off (holiday) or a make-up working day (调休上班), with its holiday's name. */
export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

export interface CalendarData {
  /** Years whose State Council schedule is loaded. */
  years: readonly number[];
  days: readonly CalendarDay[];
}

/**
 * From this day of December on, a date also depends on the next year's schedule: the notice for year Y may
 * reach back into late December of Y-1 (the 2019 notice made 2018-12-29 a working Saturday and 2018-12-30/31
 * New Year holidays; the 2007 notice made 2006-12-30/31 working days).
 */
export const LATE_DECEMBER = '12-25';

/**
 * The official working-day calendar: State Council holiday schedules with make-up working days, year by year.
 * It knows what it covers: for a date outside the loaded schedules it still answers with the plain weekend
 * rule, and `missingYear` names the schedule the answer lacks, so callers can flag it instead of guessing.
 */
export class Calendar {
  private readonly years: ReadonlySet<number>;
  private readonly days: ReadonlyMap<string, CalendarDay>;

  constructor(data: CalendarData) {
    this.years = new Set(data.years);
    this.days = new Map(data.days.map((d) => [d.date, d]));
  }

  static readonly EMPTY = new Calendar({ years: [], days: [] });

  get coveredYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  /** The year whose schedule a statement about `date` still needs, or undefined when the date is settled. */
  missingYear(date: string): number | undefined {
    const y = yearOf(date);
    if (!this.years.has(y)) return y;
    if (date.slice(5) >= LATE_DECEMBER && !this.years.has(y + 1)) return y + 1;
    return undefined;
  }

  covers(date: string): boolean {
    return this.missingYear(date) === undefined;
  }

  dayOf(date: string): CalendarDay | undefined {
    return this.days.get(date);
  }

  isHoliday(date: string): boolean {
    return this.days.get(date)?.kind === 'holiday';
  }

  isMakeUpWorkday(date: string): boolean {
    return this.days.get(date)?.kind === 'workday';
  }

  /** Holidays and ordinary weekends rest; make-up working weekends work. */
  isWorkingDay(date: string): boolean {
    const day = this.days.get(date);
    if (day) return day.kind === 'workday';
    return !isWeekend(date);
  }
}
