import { CPL_ROLL, CPL_START, defineDeadline, lawCite, type DeadlineRule } from '@sifa/kernel/shared';

// 行政复议 and 行政应诉's statute periods, declared by the module (`defineModule({ deadlines })`); the kernel computes them.
// Every rule was checked against the statute text in ../shared/laws (file + article cited). The first four moved here
// from the kernel's catalogue (packages/kernel/src/shared/deadlines.ts) with their ids unchanged.

const ARL = lawCite('行政复议法', 'administrative-reconsideration-law-2023.md');
const ALL = lawCite('行政诉讼法', 'administrative-litigation-law-2017.md');
// 行政复议法 第八十八条: 本法没有规定的期间依照民事诉讼法 (第一款)；“三日”“五日”“七日”“十日”是指工作日，不含法定休假日 (第二款)。
const ARL_CPL = ARL('第八十八条第一款');
const ARL_WORKDAYS = ARL('第八十八条第二款');
// 行政复议法 第三十九条: 中止的情形；原因消除后恢复审理 — the suspended days do not run.
const ARL_SUSPEND = ARL('第三十九条');

/** 行政复议's deadline rules by id (`reconsideration.*`). */
export const RECONSIDERATION_DEADLINES = {
  // 行政复议法 第二十条第一款: 自知道或者应当知道该行政行为之日起六十日内提出 (administrative-reconsideration-law-2023.md)
  'reconsideration.application-window': defineDeadline({
    id: 'reconsideration.application-window',
    module: 'reconsideration',
    nameZh: '行政复议申请期限',
    nameEn: 'Reconsideration: time to apply',
    cite: ARL('第二十条第一款'),
    basis: [ARL_CPL, CPL_START, CPL_ROLL, ARL('第二十条第二款'), ARL('第二十一条')],
    startsOn: 'act.known',
    startsOnZh: '知道或者应当知道该行政行为',
    length: { amount: 60, unit: 'day' },
    rollOverHoliday: true,
    warnBefore: { amount: 10, unit: 'day' },
    verified: 'V',
    note: '法律规定的申请期限超过六十日的除外（第二十条第一款但书）；因不可抗力或者其他正当理由耽误的，申请期限自障碍消除之日起继续计算（第二十条第二款）；未告知申请权利、期限的，自知道或者应当知道之日起计算，但最长不超过一年（第二十条第三款）；自行政行为作出之日起超过二十年（不动产）或五年的不予受理（第二十一条）。登记时据此检查，不生成期限实例。',
  }),
  // 行政复议法 第三十条 + 第八十八条第二款: 收到申请后五日 (= 五个工作日) 内审查 (administrative-reconsideration-law-2023.md)
  'reconsideration.intake-review': defineDeadline({
    id: 'reconsideration.intake-review',
    module: 'reconsideration',
    nameZh: '行政复议申请受理审查',
    nameEn: 'Reconsideration: intake review',
    cite: ARL('第三十条第一款'),
    basis: [ARL_WORKDAYS, CPL_START, ARL('第三十一条第一款')],
    startsOn: 'application.received',
    startsOnZh: '收到行政复议申请',
    length: { amount: 5, unit: 'workday' },
    rollOverHoliday: false,
    warnBefore: { amount: 2, unit: 'workday' },
    verified: 'V',
    note: '工作日期限的届满日必然是工作日，不发生顺延。期满未作出不予受理决定的，自期满之日起视为受理（第三十条第三款）；补正通知须在同一五日内发出（第三十一条第一款），收到补正材料后依第三十条重新审查，应另行登记新的审查期限。',
  }),
  // 行政复议法 第三十一条第二款 + 第八十八条第二款: 收到补正通知之日起十日 (= 十个工作日) 内补正 (administrative-reconsideration-law-2023.md)
  'reconsideration.correction': defineDeadline({
    id: 'reconsideration.correction',
    module: 'reconsideration',
    nameZh: '申请人补正期限',
    nameEn: 'Reconsideration: applicant’s correction',
    cite: ARL('第三十一条第二款'),
    basis: [ARL_WORKDAYS, CPL_START],
    startsOn: 'correction.notified',
    startsOnZh: '申请人收到补正通知',
    length: { amount: 10, unit: 'workday' },
    rollOverHoliday: false,
    extension: {
      maxTimes: null,
      amount: null,
      unit: 'workday',
      approval: '有正当理由不能按期补正的，行政复议机关可以延长合理的补正期限',
      cite: ARL('第三十一条第二款'),
    },
    warnBefore: { amount: 3, unit: 'workday' },
    verified: 'V',
    note: '无正当理由逾期不补正的，视为申请人放弃行政复议申请，并记录在案（第三十一条第二款）。',
  }),
  // 行政复议法 第四十八条 + 第八十八条第二款: 受理之日起七日 (= 七个工作日) 内发送副本 (administrative-reconsideration-law-2023.md)
  'reconsideration.copy-to-respondent': defineDeadline({
    id: 'reconsideration.copy-to-respondent',
    module: 'reconsideration',
    nameZh: '发送申请书副本期限（普通程序）',
    nameEn: 'Reconsideration: copy to the respondent, ordinary procedure',
    cite: ARL('第四十八条'),
    basis: [ARL_WORKDAYS, CPL_START],
    startsOn: 'application.accepted',
    startsOnZh: '受理行政复议申请',
    length: { amount: 7, unit: 'workday' },
    rollOverHoliday: false,
    warnBefore: { amount: 2, unit: 'workday' },
    verified: 'V',
    note: '简易程序为三日，即三个工作日（第五十四条，reconsideration.copy-to-respondent.simplified）。',
  }),
  // 行政复议法 第五十四条 + 第八十八条第二款: 简易程序受理之日起三日 (= 三个工作日) 内发送副本 (administrative-reconsideration-law-2023.md)
  'reconsideration.copy-to-respondent.simplified': defineDeadline({
    id: 'reconsideration.copy-to-respondent.simplified',
    module: 'reconsideration',
    nameZh: '发送申请书副本期限（简易程序）',
    nameEn: 'Reconsideration: copy to the respondent, simplified procedure',
    cite: ARL('第五十四条'),
    basis: [ARL_WORKDAYS, CPL_START],
    startsOn: 'application.accepted',
    startsOnZh: '受理行政复议申请',
    length: { amount: 3, unit: 'workday' },
    rollOverHoliday: false,
    warnBefore: { amount: 1, unit: 'workday' },
    verified: 'V',
  }),
  // 行政复议法 第四十八条 + 第八十八条第二款: 被申请人收到副本之日起十日 (= 十个工作日) 内答复 (administrative-reconsideration-law-2023.md)
  'reconsideration.respondent-reply': defineDeadline({
    id: 'reconsideration.respondent-reply',
    module: 'reconsideration',
    nameZh: '被申请人书面答复期限（普通程序）',
    nameEn: 'Reconsideration: respondent’s written reply, ordinary procedure',
    cite: ARL('第四十八条'),
    basis: [ARL_WORKDAYS, CPL_START],
    startsOn: 'copy.received',
    startsOnZh: '被申请人收到行政复议申请书副本或者申请笔录复印件',
    length: { amount: 10, unit: 'workday' },
    rollOverHoliday: false,
    warnBefore: { amount: 3, unit: 'workday' },
    verified: 'V',
    note: '简易程序的答复期限为五日，即五个工作日（第五十四条）。逾期不答复的，视为该行政行为没有证据、依据（第七十条）。',
  }),
  // 行政复议法 第五十四条 + 第八十八条第二款: 简易程序被申请人收到副本之日起五日 (= 五个工作日) 内答复 (administrative-reconsideration-law-2023.md)
  'reconsideration.respondent-reply.simplified': defineDeadline({
    id: 'reconsideration.respondent-reply.simplified',
    module: 'reconsideration',
    nameZh: '被申请人书面答复期限（简易程序）',
    nameEn: 'Reconsideration: respondent’s written reply, simplified procedure',
    cite: ARL('第五十四条'),
    basis: [ARL_WORKDAYS, CPL_START],
    startsOn: 'copy.received',
    startsOnZh: '被申请人收到行政复议申请书副本或者申请笔录复印件',
    length: { amount: 5, unit: 'workday' },
    rollOverHoliday: false,
    warnBefore: { amount: 2, unit: 'workday' },
    verified: 'V',
    note: '逾期不答复的，视为该行政行为没有证据、依据（第七十条）。',
  }),
  // 行政复议法 第六十二条第一款: 普通程序自受理之日起六十日；经批准可延长，最多不超过三十日 (administrative-reconsideration-law-2023.md)
  'reconsideration.decision.ordinary': defineDeadline({
    id: 'reconsideration.decision.ordinary',
    module: 'reconsideration',
    nameZh: '行政复议决定期限（普通程序）',
    nameEn: 'Reconsideration: decision, ordinary procedure',
    cite: ARL('第六十二条第一款'),
    basis: [ARL_CPL, CPL_START, CPL_ROLL, ARL_SUSPEND],
    startsOn: 'application.accepted',
    startsOnZh: '受理行政复议申请',
    length: { amount: 60, unit: 'day' },
    rollOverHoliday: true,
    pausable: true,
    extension: { maxTimes: 1, amount: 30, unit: 'day', approval: '情况复杂的，经行政复议机构的负责人批准，并书面告知当事人', cite: ARL('第六十二条第一款') },
    warnBefore: { amount: 10, unit: 'day' },
    verified: 'V',
    note: '法律规定的行政复议期限少于六十日的，从其规定（第六十二条第一款但书）。视为受理的，自审查期限届满之日起算（第三十条第三款）。',
  }),
  // 行政复议法 第六十二条第二款: 简易程序自受理之日起三十日 (administrative-reconsideration-law-2023.md)
  'reconsideration.decision.simplified': defineDeadline({
    id: 'reconsideration.decision.simplified',
    module: 'reconsideration',
    nameZh: '行政复议决定期限（简易程序）',
    nameEn: 'Reconsideration: decision, simplified procedure',
    cite: ARL('第六十二条第二款'),
    basis: [ARL_CPL, CPL_START, CPL_ROLL, ARL_SUSPEND],
    startsOn: 'application.accepted',
    startsOnZh: '受理行政复议申请',
    length: { amount: 30, unit: 'day' },
    rollOverHoliday: true,
    pausable: true,
    warnBefore: { amount: 5, unit: 'day' },
    verified: 'V',
    note: '简易程序的决定期限法律未规定可以延长。转为普通程序审理的（第五十五条），期限如何衔接法律未作规定，请按普通程序另行登记期限并由办案机构确定起算日。',
  }),
  // 行政诉讼法 第六十七条第一款: 被告收到起诉状副本之日起十五日内提交证据、规范性文件并提出答辩状 (administrative-litigation-law-2017.md)
  'reconsideration.litigation-defence': defineDeadline({
    id: 'reconsideration.litigation-defence',
    module: 'reconsideration',
    nameZh: '行政应诉答辩及举证期限',
    nameEn: 'Litigation response: defence and evidence',
    cite: ALL('第六十七条第一款'),
    basis: [ALL('第一百零一条'), CPL_START, CPL_ROLL],
    startsOn: 'complaint.served',
    startsOnZh: '被告收到起诉状副本',
    length: { amount: 15, unit: 'day' },
    rollOverHoliday: true,
    warnBefore: { amount: 5, unit: 'day' },
    verified: 'V',
    note: '期间计算适用民事诉讼法（行政诉讼法第一百零一条）。逾期不提供证据的，视为没有相应证据（行政诉讼法第三十四条第二款）。',
  }),
} as const satisfies Record<string, DeadlineRule>;

export type ReconsiderationDeadlineId = keyof typeof RECONSIDERATION_DEADLINES;
