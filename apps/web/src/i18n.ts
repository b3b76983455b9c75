import { createContext, useContext } from 'react';
import { CONSOLE_MESSAGES } from './messages/console';
import { DEADLINE_MESSAGES } from './messages/deadline';
import { MATTER_MESSAGES } from './messages/matter';
import { NOTIFICATION_MESSAGES } from './messages/notification';
import { PORTAL_MESSAGES } from './messages/portal';

/** Console languages: Chinese by default, English on request. */
export type Lang = 'zh-CN' | 'en';

/** Each entry: [中文, English], from the files in messages/. `{name}` placeholders are filled by `t(key, { name })`. */
const MESSAGES = {
  ...CONSOLE_MESSAGES,
  ...MATTER_MESSAGES,
  ...DEADLINE_MESSAGES,
  ...NOTIFICATION_MESSAGES,
  ...PORTAL_MESSAGES,
} as const satisfies Record<string, readonly [string, string]>;

export type MessageKey = keyof typeof MESSAGES;
export type MessageVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

/** The text of `key` in `lang` with `{name}` placeholders filled (numbers with thousands separators). */
export function translate(lang: Lang, key: MessageKey, vars?: MessageVars): string {
  const text: string = MESSAGES[key][lang === 'en' ? 1 : 0];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, lang) : value;
  });
}

/** 12,345 — counts with thousands separators. */
export function formatNumber(value: number, lang: Lang): string {
  return value.toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN');
}

/** One of two strings (zh, en) by language; for labels that come as pairs (registry, ORG_KIND_NAMES). */
export function pick(lang: Lang, zh: string, en: string): string {
  return lang === 'en' ? en : zh;
}

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

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

export const I18nContext = createContext<I18n>({
  lang: 'zh-CN',
  setLang: () => undefined,
  t: (key, vars) => translate('zh-CN', key, vars),
});

/** The console language, its translator and the switch. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
