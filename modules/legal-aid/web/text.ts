import { pick, useLang } from '@sifa/ui';
import { CASE_CHANNELS, CASE_WORKFLOW, type CaseChannel, type CaseStatus } from '@sifa/legal-aid/shared';
import type { StatusTone } from '@sifa/ui';

// The module's words in Chinese and English (the console switches language); statuses and actions come from the
// workflow's labels, channels from the shared table.
const TEXT = {
  listTitle: ['法律援助案件', 'Legal aid cases'],
  register: ['登记案件', 'Register a case'],
  keyword: ['关键词', 'Keyword'],
  keywordHint: ['编号或案件名称', 'Number or title'],
  number: ['编号', 'Number'],
  title: ['案件名称', 'Title'],
  channel: ['登记渠道', 'Channel'],
  status: ['状态', 'Status'],
  org: ['承办单位', 'Unit'],
  registered: ['登记日期', 'Registered'],
  deadline: ['期限', 'Deadline'],
  summary: ['基本情况', 'Summary'],
  declineReason: ['不予受理的理由', 'Reason for declining'],
  result: ['办理结果', 'Result'],
  empty: ['暂无案件', 'No cases'],
  exportName: ['法律援助案件.xlsx', 'legal-aid-cases.xlsx'],
  notFound: ['案件不存在或不在您的管辖范围内', 'No such case in your scope'],
  back: ['返回列表', 'Back to the list'],
  facts: ['案件情况', 'Facts'],
  submit: ['提交', 'Submit'],
  done: ['已{action}', '{action}: done'],
  all: ['全部', 'All'],
  none: ['—', '—'],
} as const satisfies Record<string, readonly [string, string]>;

export type TextKey = keyof typeof TEXT;

/** The module's words in the console's language. */
export function useText() {
  const { lang } = useLang();
  return {
    lang,
    tx: (key: TextKey, vars: Record<string, string> = {}) => pick(lang, TEXT[key][0], TEXT[key][1]).replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m),
    statusLabel: (s: CaseStatus) => pick(lang, CASE_WORKFLOW.labels.statuses[s].zh, CASE_WORKFLOW.labels.statuses[s].en),
    channelLabel: (c: string) => {
      const v = CASE_CHANNELS[c as CaseChannel] as { zh: string; en: string } | undefined;
      return v ? pick(lang, v.zh, v.en) : c;
    },
    channelOptions: () => Object.entries(CASE_CHANNELS).map(([value, v]) => ({ value, label: pick(lang, v.zh, v.en) })),
    statusOptions: () => Object.entries(CASE_WORKFLOW.labels.statuses).map(([value, v]) => ({ value, label: pick(lang, v.zh, v.en) })),
  };
}

const TONES: Record<CaseStatus, StatusTone> = { registered: 'processing', accepted: 'processing', closed: 'success', declined: 'default' };

/** Open cases in blue, closed in green, declined grey. */
export const statusTone = (s: CaseStatus): StatusTone => TONES[s];
