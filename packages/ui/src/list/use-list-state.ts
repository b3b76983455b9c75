import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useUnitFilter } from '../org/UnitFilter';

/** A list's filters as they travel in the URL and to the server: text values, absent when not set. */
export type ListFilters = Record<string, string | undefined>;

/** A column sort the server applies: `sort=<field>&order=asc|desc`. */
export interface ListSort {
  field: string;
  order: 'asc' | 'desc';
}

export interface ListState<F extends ListFilters> {
  filters: F;
  page: number;
  pageSize: number;
  sort: ListSort | undefined;
  /** The top bar's unit (`orgId`), sent with every request and export. */
  orgId: string | undefined;
  /** Filters, unit and sort: what the export and the request share. */
  params: F & { orgId?: string; sort?: string; order?: string };
  setFilters: (filters: F) => void;
  setPaging: (page: number, pageSize: number) => void;
  setSort: (sort: ListSort | undefined) => void;
}

const PAGE_SIZES = [10, 20, 50, 100];
const RESERVED = new Set(['page', 'pageSize', 'sort', 'order']);

const positive = (text: string | null, fallback: number) => {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/**
 * A list page's state kept in the URL (`?q=…&status=…&page=2&pageSize=50&sort=…&order=…`), so a reload, a shared
 * link or the browser's back button shows the same rows. `keys` names the filters the page reads; a new search or a
 * change of the top bar's unit starts again on page 1.
 */
export function useListState<F extends ListFilters>(keys: readonly (keyof F & string)[], defaultPageSize = 20): ListState<F> {
  const [search, setSearch] = useSearchParams();
  const { orgId } = useUnitFilter();
  const keyList = keys.join(',');

  // the same object while the filters stay the same (a page change keeps them), so the form is not reset needlessly
  const filterText = keyList
    .split(',')
    .map((key) => `${key}=${search.get(key) ?? ''}`)
    .join('&');
  const filters = useMemo(() => {
    const out: ListFilters = {};
    for (const pair of filterText.split('&')) {
      const at = pair.indexOf('=');
      const key = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (key && value !== '') out[key] = value;
    }
    return out as F;
  }, [filterText]);
  const page = positive(search.get('page'), 1);
  const size = positive(search.get('pageSize'), defaultPageSize);
  const pageSize = PAGE_SIZES.includes(size) ? size : defaultPageSize;
  const sortField = search.get('sort');
  const order = search.get('order') === 'asc' ? 'asc' : 'desc';
  const sort: ListSort | undefined = sortField ? { field: sortField, order } : undefined;

  const update = useCallback(
    (change: (next: URLSearchParams) => void) =>
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          change(next);
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );

  const setFilters = useCallback(
    (next: F) =>
      update((p) => {
        for (const key of keyList.split(',')) p.delete(key);
        for (const [key, value] of Object.entries(next)) if (value !== undefined && value !== '' && !RESERVED.has(key)) p.set(key, value);
        p.delete('page');
      }),
    [update, keyList],
  );
  const setPaging = useCallback(
    (nextPage: number, nextSize: number) =>
      update((p) => {
        // a new page size starts again at the first page
        const first = nextSize !== pageSize;
        if (first || nextPage === 1) p.delete('page');
        else p.set('page', String(nextPage));
        if (nextSize === defaultPageSize) p.delete('pageSize');
        else p.set('pageSize', String(nextSize));
      }),
    [update, pageSize, defaultPageSize],
  );
  const setSort = useCallback(
    (next: ListSort | undefined) =>
      update((p) => {
        if (next) {
          p.set('sort', next.field);
          p.set('order', next.order);
        } else {
          p.delete('sort');
          p.delete('order');
        }
        p.delete('page');
      }),
    [update],
  );

  // another unit in the top bar: back to the first page (not on the first render, which keeps the URL's page)
  const lastOrg = useRef(orgId);
  useEffect(() => {
    if (lastOrg.current === orgId) return;
    lastOrg.current = orgId;
    update((p) => p.delete('page'));
  }, [orgId, update]);

  const params = useMemo(() => ({ ...filters, orgId, ...(sortField ? { sort: sortField, order } : {}) }), [filters, orgId, sortField, order]);
  return { filters, page, pageSize, sort, orgId, params, setFilters, setPaging, setSort };
}
