import type { ColumnType, Generated } from 'kysely';

type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface CalendarYearsTable {
  year: number;
  source: string;
  loadedAt: TimestampDefault;
  loadedBy: string | null;
  loadedByName: string | null;
}

export interface CalendarDaysTable {
  /** 'YYYY-MM-DD' (the engines return date columns as text). */
  date: string;
  year: number;
  kind: string;
  name: string;
}

export interface DeadlinesTable {
  id: string;
  matterId: string;
  ruleId: string;
  startDate: string;
  dueDate: string;
  warnDate: string;
  calendarCovered: boolean;
  status: Generated<string>;
  pauses: ColumnType<{ from: string; to: string }[], string | undefined, string>;
  pausedSince: ColumnType<string | null, string | null | undefined, string | null>;
  pausedDays: Generated<number>;
  extendedAmount: Generated<number>;
  extensionCount: Generated<number>;
  assigneeId: string | null;
  orgId: string;
  lastLevel: Generated<string>;
  createdAt: TimestampDefault;
  updatedAt: TimestampDefault;
  metAt: TimestampNull;
}

declare module '../db/schema' {
  interface Database {
    'kernel.calendarYears': CalendarYearsTable;
    'kernel.calendarDays': CalendarDaysTable;
    'kernel.deadlines': DeadlinesTable;
  }
}
