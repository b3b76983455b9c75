import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { CalendarYear, DeadlinePreview, DeadlineRule } from '@sifa/kernel/shared';
import type { CalendarSchedule } from '@sifa/kernel/shared';
import { ApiError, apiGet, apiSend, queryString } from '@sifa/ui';

// Declared inside the kernel's deadline.routes.ts; repeated here so the answers are checked.
export const CalendarYearSummary = z.object({
  year: z.number(),
  source: z.string(),
  loadedAt: z.string(),
  loadedBy: z.string().nullable(),
  holidays: z.number(),
  workdays: z.number(),
});
export type CalendarYearSummary = z.infer<typeof CalendarYearSummary>;

export const CalendarLoadResult = z.object({
  loaded: z.object({
    year: z.number(),
    holidays: z.number(),
    workdays: z.number(),
    replaced: z.boolean(),
    recomputed: z.number(),
  }),
  calendar: CalendarYear,
});
export type CalendarLoadResult = z.infer<typeof CalendarLoadResult>;

export function useDeadlineRules() {
  return useQuery({
    queryKey: ['deadline-rules'],
    queryFn: () => apiGet('/api/deadline-rules', z.array(DeadlineRule)),
    staleTime: 60 * 60_000,
  });
}

export interface PreviewParams {
  rule: string;
  start: string;
  /** `2024-10-01..2024-10-07,…` */
  pauses?: string;
}

/** The deadline explainer's answer; the page shows a refusal (wrong pause, bad date) itself. */
export function useDeadlinePreview(params: PreviewParams | undefined) {
  return useQuery({
    queryKey: ['deadline-preview', params],
    queryFn: () => apiGet(`/api/deadlines/preview${queryString({ ...params })}`, DeadlinePreview),
    enabled: params !== undefined,
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
}

export const calendarKeys = {
  all: ['calendar'] as const,
  years: ['calendar', 'years'] as const,
  year: (year: number) => ['calendar', 'year', year] as const,
};

export function useCalendarYears() {
  return useQuery({
    queryKey: calendarKeys.years,
    queryFn: () => apiGet('/api/calendar', z.array(CalendarYearSummary)),
  });
}

export function useCalendarYear(year: number | undefined) {
  return useQuery({
    queryKey: calendarKeys.year(year ?? 0),
    // A year not loaded answers 404 CALENDAR_NOT_LOADED: the page shows it as a year without a schedule.
    queryFn: async (): Promise<CalendarYear> => {
      try {
        return await apiGet(`/api/calendar/${String(year)}`, CalendarYear);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'CALENDAR_NOT_LOADED') {
          return { year: year ?? 0, covered: false, source: null, loadedAt: null, loadedBy: null, holidays: [], workdays: [] };
        }
        throw err;
      }
    },
    enabled: year !== undefined,
  });
}

export interface CalendarLoadInput extends CalendarSchedule {
  year: number;
  source: string;
}

/** Loads (or corrects) a year's schedule; the dialog shows the server's validation message itself. */
export function useLoadCalendar() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ year, ...body }: CalendarLoadInput) => apiSend('PUT', `/api/calendar/${String(year)}`, body, CalendarLoadResult),
    meta: { silent: true },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: calendarKeys.all });
      // deadlines of the year were recomputed
      await client.invalidateQueries({ queryKey: ['matter'] });
      await client.invalidateQueries({ queryKey: ['deadline-preview'] });
    },
  });
}
