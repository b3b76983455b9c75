import { pick, useLang } from '@sifa/ui';
import { CASE_CHANNELS, CASE_WORKFLOW, MATTER_CATEGORIES, type CaseChannel, type CaseStatus, type MatterCategory } from '@sifa/legal-aid/shared';
import type { StatusTone } from '@sifa/ui';

// The module's words in Chinese and English (the console switches language); statuses and actions come from the
// workflow's labels, channels from the shared table.
const TEXT = {
  listTitle: ['法律援助案件', 'Legal aid cases'],
  register: ['登记申请', 'Register an application'],
  keyword: ['关键词', 'Keyword'],
  keywordHint: ['编号或案件名称', 'Number or title'],
  number: ['编号', 'Number'],
  title: ['案件名称', 'Title'],
  channel: ['申请渠道', 'Channel'],
  category: ['援助事项', 'Matter'],
  article: ['符合条件的条款', 'Eligible under'],
  basis: ['审查依据', 'Eligibility'],
  lawyer: ['承办人员', 'Lawyer'],
  applicantName: ['申请人姓名', 'Applicant'],
  idNumber: ['身份证号码', 'ID number'],
  phone: ['手机号码', 'Phone'],
  income: ['家庭人均月收入（元）', 'Monthly income per person (yuan)'],
  commitment: ['以个人诚信承诺说明经济困难（告知承诺）', 'Hardship shown by a signed commitment'],
  noMeansTest: ['第三十二条情形（不受经济困难条件限制）', 'Art. 32 case (no means test)'],
  noMeansCheck: ['第四十二条人员（免予核查经济困难）', 'Art. 42 group (no means check)'],
  notifiedBy: ['通知机关', 'Notifying body'],
  notifyingOrgan: ['通知机关名称', 'Notifying organ'],
  capitalCase: ['可能判处无期徒刑、死刑（第二十六条）', 'Possible life or death sentence (Art. 26)'],
  receivedOn: ['收到日期', 'Received on'],
  receivedAt: ['收件地点（全市通办）', 'Received at (apply anywhere)'],
  routingReason: ['转由本机构办理的理由', 'Why routed here'],
  limitationDate: ['时效或期限届满日', 'Limitation date'],
  priorAid: ['先行援助（第四十四条）', 'Help first (Art. 44)'],
  progress: ['办理进展', 'Progress'],
  suggestion: ['轮流建议', 'Rotation suggests'],
  materials: ['需要补充的材料（一次性告知）', 'Missing materials (all at once)'],
  decisionReason: ['审查决定理由', 'Decision reason'],
  outcome: ['办理结果', 'Outcome'],
  benefit: ['挽回经济损失（元）', 'Benefit recovered (yuan)'],
  reason: ['理由', 'Reason'],
  note: ['说明', 'Note'],
  kind: ['类别', 'Kind'],
  date: ['日期', 'Date'],
  ground: ['终止情形（第四十八条）', 'Ground (Art. 48)'],
  status: ['状态', 'Status'],
  org: ['承办单位', 'Unit'],
  registered: ['登记日期', 'Registered'],
  deadline: ['期限', 'Deadline'],
  summary: ['基本情况', 'Summary'],
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
    categoryLabel: (c: string) => (MATTER_CATEGORIES as Record<string, { zh: string } | undefined>)[c]?.zh ?? c,
    categoryOptions: () =>
      (Object.keys(MATTER_CATEGORIES) as MatterCategory[]).map((value) => ({
        value,
        label: `${MATTER_CATEGORIES[value].zh}（${MATTER_CATEGORIES[value].article}）`,
      })),
    statusOptions: () => Object.entries(CASE_WORKFLOW.labels.statuses).map(([value, v]) => ({ value, label: pick(lang, v.zh, v.en) })),
  };
}

const TONES: Record<CaseStatus, StatusTone> = {
  applied: 'processing',
  'awaiting-materials': 'warning',
  granted: 'processing',
  refused: 'default',
  'refusal-objected': 'warning',
  'refusal-upheld': 'default',
  assigned: 'processing',
  terminated: 'default',
  'termination-objected': 'warning',
  'termination-upheld': 'default',
  closed: 'success',
  withdrawn: 'default',
};

/** Open cases in blue, waiting or objected in amber, closed in green, refused and ended grey. */
export const statusTone = (s: CaseStatus): StatusTone => TONES[s];
