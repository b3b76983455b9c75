import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Workbench, WorkbenchItemsPage } from '@sifa/kernel/shared';
import { apiGet } from '@sifa/ui';

/**
 * The workbench refreshes itself while the page is open, so a count moves. Its reads are background requests
 * (ADR 0024): a workbench left open is idle, and must not keep the session alive past the idle timeout.
 */
export const WORKBENCH_POLL_MS = 30_000;

export function useWorkbench(days = 7) {
  return useQuery({
    queryKey: ['workbench', days],
    queryFn: () => apiGet(`/api/workbench?days=${String(days)}`, Workbench, { background: true }),
    refetchInterval: WORKBENCH_POLL_MS,
    refetchIntervalInBackground: false,
  });
}

export function useStageItems(stage: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['workbench', 'items', stage, page, pageSize],
    queryFn: () => apiGet(`/api/workbench/items?stage=${encodeURIComponent(stage)}&page=${String(page)}&pageSize=${String(pageSize)}`, WorkbenchItemsPage),
    placeholderData: keepPreviousData,
  });
}
