import { useQuery } from '@tanstack/react-query';
import type { RuleObject } from 'antd/es/form';
import { eventDateProblem, MatterEventDates } from '@sifa/kernel/shared';
import { apiGet } from '../api/client';

/** The matter's dated events so far and today (GET /api/matters/:id/event-dates); refreshed each time a form opens. */
export function useMatterEventDates(matterId: string) {
  return useQuery({
    queryKey: ['matter', matterId, 'event-dates'],
    queryFn: () => apiGet(`/api/matters/${encodeURIComponent(matterId)}/event-dates`, MatterEventDates),
    staleTime: 0,
    meta: { silent: true },
  });
}

/**
 * The form rule of an event's date (a DatePicker's value): the kernel's own check — not before the matter's earlier
 * events, not after today — run before sending, with the server's words (`调解日期 2026-03-01 早于登记日期
 * 2026-03-05`, issue #13 item 4). `label` is the workflow's name of the date (`eventDates` in its definition).
 */
export function useEventDateRule(matterId: string, label: string): RuleObject {
  const { data } = useMatterEventDates(matterId);
  return {
    validator: (_rule, value: { format: (pattern: string) => string } | null | undefined) => {
      if (!value || !data) return Promise.resolve();
      const problem = eventDateProblem({ label, on: value.format('YYYY-MM-DD') }, data.events, data.today);
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  };
}
