import {
  COMMITTEE_TYPE_CODES,
  COMMITTEE_TYPES,
  EMPLOYMENT_CODES,
  EMPLOYMENTS,
  GENDER_CODES,
  GENDERS,
  MEDIATOR_POSITION_CODES,
  MEDIATOR_POSITIONS,
  SUGGESTED_SPECIALTIES,
} from '@sifa/mediation/shared';
import type { CompositionWarning } from '@sifa/mediation/shared';
import { pick } from '@sifa/ui';
import type { Lang } from '@sifa/ui';

type Named = Readonly<Record<string, { zh: string; en: string } | undefined>>;
const labelIn = (table: Named, code: string, lang: Lang) => {
  const e = table[code];
  return e ? pick(lang, e.zh, e.en) : code;
};
const optionsOf = (table: Named, codes: readonly string[], lang: Lang) => codes.map((c) => ({ value: c, label: labelIn(table, c, lang) }));

export const committeeTypeLabel = (code: string, lang: Lang) => labelIn(COMMITTEE_TYPES, code, lang);
export const positionLabel = (code: string, lang: Lang) => labelIn(MEDIATOR_POSITIONS, code, lang);
export const employmentLabel = (code: string, lang: Lang) => labelIn(EMPLOYMENTS, code, lang);
export const genderLabel = (code: string, lang: Lang) => labelIn(GENDERS, code, lang);

export const committeeTypeOptions = (lang: Lang) => optionsOf(COMMITTEE_TYPES, COMMITTEE_TYPE_CODES, lang);
export const positionOptions = (lang: Lang) => optionsOf(MEDIATOR_POSITIONS, MEDIATOR_POSITION_CODES, lang);
export const employmentOptions = (lang: Lang) => optionsOf(EMPLOYMENTS, EMPLOYMENT_CODES, lang);
export const genderOptions = (lang: Lang) => optionsOf(GENDERS, GENDER_CODES, lang);
export const specialtyOptions = SUGGESTED_SPECIALTIES.map((s) => ({ value: s, label: s }));

/** A warning in the console's language (the server sends both). */
export const warningText = (w: Pick<CompositionWarning, 'zh' | 'en'>, lang: Lang) => pick(lang, w.zh, w.en);
