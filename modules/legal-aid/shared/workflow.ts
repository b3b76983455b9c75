import { defineWorkflow } from '@sifa/kernel/shared';

// 法律援助 procedure, 法律援助法 第四章 (../shared/laws/legal-aid-law-2021.md) and 司法部令第148号 (operations.md §2).
export const CASE_STATUSES = [
  'applied',
  'awaiting-materials',
  'granted',
  'refused',
  'refusal-objected',
  'refusal-upheld',
  'assigned',
  'terminated',
  'termination-objected',
  'termination-upheld',
  'closed',
  'withdrawn',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Where an application comes in (the register action's `source`, named on the workbench's arrivals). */
export const CASE_CHANNELS = {
  window: { zh: '窗口申请', en: 'Service window' },
  portal: { zh: '网上申请', en: 'Portal' },
  hotline: { zh: '12348 热线', en: 'Hotline' },
  // 第三十六条: 人民法院、人民检察院、公安机关通知指派
  notice: { zh: '办案机关通知', en: 'Notified by a court, procuratorate or police' },
  // 第三十九条: 被羁押人员的申请由办案机关、监管场所二十四小时内转交
  forwarded: { zh: '监管场所转交', en: 'Forwarded from custody' },
} as const;

/**
 * The case workflow of 法律援助: an application (or a notification of the police, procuratorate or court) is reviewed
 * within 7 days, granted or refused (第四十三条); a grant is assigned within 3 days (第四十三条、第三十六条); the lawyer
 * handles it until closing (第五十条) or termination (第四十八条); a refusal or termination may be objected to before
 * the justice bureau (第四十九条), which upholds it or orders correction.
 */
export const CASE_WORKFLOW = defineWorkflow({
  module: 'legal-aid',
  kind: 'case',
  plural: 'cases',
  /** The case number: the unit's abbreviation, the line's mark, the year, the sequence (e.g. 章贡援〔2026〕12号). */
  number: '{abbr}援〔{year}〕{seq}号',
  statuses: CASE_STATUSES,
  initial: 'applied',
  terminal: ['refusal-upheld', 'termination-upheld', 'closed', 'withdrawn'],
  transitions: {
    // 第四十三条第一款: 七日内审查，作出是否给予法律援助的决定; 第二款: 材料不齐全的，一次性告知，未按要求补充的视为撤回
    applied: { requestMaterials: 'awaiting-materials', grant: 'granted', refuse: 'refused', withdraw: 'withdrawn' },
    'awaiting-materials': { supplyMaterials: 'applied', withdraw: 'withdrawn' },
    // 第四十三条第一款: 自作出决定之日起三日内指派; 第四十八条 may end the aid before assignment too
    granted: { assign: 'assigned', terminate: 'terminated' },
    // 第四十九条第一款: 对不予法律援助的决定有异议的，可以向设立该法律援助机构的司法行政部门提出
    refused: { object: 'refusal-objected' },
    // 第四十九条第二款: 五日内作出维持或者责令改正的决定 (改正: the centre reviews the application again)
    'refusal-objected': { upholdDecision: 'refusal-upheld', orderCorrection: 'applied' },
    // 第四十九条第三款: 维持的，申请人可以依法申请行政复议或者提起行政诉讼 — outside this workflow
    'refusal-upheld': {},
    // 司法部令第148号: 会见、阅卷与办理进展; 受援人可以申请更换法律援助人员; 第四十八条 终止; 第五十条 结案
    assigned: { recordProgress: 'assigned', changeLawyer: 'assigned', terminate: 'terminated', close: 'closed' },
    terminated: { object: 'termination-objected' },
    'termination-objected': { upholdDecision: 'termination-upheld', orderCorrection: 'assigned' },
    'termination-upheld': {},
    closed: {},
    withdrawn: {},
  },
  // 第四十九条第二款: the justice bureau, not the centre, decides the objection; the lawyer records progress
  // the workbench (ADR 0023): review and assignment are the centre's work, handling the lawyer's, objections the bureau's
  work: {
    states: {
      applied: 'accept',
      'awaiting-materials': 'accept',
      granted: 'assign',
      assigned: { stage: 'inHand', permission: 'legal-aid.case.handle' },
      'refusal-objected': { stage: 'accept', permission: 'legal-aid.objection.decide' },
      'termination-objected': { stage: 'accept', permission: 'legal-aid.objection.decide' },
    },
    channels: CASE_CHANNELS,
  },
  actionPermissions: { upholdDecision: 'legal-aid.objection.decide', orderCorrection: 'legal-aid.objection.decide', recordProgress: 'legal-aid.case.handle' },
  labels: {
    statuses: {
      applied: { zh: '待审查', en: 'Under review' },
      'awaiting-materials': { zh: '待补充材料', en: 'Awaiting materials' },
      granted: { zh: '待指派', en: 'Granted, to assign' },
      refused: { zh: '不予援助', en: 'Refused' },
      'refusal-objected': { zh: '异议审查中', en: 'Objection under review' },
      'refusal-upheld': { zh: '维持不予援助', en: 'Refusal upheld' },
      assigned: { zh: '承办中', en: 'Being handled' },
      terminated: { zh: '已终止', en: 'Terminated' },
      'termination-objected': { zh: '终止异议审查中', en: 'Objection to termination under review' },
      'termination-upheld': { zh: '维持终止', en: 'Termination upheld' },
      closed: { zh: '已结案', en: 'Closed' },
      withdrawn: { zh: '已撤回', en: 'Withdrawn' },
    },
    actions: {
      requestMaterials: { zh: '一次性告知补充材料', en: 'Request missing materials' },
      supplyMaterials: { zh: '材料已补齐', en: 'Materials supplied' },
      withdraw: { zh: '撤回申请', en: 'Withdraw' },
      grant: { zh: '决定给予援助', en: 'Grant' },
      refuse: { zh: '决定不予援助', en: 'Refuse' },
      assign: { zh: '指派承办人员', en: 'Assign' },
      recordProgress: { zh: '记录办理进展', en: 'Record progress' },
      changeLawyer: { zh: '更换承办人员', en: 'Change lawyer' },
      terminate: { zh: '终止援助', en: 'Terminate' },
      close: { zh: '结案', en: 'Close' },
      object: { zh: '提出异议', en: 'Object' },
      upholdDecision: { zh: '维持原决定', en: 'Uphold' },
      orderCorrection: { zh: '责令改正', en: 'Order correction' },
    },
  },
});
export type CaseAction = keyof (typeof CASE_WORKFLOW)['labels']['actions'];
