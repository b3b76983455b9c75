import { useCallback } from 'react';
import { fillText } from '@sifa/ui';
import type { Lang } from '@sifa/ui';
import { useRegistryText } from '../registry/registry-messages';

/**
 * The 诉调对接 page's own text and the import dialog's newer keys, [中文, English] per key — kept apart from
 * messages.ts and registry-messages.ts (where the import dialog's first keys live) so each can change alone.
 */
export const COURT_MESSAGES = {
  'court.title': ['诉调对接', 'Court-linked mediation'],
  'court.intro': [
    '人民法院委派、委托、邀请调解的案件 (保留法院案号) 及其调解结果；按法院全称或完整案号查询，结果可导出 Excel 反馈法院。',
    'Cases the courts delegate, entrust or invite (with the court’s case number) and their results; search by the court’s full name or the full case number, and export the results back to the court.',
  ],
  'court.courtName': ['法院', 'Court'],
  'court.courtNameHint': ['如 章贡区人民法院', 'e.g. 章贡区人民法院'],
  'court.caseNumber': ['法院案号', 'Court case number'],
  'court.caseNumberHint': ['如 (2026)赣0702民初12号', 'e.g. (2026)赣0702民初12号'],
  'court.number': ['调解编号', 'Mediation number'],
  'court.outcome': ['调解结果', 'Result'],
  'court.registered': ['登记日期', 'Registered'],
  'court.closed': ['办结日期', 'Closed'],
  'court.agreement': ['协议形式/生效日期', 'Agreement / effective'],
  'court.empty': ['尚无诉调对接案件', 'No court-linked case yet'],
  'court.emptyFiltered': ['没有符合条件的诉调对接案件', 'No court-linked case matches'],
  'court.exportName': ['诉调对接调解结果.xlsx', 'court-mediation-results.xlsx'],
  'court.import': ['导入法院委派委托调解', 'Import court referrals'],
  'court.importTitle': ['法院委派、委托、邀请调解：从 Excel 导入', 'Court referrals: import from Excel'],
  'court.importSteps': [
    '1. 下载模板并按“填写说明”填写，一行一件，保留法院案号；2. 选择接收单位和填好的文件 (.xlsx 或 .csv)；3. 查看逐行结果：有问题的行和已登记过的案号不导入，其他行照常登记。',
    '1. Download the template and fill in one referral per row, keeping the court’s case number; 2. choose the receiving unit and the file (.xlsx or .csv); 3. read the row report: rows with problems and case numbers already registered are skipped, the others are registered.',
  ],
  'court.templateName': ['法院委派委托调解导入模板.xlsx', 'court-referral-template.xlsx'],
  // server/court/court-sheet.ts MAX_COURT_ROWS and MAX_COURT_BYTES
  'court.importLimit': ['不超过 50 MB、{rows} 行', 'At most 50 MB and {rows} rows'],
  'court.unit': ['接收单位', 'Receiving unit'],
  'court.unitLabel': ['导入到接收单位：', 'Into the receiving unit:'],
  'court.problemsName': ['法院委派委托调解导入问题行.csv', 'court-referral-problems.csv'],
  'outcome.success': ['调解成功', 'Settled'],
  'outcome.failed': ['调解不成', 'Not settled'],
  'outcome.refused': ['当事人拒绝调解', 'Refused by a party'],
  'outcome.withdrawn': ['撤回', 'Withdrawn'],
  'outcome.declined': ['不予受理', 'Declined'],
  'outcome.pending': ['办理中', 'In progress'],
  'agreement.written': ['书面', 'Written'],
  'agreement.oral': ['口头', 'Oral'],
  'import.problemsName': ['{what}导入问题行.csv', '{what}-import-problems.csv'],
} as const satisfies Record<string, readonly [string, string]>;

export type CourtKey = keyof typeof COURT_MESSAGES;
export type CourtText = (key: CourtKey, vars?: Record<string, string | number>) => string;

/** `key` in `lang` with `{name}` placeholders filled (numbers with thousands separators). */
export function courtText(lang: Lang, key: CourtKey, vars?: Record<string, string | number>): string {
  return fillText(COURT_MESSAGES[key][lang === 'en' ? 1 : 0], lang, vars);
}

/** The mediation and register text helpers plus `ct` for this file's keys. */
export function useCourtText() {
  const text = useRegistryText();
  const { lang } = text;
  const ct = useCallback<CourtText>((key, vars) => courtText(lang, key, vars), [lang]);
  return { ...text, ct };
}
