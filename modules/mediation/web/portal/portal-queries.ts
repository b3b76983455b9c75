import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { PortalOffice, PublicCategory } from '@sifa/mediation/shared';
import { usePortalApi } from '@sifa/ui';
import { pick, queryString } from '@sifa/ui';
import type { Lang } from '@sifa/ui';

/** The judicial offices a citizen may apply to, found by a part of their name or their county's. */
export function usePortalOffices(q: string) {
  const api = usePortalApi();
  return useQuery({
    queryKey: ['portal', 'mediation-offices', q],
    queryFn: () => api.get(`/api/public/mediation/offices${queryString({ q: q || undefined })}`, z.array(PortalOffice)),
  });
}

/** The active categories an administrator keeps (纠纷类型): a citizen picks one of those. */
export function usePortalCategories() {
  const api = usePortalApi();
  return useQuery({
    queryKey: ['portal', 'mediation-categories'],
    queryFn: () => api.get('/api/public/mediation/categories', z.array(PublicCategory)),
    staleTime: 5 * 60_000,
  });
}

/** A category's name in `lang`; its code while the list loads or when it is no longer offered. */
export function categoryName(categories: readonly PublicCategory[] | undefined, lang: Lang, code: string | undefined): string {
  const c = categories?.find((x) => x.code === code);
  return c ? pick(lang, c.nameZh, c.nameEn ?? c.nameZh) : (code ?? '');
}
