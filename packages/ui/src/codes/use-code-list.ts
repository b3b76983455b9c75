import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiGet } from '../api/client';
import { pick } from '../i18n';
import type { Lang } from '../i18n';

/** An entry of a code list kept as data (dispute categories, case types …): a code, its names, whether it is offered. */
export interface CodeItem {
  code: string;
  nameZh: string;
  nameEn?: string | null;
  active: boolean;
}

/** A code's names in both languages, for the codes a list falls back to (a standard list from `shared/`). */
export type CodeNames = Readonly<Record<string, { zh: string; en: string } | undefined>>;

/**
 * A code list from the server, cached for a minute and shared by every form, filter and label on the page. It lists
 * inactive codes too (old records keep them); a failure is silent and labels fall back to `codeLabel`'s fallback.
 */
export function useCodeList<T extends CodeItem>(key: readonly unknown[], path: string, schema: z.ZodType<T[]>) {
  return useQuery({
    queryKey: key,
    queryFn: () => apiGet(path, schema),
    staleTime: 60_000,
    meta: { silent: true },
  });
}

/** A code's label in `lang`: the list's name, else the fallback list's, else the code itself. */
export function codeLabel(list: readonly CodeItem[] | undefined, code: string, lang: Lang, fallback?: CodeNames): string {
  const item = list?.find((x) => x.code === code);
  if (item) return pick(lang, item.nameZh, item.nameEn ?? item.nameZh);
  const known = fallback?.[code];
  return known ? pick(lang, known.zh, known.en) : code;
}

/** Select options of the list: active codes only, or every code with `inactiveMark` after the inactive ones (filters). */
export function codeOptions(list: readonly CodeItem[] | undefined, lang: Lang, inactiveMark?: string): { value: string; label: string }[] {
  return (list ?? [])
    .filter((c) => c.active || inactiveMark !== undefined)
    .map((c) => ({ value: c.code, label: `${pick(lang, c.nameZh, c.nameEn ?? c.nameZh)}${c.active ? '' : (inactiveMark ?? '')}` }));
}
