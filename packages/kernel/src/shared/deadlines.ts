import { defineDeadline, type DeadlineCite, type DeadlineRule } from './deadline-model';

export * from './deadline-model';

// Every rule below was checked against the statute text in /shared/laws (file + article cited). Where
// domain/rules.md marks a value [P] or [M], the rule says so in `verified`/`note` and lists the field in
// `configurable`; a deployment overrides it (kernel `configureDeadlineRules`), never the code.
// These are the rules of lines that have no module yet (corrections, penalty; legal aid's and reconsideration's are in
// modules/legal-aid/shared/deadlines.ts and modules/reconsideration/shared/deadlines.ts): a
// module declares its own (`defineModule({ deadlines })`, e.g. modules/mediation/shared/deadlines.ts) and a line's
// rules move into its module when the module is created. The catalogue in force is assembled at boot (rules.ts).

/** A citation maker for one statute: `lawCite('民事诉讼法', 'civil-procedure-law-2023.md')('第八十五条')`. */
export const lawCite =
  (law: string, file: string) =>
  (article: string): DeadlineCite => ({ law, file, article });
const cite = lawCite;
/** 民事诉讼法: most lines count their periods by it (第八十五条), so modules cite it too. */
export const CPL = cite('民事诉讼法', 'civil-procedure-law-2023.md');
const CRIM = cite('刑事诉讼法', 'criminal-procedure-law-2018.md');
const CCL = cite('社区矫正法', 'community-corrections-law-2019.md');
const APL = cite('行政处罚法', 'administrative-penalty-law-2021.md');

// 民事诉讼法 第八十五条第二款: 期间开始的时和日，不计算在期间内; 第三款: 最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期。
export const CPL_START = CPL('第八十五条第二款');
export const CPL_ROLL = CPL('第八十五条第三款');

export const DEADLINE_RULES = {
  // 社区矫正法 第二十一条第一款: 判决、裁定生效之日起十日内报到 (community-corrections-law-2019.md)
  'corrections.report': defineDeadline({
    id: 'corrections.report',
    module: 'corrections',
    nameZh: '社区矫正对象报到期限',
    nameEn: 'Corrections: reporting to the corrections agency',
    cite: CCL('第二十一条第一款'),
    basis: [CRIM('第一百零五条第二款'), CRIM('第一百零五条第四款')],
    startsOn: 'judgment.effective',
    startsOnZh: '判决、裁定生效',
    length: { amount: 10, unit: 'day' },
    rollOverHoliday: true,
    warnBefore: { amount: 3, unit: 'day' },
    verified: 'V',
    configurable: ['rollOverHoliday'],
    note: '适用于判处管制、宣告缓刑、裁定假释的社区矫正对象；暂予监外执行的由看守所、公安机关、监狱自收到决定之日起十日内移送（第二十一条第二款、第三款）。届满日为节假日的顺延至节假日后第一日（刑事诉讼法第一百零五条第四款；报到人不在押）。',
  }),
  // 社区矫正法 第二十九条第二款: 使用电子定位装置的期限不得超过三个月；经评估、批准可延长，每次不超过三个月 (community-corrections-law-2019.md)
  'corrections.tagging-period': defineDeadline({
    id: 'corrections.tagging-period',
    module: 'corrections',
    nameZh: '电子定位装置使用期限',
    nameEn: 'Corrections: electronic tagging period',
    cite: CCL('第二十九条第二款'),
    basis: [CRIM('第一百零五条第二款'), CRIM('第一百零五条第四款')],
    startsOn: 'tagging.started',
    startsOnZh: '开始使用电子定位装置',
    length: { amount: 3, unit: 'month' },
    rollOverHoliday: false,
    extension: { maxTimes: null, amount: 3, unit: 'month', approval: '期限届满后经评估仍有必要继续使用的，经过批准', cite: CCL('第二十九条第二款') },
    warnBefore: { amount: 7, unit: 'day' },
    verified: 'V',
    configurable: ['rollOverHoliday'],
    note: '这是限制措施的最长期限，不因节假日顺延（参照刑事诉讼法第一百零五条第四款：在押期间不得因节假日而延长）。按月计算的期间以到期月的对应日为最后一日，无对应日的以该月末日为最后一日（民法典第二百零二条，该法未收入 shared/laws，[P]）。不需要继续使用的，应当及时解除。',
  }),
  // 行政处罚法 第六十条: 立案之日起九十日内作出行政处罚决定；法律、法规、规章另有规定的从其规定 (administrative-penalty-law-2021.md)
  'penalty.decision': defineDeadline({
    id: 'penalty.decision',
    module: 'enforcement',
    nameZh: '行政处罚决定期限',
    nameEn: 'Administrative penalty: decision',
    cite: APL('第六十条'),
    basis: [APL('第八十五条'), CPL_START],
    startsOn: 'case.filed',
    startsOnZh: '行政处罚案件立案',
    length: { amount: 90, unit: 'day' },
    rollOverHoliday: true,
    pausable: true,
    warnBefore: { amount: 15, unit: 'day' },
    verified: 'V',
    configurable: ['length', 'rollOverHoliday', 'pausable', 'extension'],
    note: '第八十五条只把“二日”“三日”“五日”“七日”规定为工作日，九十日按自然日计算。第六十条“法律、法规、规章另有规定的，从其规定”：各领域规章常规定经批准可延长以及听证、鉴定等期间不计入，请按本部门适用的规章配置延长和中止（[M]）。行政处罚法没有期间计算的一般规定，届满日遇节假日顺延系参照民事诉讼法第八十五条的默认做法（[M]）。',
  }),
} as const satisfies Record<string, DeadlineRule>;

/** The kernel's own rules (lines with no module yet). */
export type DeadlineRuleId = keyof typeof DEADLINE_RULES;
export const DEADLINE_RULE_IDS = Object.keys(DEADLINE_RULES) as DeadlineRuleId[];
export const isDeadlineRuleId = (id: string): id is DeadlineRuleId => Object.hasOwn(DEADLINE_RULES, id);
