import { z } from 'zod';

// Who may have legal aid and on which article (法律援助法, ../shared/laws/legal-aid-law-2021.md). The console shows the
// article that makes an applicant eligible; the means test runs against a configurable local standard (第三十四条).

/** The matter categories an application names, each with the article that opens legal aid for it. */
export const MATTER_CATEGORIES = {
  // 第二十四条: 犯罪嫌疑人、被告人因经济困难或者其他原因没有委托辩护人的，可以申请
  'criminal-defence': { zh: '刑事辩护（申请）', article: '第二十四条', means: true, criminal: true },
  // 第二十五条第一款: 未成年人、可能判处无期徒刑、死刑的人等，办案机关应当通知 — no means test
  'criminal-notified': { zh: '刑事辩护（通知辩护）', article: '第二十五条', means: false, criminal: true },
  // 第二十九条: 被害人、自诉人、附带民事诉讼原告人因经济困难没有委托诉讼代理人
  'criminal-victim': { zh: '刑事被害人、自诉人代理', article: '第二十九条', means: true, criminal: true },
  // 第三十条: 值班律师为没有辩护人的犯罪嫌疑人、被告人提供法律帮助 — no application, no means test
  'duty-lawyer': { zh: '值班律师法律帮助', article: '第三十条', means: false, criminal: true },
  // 第三十一条 (一)～(九): 因经济困难没有委托代理人的当事人
  'state-compensation': { zh: '请求国家赔偿', article: '第三十一条第（一）项', means: true, criminal: false },
  'social-insurance': { zh: '社会保险待遇、社会救助', article: '第三十一条第（二）项', means: true, criminal: false },
  pension: { zh: '请求发给抚恤金', article: '第三十一条第（三）项', means: true, criminal: false },
  maintenance: { zh: '赡养费、抚养费、扶养费', article: '第三十一条第（四）项', means: true, criminal: false },
  labour: { zh: '确认劳动关系、支付劳动报酬', article: '第三十一条第（五）项', means: true, criminal: false },
  capacity: { zh: '认定无民事行为能力或限制民事行为能力', article: '第三十一条第（六）项', means: true, criminal: false },
  'personal-injury': { zh: '工伤、交通、食品药品、医疗事故人身损害赔偿', article: '第三十一条第（七）项', means: true, criminal: false },
  environment: { zh: '环境污染、生态破坏损害赔偿', article: '第三十一条第（八）项', means: true, criminal: false },
  'other-civil': { zh: '法律、法规、规章规定的其他情形', article: '第三十一条第（九）项', means: true, criminal: false },
} as const;
export type MatterCategory = keyof typeof MATTER_CATEGORIES;
export const MATTER_CATEGORY_KEYS = Object.keys(MATTER_CATEGORIES) as [MatterCategory, ...MatterCategory[]];

/** 第三十二条: 不受经济困难条件的限制. */
export const NO_MEANS_TEST = {
  martyr: { zh: '英雄烈士近亲属维护英雄烈士人格权益', article: '第三十二条第（一）项' },
  samaritan: { zh: '因见义勇为行为主张相关民事权益', article: '第三十二条第（二）项' },
  exoneree: { zh: '再审改判无罪请求国家赔偿', article: '第三十二条第（三）项' },
  'abuse-victim': { zh: '遭受虐待、遗弃或者家庭暴力的受害人', article: '第三十二条第（四）项' },
} as const;
export type NoMeansTest = keyof typeof NO_MEANS_TEST;

/** 第四十二条: 有材料证明属于下列人员的，免予核查经济困难状况. */
export const NO_MEANS_CHECK = {
  'dependent-group': { zh: '无固定生活来源的未成年人、老年人、残疾人', article: '第四十二条第（一）项' },
  'assistance-recipient': { zh: '社会救助、司法救助或者优抚对象', article: '第四十二条第（二）项' },
  'migrant-worker': { zh: '申请支付劳动报酬或工伤赔偿的进城务工人员', article: '第四十二条第（三）项' },
} as const;
export type NoMeansCheck = keyof typeof NO_MEANS_CHECK;

