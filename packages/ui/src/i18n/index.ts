import { useMemo } from 'react';
import { translator, useLang } from './lang';
import type { Lang, MessageVars } from './lang';
import { COMMON_MESSAGES } from './messages/common';
import { DEADLINE_MESSAGES } from './messages/deadline';
import { FORM_MESSAGES } from './messages/forms';
import { MATTER_MESSAGES } from './messages/matter';

/** The shared components' words; the console adds its own dictionaries on top (apps/web/src/i18n.ts). */
export const UI_MESSAGES = { ...COMMON_MESSAGES, ...MATTER_MESSAGES, ...DEADLINE_MESSAGES, ...FORM_MESSAGES } as const;

export type UiMessageKey = keyof typeof UI_MESSAGES;
export type UiTranslate = (key: UiMessageKey, vars?: MessageVars) => string;

/** A shared message in `lang` with its placeholders filled. */
export const translateUi = translator(UI_MESSAGES);

export interface UiI18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** The shared words (common.*, matter.*, deadline.*, unit.*). */
  t: UiTranslate;
}

/** The current language, its switch and the translator of the shared words. */
export function useI18n(): UiI18n {
  const { lang, setLang } = useLang();
  return useMemo(() => ({ lang, setLang, t: (key, vars) => translateUi(lang, key, vars) }), [lang, setLang]);
}

export { fillText, formatNumber, LangProvider, pick, translator, useLang } from './lang';
export type { Lang, LangState, Messages, MessageVars } from './lang';
export { COMMON_MESSAGES } from './messages/common';
export { DEADLINE_MESSAGES } from './messages/deadline';
export { FORM_MESSAGES } from './messages/forms';
export { MATTER_MESSAGES } from './messages/matter';
