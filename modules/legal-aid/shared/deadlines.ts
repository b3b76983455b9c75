import { CPL_ROLL, CPL_START, defineDeadline, lawCite, type DeadlineRule } from '@sifa/kernel/shared';

// 法律援助's statute periods, declared by the module (`defineModule({ deadlines })`); the kernel computes them. Moved
// here from the kernel's catalogue of lines without a module (packages/kernel/src/shared/deadlines.ts), ids unchanged.

const LAL = lawCite('法律援助法', 'legal-aid-law-2021.md');
const ZJLA = lawCite('浙江省法律援助条例', 'zhejiang-legal-aid-regulations-2016.md');

/** 法律援助's deadline rules by id (`legal-aid.*`). */
export const LEGAL_AID_DEADLINES = {
  // 法律援助法 第四十三条第一款: 收到申请之日起七日内审查决定 (legal-aid-law-2021.md)
  'legal-aid.review': defineDeadline({
    id: 'legal-aid.review',
    module: 'legal-aid',
    nameZh: '法律援助申请审查期限',
    nameEn: 'Legal aid: review of an application',
    cite: LAL('第四十三条第一款'),
    basis: [ZJLA('第十七条'), CPL_START, CPL_ROLL],
    startsOn: 'application.received',
    startsOnZh: '法律援助机构收到法律援助申请',
    length: { amount: 7, unit: 'day' },
    rollOverHoliday: true,
    pausable: true,
    warnBefore: { amount: 2, unit: 'day' },
    verified: 'P',
    configurable: ['length', 'rollOverHoliday', 'pausable'],
    note: '法律援助法未规定“七日”是否为工作日：司法部 2012 年程序规定为七个工作日，2023 年修订后为七日（[P]）；地方性法规可规定为工作日（如浙江省法律援助条例第十七条“七个工作日”）。默认按自然日计算，可按本省规定配置为工作日。补充材料期间不计入审查期限系部门规章做法（[P]），默认可中止。届满日遇节假日顺延参照民事诉讼法第八十五条（可配置）。',
  }),
  // 法律援助法 第四十三条第一款: 决定给予法律援助的，自作出决定之日起三日内指派 (legal-aid-law-2021.md)
  'legal-aid.assignment': defineDeadline({
    id: 'legal-aid.assignment',
    module: 'legal-aid',
    nameZh: '法律援助指派期限',
    nameEn: 'Legal aid: assignment of a lawyer',
    cite: LAL('第四十三条第一款'),
    basis: [LAL('第三十六条'), CPL_START, CPL_ROLL],
    startsOn: 'aid.granted',
    startsOnZh: '作出给予法律援助的决定',
    length: { amount: 3, unit: 'day' },
    rollOverHoliday: true,
    warnBefore: { amount: 1, unit: 'day' },
    verified: 'V',
    configurable: ['length', 'rollOverHoliday'],
    note: '法律未规定“三日”为工作日，默认按自然日计算，可按本省规定配置。人民法院、人民检察院、公安机关通知指派的，自收到通知之日起三日内指派（第三十六条），起算事件为收到通知。届满日遇节假日顺延参照民事诉讼法第八十五条（可配置）。',
  }),
  // 法律援助法 第四十九条第二款: 司法行政部门应当自收到异议之日起五日内进行审查，作出维持或者责令改正的决定 (legal-aid-law-2021.md)
  'legal-aid.objection': defineDeadline({
    id: 'legal-aid.objection',
    module: 'legal-aid',
    nameZh: '法律援助异议审查期限',
    nameEn: 'Legal aid: review of an objection',
    cite: LAL('第四十九条第二款'),
    basis: [CPL_START, CPL_ROLL],
    startsOn: 'objection.received',
    startsOnZh: '司法行政部门收到异议',
    length: { amount: 5, unit: 'day' },
    rollOverHoliday: true,
    warnBefore: { amount: 2, unit: 'day' },
    verified: 'V',
    configurable: ['length', 'rollOverHoliday'],
    note: '法律规定为“五日”，未规定为工作日，默认按自然日计算；本省规定为五个工作日的，可配置为工作日。届满日遇节假日顺延参照民事诉讼法第八十五条（可配置）。',
  }),
} as const satisfies Record<string, DeadlineRule>;

export type LegalAidDeadlineId = keyof typeof LEGAL_AID_DEADLINES;
