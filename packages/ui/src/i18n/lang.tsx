import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';

/** Console languages: Chinese by default, English on request. */
export type Lang = 'zh-CN' | 'en';

/** Placeholder values of a message: `{name}` is filled from `vars.name` (numbers with thousands separators). */
export type MessageVars = Record<string, string | number>;

/** A dictionary of messages: [中文, English] per key. */
export type Messages = Record<string, readonly [string, string]>;

/** 12,345 — counts with thousands separators. */
export function formatNumber(value: number, lang: Lang): string {
  return value.toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN');
}

/** One of two strings (zh, en) by language; for labels that come as pairs (registry, ORG_KIND_NAMES). */
export function pick(lang: Lang, zh: string, en: string): string {
  return lang === 'en' ? en : zh;
}

/** `text` with its `{name}` placeholders filled; a placeholder without a value stays as it is. */
export function fillText(text: string, lang: Lang, vars?: MessageVars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, lang) : value;
  });
}

/** The translator of one dictionary: `(lang, key, vars) => text`. A module makes its own with its messages. */
export function translator<M extends Messages>(messages: M): (lang: Lang, key: keyof M & string, vars?: MessageVars) => string {
  return (lang, key, vars) => fillText(messages[key]?.[lang === 'en' ? 1 : 0] ?? key, lang, vars);
}

/** The language the app chose and how to change it; the app mounts `LangProvider` with its own state. */
export interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

const LangContext = createContext<LangState>({ lang: 'zh-CN', setLang: () => undefined });

/** Mounted once by the app: every shared component and module page reads the language from here. */
export function LangProvider({ value, children }: { value: LangState; children: ReactNode }) {
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

/** The current language and its switch. */
export function useLang(): LangState {
  return useContext(LangContext);
}
