import { useMemo } from 'react';
import { UI_MESSAGES, translator, useLang } from '@sifa/ui';
import type { Lang, LangState, MessageVars } from '@sifa/ui';
import { CONSOLE_MESSAGES } from './messages/console';
import { NOTIFICATION_MESSAGES } from './messages/notification';
import { PORTAL_MESSAGES } from './messages/portal';

export { formatNumber, pick } from '@sifa/ui';
export type { Lang, MessageVars } from '@sifa/ui';

/**
 * Each entry: [中文, English]: the shared words from `@sifa/ui` (common, matter, deadline) and the console's own
 * files in messages/. `{name}` placeholders are filled by `t(key, { name })`.
 */
const MESSAGES = {
  ...UI_MESSAGES,
  ...CONSOLE_MESSAGES,
  ...NOTIFICATION_MESSAGES,
  ...PORTAL_MESSAGES,
} as const satisfies Record<string, readonly [string, string]>;

export type MessageKey = keyof typeof MESSAGES;
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

/** The text of `key` in `lang` with `{name}` placeholders filled (numbers with thousands separators). */
export const translate: (lang: Lang, key: MessageKey, vars?: MessageVars) => string = translator(MESSAGES);

const STORAGE_KEY = 'sifa.lang';

/** The language chosen last time on this browser; Chinese by default. */
export function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode or storage disabled: the choice lasts for this page only
  }
}

export interface I18n extends LangState {
  t: Translate;
}

/** The console language (held by `@sifa/ui`'s LangProvider, mounted in App), its translator and the switch. */
export function useI18n(): I18n {
  const { lang, setLang } = useLang();
  return useMemo(() => ({ lang, setLang, t: (key, vars) => translate(lang, key, vars) }), [lang, setLang]);
}
