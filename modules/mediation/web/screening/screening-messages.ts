import { useCallback } from 'react';
import { SCREENING_KIND_CODES, SCREENING_KINDS } from '@sifa/mediation/shared';
import { fillText, pick } from '@sifa/ui';
import type { Lang } from '@sifa/ui';
import { useMediationText } from '../common/messages';

/**
 * The screening pages' own text (矛盾纠纷排查), [中文, English] per key — kept apart from messages.ts so the
 * screening and the dispute pages can change without touching one file.
 */
export const SCREENING_MESSAGES = {
  'list.title': ['矛盾纠纷排查', 'Dispute screening'],
  'list.keywordHint': ['区域、排查人员、排查情况或单位', 'Area, screeners, findings or unit'],
  'list.dates': ['排查日期', 'Screened between'],
  'list.empty': ['没有符合条件的排查记录', 'No screening matches'],
  'list.add': ['新建排查记录', 'New screening record'],
  'list.exportName': ['矛盾纠纷排查记录.xlsx', 'dispute-screenings.xlsx'],
  'list.intro': [
    '司法所、调委会定期对村（社区）、网格开展矛盾纠纷排查，需要调解的纠纷从排查记录登记，来源为“矛盾纠纷排查”，统计为主动调解。',
    'Offices and committees screen villages, communities and grids; disputes that need mediation are registered from the record (source: screening, counted as proactive).',
  ],
  'field.screenedOn': ['排查日期', 'Date'],
  'field.org': ['排查单位', 'Screening unit'],
  'field.area': ['排查区域', 'Area'],
  'field.areaHint': ['村、社区或网格，如：和平社区第 3 网格', 'Village, community or grid'],
  'field.screeners': ['排查人员', 'Screeners'],
  'field.screenersHint': ['姓名，多人以顿号分隔', 'Names, separated by 、'],
  'field.kind': ['排查类型', 'Kind'],
  'field.found': ['发现纠纷', 'Found'],
  'field.foundCount': ['发现矛盾纠纷数', 'Conflicts found'],
  'field.risk': ['有激化风险', 'At risk'],
  'field.riskCount': ['其中有激化风险的', 'Of which at risk of escalation'],
  'field.registered': ['已登记调解', 'Registered'],
  'field.notes': ['排查情况', 'Findings'],
  'field.notesHint': ['逐件简述发现的矛盾纠纷，注明是否需要调解', 'One line per conflict found; say whether it needs mediation'],
  'field.createdBy': ['登记人', 'Recorded by'],
  'field.createdAt': ['登记时间', 'Recorded at'],
  'form.addTitle': ['新建排查记录', 'New screening record'],
  'form.editTitle': ['编辑排查记录', 'Edit the screening record'],
  'form.created': ['已登记排查记录', 'Screening recorded'],
  'form.saved': ['已保存', 'Saved'],
  'form.futureDate': ['排查日期不能晚于今天', 'The date cannot be after today'],
  'form.riskTooMany': ['不能超过发现矛盾纠纷数', 'Cannot exceed the number found'],
  'detail.back': ['返回排查记录', 'Back to screenings'],
  'detail.notFound': ['排查记录不存在或不在您的管辖范围内', 'No such screening record in your scope'],
  'detail.edit': ['编辑', 'Edit'],
  'detail.register': ['登记排查发现的纠纷', 'Register a dispute found'],
  'detail.disputes': ['由本次排查登记的纠纷 ({n})', 'Disputes registered from this screening ({n})'],
  'detail.noDisputes': ['尚未从本次排查登记纠纷', 'No dispute registered from this screening yet'],
  'detail.pending': ['发现 {found} 件，已登记调解 {registered} 件', '{found} found, {registered} registered for mediation'],
  'new.fromScreening': ['从排查记录登记：{date} {area}（{org}）', 'From the screening of {date}, {area} ({org})'],
} as const satisfies Record<string, readonly [string, string]>;

export type ScreeningKey = keyof typeof SCREENING_MESSAGES;
export type ScreeningText = (key: ScreeningKey, vars?: Record<string, string | number>) => string;

/** `key` in `lang` with `{name}` placeholders filled (numbers with thousands separators). */
export function screeningText(lang: Lang, key: ScreeningKey, vars?: Record<string, string | number>): string {
  return fillText(SCREENING_MESSAGES[key][lang === 'en' ? 1 : 0], lang, vars);
}

/** The mediation module's text helpers plus `st` for the screening pages' own keys. */
export function useScreeningText() {
  const text = useMediationText();
  const { lang } = text;
  const st = useCallback<ScreeningText>((key, vars) => screeningText(lang, key, vars), [lang]);
  return { ...text, st };
}

export const screeningKindLabel = (code: string, lang: Lang) => {
  const e = (SCREENING_KINDS as Readonly<Record<string, { zh: string; en: string } | undefined>>)[code];
  return e ? pick(lang, e.zh, e.en) : code;
};
export const screeningKindOptions = (lang: Lang) => SCREENING_KIND_CODES.map((c) => ({ value: c, label: screeningKindLabel(c, lang) }));
