import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { Category } from '@sifa/mediation/shared';
import type { CreateCategoryInput, UpdateCategoryInput } from '@sifa/mediation/shared';
import { apiGet, apiSend, queryString, useCodeList } from '@sifa/ui';
import type { QueryValue } from '@sifa/ui';

export const CATEGORIES = '/api/mediation/categories';

export const categoryKeys = {
  all: ['mediation', 'categories'] as const,
  list: ['mediation', 'categories', 'list'] as const,
  admin: (params: Record<string, QueryValue>) => ['mediation', 'categories', 'admin', params] as const,
};

const Categories = z.array(Category);

/**
 * Every dispute category (inactive ones too: old disputes keep them), in the list's order — what the forms, filters
 * and labels use (labels.ts categoryOptions, categoryLabel). The server checks a registration's category anyway, so a
 * minute old is fine; a failure is silent and the labels fall back to the standard categories.
 */
export function useCategories() {
  return useCodeList(categoryKeys.list, `${CATEGORIES}?all=true`, Categories);
}

/** The administrator's table (纠纷类型 page): keyword and status filters. */
export function useCategoryTable(params: Record<string, QueryValue>) {
  return useQuery({ queryKey: categoryKeys.admin(params), queryFn: () => apiGet(`${CATEGORIES}/admin${queryString(params)}`, Categories) });
}

/** A write to the list: the table and every form's list reload. */
function useCategoryWrite<I>(fn: (input: I) => Promise<Category>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // forms show the server's message themselves
    meta: { silent: true },
    onSuccess: () => client.invalidateQueries({ queryKey: categoryKeys.all }),
  });
}

export const useCreateCategory = () => useCategoryWrite((input: CreateCategoryInput) => apiSend('POST', CATEGORIES, input, Category));

export const useUpdateCategory = () =>
  useCategoryWrite(({ code, input }: { code: string; input: UpdateCategoryInput }) =>
    apiSend('PATCH', `${CATEGORIES}/${encodeURIComponent(code)}`, input, Category),
  );