const keysOf = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** What the applicant tells about eligibility (the wizard's and the window's questions). */
export const EligibilityInput = z.object({
  category: z.enum(MATTER_CATEGORY_KEYS, '请选择援助事项类别'),
  noMeansTest: z.enum(keysOf(NO_MEANS_TEST), '请选择第三十二条情形').optional(),
  noMeansCheck: z.enum(keysOf(NO_MEANS_CHECK), '请选择第四十二条人员类别').optional(),
  /** Household income per person per month, in yuan (第四十一条第一款: 如实说明经济困难状况). */
  monthlyIncomeYuan: z.number('家庭人均月收入应为数字').min(0, '家庭人均月收入不能为负数').max(1_000_000, '家庭人均月收入过大').optional(),
  /** 第四十一条第二款: 个人诚信承诺 instead of certificates (告知承诺制). */
  commitment: z.boolean().optional(),
  /** The limitation or procedural deadline the matter faces, YYYY-MM-DD (第四十四条 先行援助). */
  limitationDate: z.iso.date('时效或期限届满日期格式应为 YYYY-MM-DD').optional(),
  urgentPreservation: z.boolean().optional(),
});
export type EligibilityInput = z.infer<typeof EligibilityInput>;

/** The local standard (第三十四条: set by the provincial government) and the commitment sample share. */
export interface LegalAidStandard {
  /** Household income per person per month at or below which an applicant is in financial hardship, in fen. */
  monthlyIncomeFen: number;
  /** Share of commitments checked later at random (0–1). */
  commitmentCheckShare: number;
}
/** The defaults until a deployment sets its province's figures ([M]: SIFA_LEGAL_AID_INCOME_STANDARD_YUAN, docs/operations.md). */
export const DEFAULT_STANDARD: LegalAidStandard = { monthlyIncomeFen: 2_000_00, commitmentCheckShare: 0.1 };

export type MeansTest = 'not-required' | 'exempt' | 'not-checked' | 'income' | 'commitment' | 'failed' | 'undeclared';

export interface Eligibility {
  eligible: boolean;
  /** How hardship was settled. */
  meansTest: MeansTest;
  /** The articles that make the applicant eligible, the category's first. */
  articles: string[];
  /** One sentence for the console and the applicant. */
  basisZh: string;
  /** 第四十四条: help first, because the limitation is under 7 days away or preservation is urgent. */
  priorAid: boolean;
}

const daysUntil = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Applies 第二十四～三十四、四十一、四十二、四十四条 to an application received on `receivedOn` (YYYY-MM-DD). */
export function assessEligibility(input: EligibilityInput, standard: LegalAidStandard, receivedOn: string): Eligibility {
  const cat = MATTER_CATEGORIES[input.category];
  const law = '《法律援助法》';
  // 第四十四条第一款第（一）项: 距法定时效或者期限届满不足七日; 第（二）项: 需要立即申请财产保全、证据保全或者先予执行
  const priorAid = (input.limitationDate !== undefined && daysUntil(receivedOn, input.limitationDate) < 7) || input.urgentPreservation === true;
  const done = (meansTest: MeansTest, articles: string[], why: string, eligible = true): Eligibility => ({
    eligible,
    meansTest,
    articles: [cat.article, ...articles],
    basisZh: `${cat.zh}：${law}${[cat.article, ...articles].join('、')}${why}`,
    priorAid: priorAid && eligible,
  });
  if (!cat.means) return done('not-required', [], '，无需审查经济困难状况');
  if (input.noMeansTest)
    return done('exempt', [NO_MEANS_TEST[input.noMeansTest].article], `（${NO_MEANS_TEST[input.noMeansTest].zh}），不受经济困难条件的限制`);
  if (input.noMeansCheck)
    return done('not-checked', [NO_MEANS_CHECK[input.noMeansCheck].article], `（${NO_MEANS_CHECK[input.noMeansCheck].zh}），免予核查经济困难状况`);
  if (input.monthlyIncomeYuan !== undefined) {
    const fen = Math.round(input.monthlyIncomeYuan * 100);
    const line = `本地经济困难标准为家庭人均月收入 ${(standard.monthlyIncomeFen / 100).toFixed(2)} 元`;
    if (fen <= standard.monthlyIncomeFen) return done('income', ['第三十四条'], `，${line}，申请人 ${(fen / 100).toFixed(2)} 元，符合经济困难条件`);
    if (input.commitment !== true) return done('failed', ['第三十四条'], `，${line}，申请人 ${(fen / 100).toFixed(2)} 元，超过标准，不符合经济困难条件`, false);
  }
  if (input.commitment === true) return done('commitment', ['第四十一条第二款'], '，申请人以个人诚信承诺说明经济困难状况（告知承诺），事后按比例抽查');
  return done('undeclared', ['第四十一条第一款'], '，申请人尚未说明经济困难状况，请补充收入情况或签署诚信承诺', false);
}

/** Whether a commitment falls in the random sample: a stable draw from the case id, so a re-read gives the same answer. */
export function inCommitmentSample(caseId: string, share: number): boolean {
  let h = 2166136261;
  for (const ch of caseId) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h / 2 ** 32 < share;
}
