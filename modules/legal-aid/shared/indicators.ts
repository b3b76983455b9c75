import { defineIndicator } from '@sifa/kernel/shared';

// 法律援助's figures (issue #15 item 8), over the module's matter-backed source `legal-aid.cases`. Each counts by the
// date it names: applications and grants by the day the application was received (the matter's `opened_at`).
const received = '按收到申请（通知）的日期统计';
/** Decided: granted (and every later step of a grant) or refused (with the objection states). */
const GRANTED = ['granted', 'assigned', 'terminated', 'termination-objected', 'termination-upheld', 'closed'];
const REFUSED = ['refused', 'refusal-objected', 'refusal-upheld'];

export const LEGAL_AID_INDICATORS = [
  defineIndicator({
    id: 'legal-aid.applications',
    nameZh: '法律援助申请数',
    nameEn: 'Applications',
    permission: 'legal-aid.indicator.read',
    source: 'legal-aid.cases',
    numerator: [],
    unit: 'count',
    decimals: 0,
    description: `全部渠道收到的申请和办案机关通知（含转交），${received}`,
  }),
  defineIndicator({
    id: 'legal-aid.grants',
    nameZh: '给予援助数',
    nameEn: 'Grants',
    permission: 'legal-aid.indicator.read',
    source: 'legal-aid.cases',
    numerator: [{ column: 'status', op: 'in', value: GRANTED }],
    unit: 'count',
    decimals: 0,
    description: `决定给予法律援助（含通知辩护）的案件，含其后已指派、已结案、已终止的，${received}`,
  }),
  defineIndicator({
    id: 'legal-aid.grant-rate',
    nameZh: '援助批准率',
    nameEn: 'Grant rate',
    permission: 'legal-aid.indicator.read',
    source: 'legal-aid.cases',
    numerator: [{ column: 'status', op: 'in', value: GRANTED }],
    denominator: [{ column: 'status', op: 'in', value: [...GRANTED, ...REFUSED] }],
    unit: 'percent',
    decimals: 2,
    description: `给予援助数 ÷ 已作出决定数（给予 + 不予），待审查、待补材料、撤回的不计入分母，${received}`,
  }),
  defineIndicator({
    id: 'legal-aid.same-day-rate',
    nameZh: '当日申请受理指派率',
    nameEn: 'Same-day rate',
    permission: 'legal-aid.indicator.read',
    source: 'legal-aid.cases',
    numerator: [{ column: 'same_day', op: 'eq', value: true }],
    denominator: [{ column: 'assigned_at', op: 'notNull' }],
    unit: 'percent',
    decimals: 2,
    description: `收到申请、决定给予和指派在同一天的案件 ÷ 已指派案件（当天申请、当天受理、当天指派），${received}`,
  }),
  defineIndicator({
    id: 'legal-aid.commitment-share',
    nameZh: '告知承诺占比',
    nameEn: 'Commitment-in-lieu share',
    permission: 'legal-aid.indicator.read',
    source: 'legal-aid.cases',
    numerator: [{ column: 'means_test', op: 'eq', value: 'commitment' }],
    denominator: [{ column: 'means_test', op: 'in', value: ['income', 'commitment'] }],
    unit: 'percent',
    decimals: 2,
    description: `以个人诚信承诺说明经济困难的申请 ÷ 需审查经济困难状况且已说明的申请（法律援助法第四十一条），${received}`,
  }),
  defineIndicator({
    id: 'legal-aid.days-to-assignment',
    nameZh: '平均指派用时',
    nameEn: 'Average days to assignment',
    permission: 'legal-aid.indicator.read',
    source: 'legal-aid.cases',
    numerator: [{ column: 'assigned_at', op: 'notNull' }],
    sum: 'toAssignment',
    denominator: [{ column: 'assigned_at', op: 'notNull' }],
    unit: 'days',
    decimals: 2,
    description: `已指派案件从收到申请到指派的天数之和 ÷ 已指派案件数，${received}`,
  }),
  defineIndicator({
    id: 'legal-aid.benefit',
    nameZh: '挽回经济损失',
    nameEn: 'Economic benefit recovered',
    permission: 'legal-aid.indicator.read',
    source: 'legal-aid.cases',
    numerator: [{ column: 'status', op: 'eq', value: 'closed' }],
    sum: 'benefit',
    unit: 'yuan',
    decimals: 2,
    description: `已结案案件为受援人挽回的经济损失合计（元），${received}`,
  }),
];
