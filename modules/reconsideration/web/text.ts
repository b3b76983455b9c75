import { pick, useLang } from '@sifa/ui';
import {
  ACT_TYPES,
  CASE_CHANNELS,
  CASE_WORKFLOW,
  CLOSINGS,
  PROCEDURES,
  SECTORS,
  STAFF_CHANNELS,
  type CaseChannel,
  type CaseStatus,
} from '@sifa/reconsideration/shared';
import type { Lang, StatusTone } from '@sifa/ui';

// The module's words in Chinese and English (the console switches language); statuses and actions come from the
// workflow's labels, channels, sectors, act types and closings from the shared catalogue (Chinese only where the
// catalogue has no English: the terms are the statute's).
const TEXT = {
  listTitle: ['行政复议案件', 'Reconsideration cases'],
  register: ['登记申请', 'Register an application'],
  import: ['导入历史案件', 'Import earlier cases'],
  keyword: ['关键词', 'Keyword'],
  keywordHint: ['案号、案件名称或被申请人', 'Number, title or respondent'],
  number: ['案号', 'Number'],
  title: ['案件名称', 'Title'],
  channel: ['申请方式', 'Channel'],
  status: ['状态', 'Status'],
  org: ['行政复议机构', 'Reconsideration office'],
  respondent: ['被申请人', 'Respondent'],
  sector: ['行业领域', 'Sector'],
  actType: ['行为类别', 'Act type'],
  onTheSpot: ['当场作出的行政处罚', 'On-the-spot penalty'],
  act: ['申请复议的行政行为', 'Act challenged'],
  request: ['行政复议请求', 'Request'],
  reasons: ['事实和理由', 'Facts and reasons'],
  actKnownOn: ['知道该行政行为的日期', 'Known on'],
  receivedOn: ['收到申请日期', 'Received on'],
  lateReason: ['逾期的正当理由', 'Reason for the delay'],
  forwardedBy: ['转送机关', 'Forwarded by'],
  enterprise: ['涉企案件', 'Enterprise case'],
  parties: ['申请人及代理人', 'Applicants and agents'],
  applicant: ['申请人', 'Applicant'],
  agent: ['委托代理人', 'Agent'],
  thirdParty: ['第三人', 'Third party'],
  windowDue: ['申请期限届满日', 'Application window ends'],
  first: ['复议前置', 'Reconsideration first'],
  procedure: ['审理程序', 'Procedure'],
  acceptedOn: ['受理日期', 'Accepted on'],
  deemed: ['视为受理', 'Deemed accepted'],
  correctionItems: ['补正事项', 'Items to complete'],
  declineReason: ['不予受理的理由', 'Reason for declining'],
  competentBody: ['有管辖权的行政复议机关', 'Competent body'],
  closing: ['结案方式', 'Closing'],
  closedOn: ['结案日期', 'Closed on'],
  decisionSummary: ['决定要点', 'Gist'],
  lossRecovered: ['挽回经济损失', 'Loss recovered'],
  published: ['已公开', 'Published'],
  registered: ['收到申请', 'Received'],
  deadline: ['期限', 'Deadline'],
  empty: ['暂无案件', 'No cases'],
  exportName: ['行政复议案件.xlsx', 'reconsideration-cases.xlsx'],
  notFound: ['案件不存在或不在您的管辖范围内', 'No such case in your scope'],
  back: ['返回列表', 'Back to the list'],
  facts: ['案件情况', 'Facts'],
  submit: ['提交', 'Submit'],
  done: ['已{action}', '{action}: done'],
  all: ['全部', 'All'],
  none: ['—', '—'],
  yes: ['是', 'Yes'],
  dashboard: ['行政复议统计', 'Reconsideration figures'],
  period: ['受理期间', 'Accepted between'],
  byRespondent: ['按被申请人', 'By respondent'],
  bySector: ['按行业领域', 'By sector'],
  byActType: ['按行为类别', 'By act type'],
  countsBy: ['各项指标按受理日期统计；审结数 S 含决定（含调解、驳回申请）和终止。', 'Every figure counts by the acceptance date.'],
  importSteps: ['下载模板 → 按填写说明填写 → 上传', 'Download the template → fill it in → upload'],
  importLimit: ['.xlsx 或 .csv，不超过 10 MB、20000 行', '.xlsx or .csv, up to 10 MB and 20,000 rows'],
  importInto: ['导入到：{unit}', 'Into: {unit}'],
  importTemplate: ['行政复议历史案件导入模板.xlsx', 'reconsideration-import-template.xlsx'],
  importProblems: ['行政复议导入问题行.csv', 'reconsideration-import-problems.csv'],
} as const satisfies Record<string, readonly [string, string]>;

export type TextKey = keyof typeof TEXT;

const zhOnly = (table: Record<string, { zh: string; en?: string }>, key: string | null, lang: Lang) => {
  if (!key) return '';
  const v = table[key];
  return v ? pick(lang, v.zh, v.en ?? v.zh) : key;
};

/** The module's words in the console's language. */
export function useText() {
  const { lang } = useLang();
  return {
    lang,
    tx: (key: TextKey, vars: Record<string, string> = {}) => pick(lang, TEXT[key][0], TEXT[key][1]).replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m),
    statusLabel: (s: CaseStatus) => pick(lang, CASE_WORKFLOW.labels.statuses[s].zh, CASE_WORKFLOW.labels.statuses[s].en),
    channelLabel: (c: string) => zhOnly(CASE_CHANNELS, c, lang),
    sectorLabel: (s: string) => zhOnly(SECTORS, s, lang),
    actTypeLabel: (a: string) => zhOnly(ACT_TYPES, a, lang),
    closingLabel: (c: string | null) => zhOnly(CLOSINGS, c, lang),
    procedureLabel: (p: string | null) => zhOnly(PROCEDURES, p, lang),
    channelOptions: (staffOnly = false) =>
      (staffOnly ? [...STAFF_CHANNELS] : (Object.keys(CASE_CHANNELS) as CaseChannel[])).map((value) => ({
        value,
        label: pick(lang, CASE_CHANNELS[value].zh, CASE_CHANNELS[value].en),
      })),
    sectorOptions: () => Object.entries(SECTORS).map(([value, v]) => ({ value, label: v.zh })),
    actTypeOptions: () => Object.entries(ACT_TYPES).map(([value, v]) => ({ value, label: v.zh })),
    statusOptions: () => Object.entries(CASE_WORKFLOW.labels.statuses).map(([value, v]) => ({ value, label: pick(lang, v.zh, v.en) })),
  };
}

const TONES: Record<CaseStatus, StatusTone> = {
  received: 'processing',
  correcting: 'warning',
  accepted: 'processing',
  suspended: 'warning',
  decided: 'success',
  terminated: 'success',
  declined: 'default',
  abandoned: 'default',
};

/** Open cases in blue (waiting on someone in amber), closed in green, refused or abandoned grey. */
export const statusTone = (s: CaseStatus): StatusTone => TONES[s];
