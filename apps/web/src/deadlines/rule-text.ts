import type { DeadlineRule, DeadlineUnit, Verification } from '@sifa/kernel/shared';
import type { StatusTone } from '@sifa/ui';
import type { Lang, MessageKey, Translate } from '../i18n';
import { weekdayOf } from '@sifa/ui';

const UNIT_KEYS: Record<DeadlineUnit, MessageKey> = {
  day: 'deadline.unit.day',
  workday: 'deadline.unit.workday',
  month: 'deadline.unit.month',
  hour: 'deadline.unit.hour',
};

/** “60 日”, “5 个工作日”. */
export function lengthText(rule: DeadlineRule, t: Translate): string {
  return t(UNIT_KEYS[rule.length.unit], { n: rule.length.amount });
}

const MODULE_KEYS: Record<string, MessageKey> = {
  reconsideration: 'deadline.module.reconsideration',
  'legal-aid': 'deadline.module.legalAid',
  mediation: 'deadline.module.mediation',
  corrections: 'deadline.module.corrections',
  enforcement: 'deadline.module.enforcement',
};

/** The business line a rule belongs to, for grouping the rule list. */
export function moduleText(module: string, t: Translate): string {
  const key = MODULE_KEYS[module];
  return key ? t(key) : module;
}

export const VERIFICATION: Record<Verification, { key: MessageKey; tone: StatusTone }> = {
  V: { key: 'deadline.verified.V', tone: 'success' },
  P: { key: 'deadline.verified.P', tone: 'warning' },
  M: { key: 'deadline.verified.M', tone: 'error' },
};

const WEEKDAYS: Record<Lang, readonly string[]> = {
  'zh-CN': ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

export function weekdayText(isoDate: string, lang: Lang): string {
  return WEEKDAYS[lang][weekdayOf(isoDate)] ?? '';
}
