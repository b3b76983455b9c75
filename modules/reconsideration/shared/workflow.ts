import { defineWorkflow } from '@sifa/kernel/shared';
import { CASE_CHANNELS } from './catalogue';

// Statutes: ../shared/laws/administrative-reconsideration-law-2023.md (行政复议法, "ARL" below).
export const CASE_STATUSES = ['received', 'correcting', 'accepted', 'suspended', 'decided', 'declined', 'terminated', 'abandoned'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * The 行政复议 case: an application received (窗口、邮寄、网上、转送) is reviewed within 5 working days (ARL 第三十条):
 * - requestCorrection → correcting: one notice to complete the application (第三十一条第一款), at most once;
 *   receiveCorrection → received: the review runs again from the day the materials arrive (第三十一条第一款);
 *   abandon → abandoned: no correction within 10 working days without a good reason (第三十一条第二款);
 * - accept → accepted, or decline → declined with reasons naming the competent body (第三十条第二款);
 *   deemAccept → accepted: nobody decided within the period, the application is accepted by law (第三十条第三款) —
 *   taken only by the job (server/jobs.ts), with a permission no role holds;
 * - accepted: suspend ⇄ resume (第三十九条, the decision period does not run), terminate (第四十一条), extend the
 *   decision period once by ≤ 30 days (第六十二条第一款), convert simplified → ordinary (第五十五条), decide (第六十三至六十九条).
 */
export const CASE_WORKFLOW = defineWorkflow({
  module: 'reconsideration',
  kind: 'case',
  plural: 'cases',
  /** The case number: the unit's abbreviation, the line's mark, the year, the sequence (e.g. 赣州复〔2026〕12号). */
  number: '{abbr}复〔{year}〕{seq}号',
  statuses: CASE_STATUSES,
  initial: 'received',
  terminal: ['decided', 'declined', 'terminated', 'abandoned'],
  transitions: {
    received: { requestCorrection: 'correcting', accept: 'accepted', decline: 'declined', deemAccept: 'accepted' },
    correcting: { receiveCorrection: 'received', abandon: 'abandoned' },
    accepted: { suspend: 'suspended', terminate: 'terminated', extend: 'accepted', convert: 'accepted', decide: 'decided' },
    suspended: { resume: 'accepted', terminate: 'terminated' },
    decided: {},
    declined: {},
    terminated: {},
    abandoned: {},
  },
  // the workbench (ADR 0023): a received application waits for the 5-working-day review, an accepted one is in hand
  work: { states: { received: 'accept', correcting: 'accept', accepted: 'inHand', suspended: 'inHand' }, channels: CASE_CHANNELS },
  // 视为受理 happens by law when the period lapses: only the job's system account holds this permission.
  actionPermissions: { deemAccept: 'reconsideration.case.deem' },
  labels: {
    statuses: {
      received: { zh: '待审查', en: 'Under intake review' },
      correcting: { zh: '待补正', en: 'Awaiting correction' },
      accepted: { zh: '已受理', en: 'Accepted' },
      suspended: { zh: '已中止', en: 'Suspended' },
      decided: { zh: '已决定', en: 'Decided' },
      declined: { zh: '不予受理', en: 'Declined' },
      terminated: { zh: '已终止', en: 'Terminated' },
      abandoned: { zh: '视为放弃', en: 'Deemed abandoned' },
    },
    actions: {
      requestCorrection: { zh: '通知补正', en: 'Request correction' },
      receiveCorrection: { zh: '收到补正材料', en: 'Correction received' },
      abandon: { zh: '视为放弃申请', en: 'Deem abandoned' },
      accept: { zh: '受理', en: 'Accept' },
      decline: { zh: '不予受理', en: 'Decline' },
      deemAccept: { zh: '视为受理', en: 'Deemed accepted' },
      suspend: { zh: '中止审理', en: 'Suspend' },
      resume: { zh: '恢复审理', en: 'Resume' },
      terminate: { zh: '终止审理', en: 'Terminate' },
      extend: { zh: '延长审理期限', en: 'Extend' },
      convert: { zh: '转为普通程序', en: 'Convert to ordinary procedure' },
      decide: { zh: '作出复议决定', en: 'Decide' },
    },
  },
  partyRoles: [
    { code: 'applicant', zh: '申请人', en: 'Applicant' },
    { code: 'agent', zh: '委托代理人', en: 'Agent' },
    { code: 'third-party', zh: '第三人', en: 'Third party' },
  ],
});
export type CaseAction = keyof (typeof CASE_WORKFLOW)['labels']['actions'];
