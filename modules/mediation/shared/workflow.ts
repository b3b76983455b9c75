import { defineWorkflow } from '@sifa/kernel/shared';
import { DISPUTE_SOURCES, PARTY_ROLES } from './categories';

export const DISPUTE_STATUSES = ['registered', 'accepted', 'declined', 'assigned', 'mediating', 'agreed', 'failed', 'withdrawn'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

/**
 * The dispute workflow (STYLE.md). 人民调解法 第十七条: a party's express refusal ends mediation
 * (people-mediation-law-2010.md); 第二十六条: on failure the mediator ends it and tells the parties their remedies.
 */
export const DISPUTE_WORKFLOW = defineWorkflow({
  module: 'mediation',
  kind: 'dispute',
  plural: 'disputes',
  /** 赣章调〔2026〕123号: the numbering unit's abbreviation, 调 for mediation, year, sequence (issue #4). */
  number: '{abbr}调〔{year}〕{seq}号',
  statuses: DISPUTE_STATUSES,
  initial: 'registered',
  terminal: ['declined', 'agreed', 'failed', 'withdrawn'],
  transitions: {
    registered: { recordContact: 'registered', accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' },
    accepted: { assign: 'assigned', withdraw: 'withdrawn' },
    assigned: { startSession: 'mediating', transfer: 'assigned', partyRefuses: 'failed', withdraw: 'withdrawn' },
    mediating: { recordSession: 'mediating', reachAgreement: 'agreed', fail: 'failed', partyRefuses: 'failed', withdraw: 'withdrawn' },
    agreed: {},
    failed: {},
    declined: {},
    withdrawn: {},
  },
  // The workbench (ADR 0023): a registered dispute waits to be accepted (人民调解法 第十七条 — the committee decides on an
  // application, people-mediation-law-2010.md), an accepted one for a committee and mediator (第十九条), an assigned or mediating one is in hand.
  // Whoever may act on disputes holds the work; a citizen who applied on the portal is texted at each step.
  work: {
    states: { registered: 'accept', accepted: 'assign', assigned: 'inHand', mediating: 'inHand' },
    channels: Object.fromEntries(Object.entries(DISPUTE_SOURCES).map(([code, l]) => [code, { zh: l.zh, en: l.en }])),
    citizenSms: { accepted: 'accepted', assigned: 'assigned', mediating: 'session' },
  },
  // a dispute's parties change with `mediation.dispute.write` (the kernel's default), in these roles, until it closes
  partyRoles: Object.entries(PARTY_ROLES).map(([code, l]) => ({ code, ...l })),
  // the day each event happened, checked against the dispute's earlier events and today (issue #13 item 4)
  eventDates: {
    startSession: { field: 'on', zh: '调解日期', en: 'Session date' },
    recordSession: { field: 'on', zh: '调解日期', en: 'Session date' },
    reachAgreement: { field: 'effectiveOn', zh: '协议生效日期', en: 'Agreement effective date' },
  },
  labels: {
    statuses: {
      registered: { zh: '已登记', en: 'Registered' },
      accepted: { zh: '已受理', en: 'Accepted' },
      declined: { zh: '不予受理', en: 'Declined' },
      assigned: { zh: '已指派', en: 'Assigned' },
      mediating: { zh: '调解中', en: 'In mediation' },
      agreed: { zh: '调解成功', en: 'Agreement reached' },
      failed: { zh: '调解终止', en: 'Mediation ended' },
      withdrawn: { zh: '已撤回', en: 'Withdrawn' },
    },
    actions: {
      recordContact: { zh: '记录联系', en: 'Record contact' },
      accept: { zh: '受理', en: 'Accept' },
      decline: { zh: '不予受理', en: 'Decline' },
      withdraw: { zh: '撤回申请', en: 'Withdraw' },
      assign: { zh: '指派调解', en: 'Assign' },
      transfer: { zh: '移交其他调委会', en: 'Transfer' },
      startSession: { zh: '开始调解', en: 'Start mediation' },
      recordSession: { zh: '记录调解', en: 'Record a session' },
      reachAgreement: { zh: '达成协议', en: 'Reach agreement' },
      fail: { zh: '调解不成', en: 'Mediation failed' },
      partyRefuses: { zh: '当事人拒绝调解', en: 'A party refuses' },
    },
  },
});
export type DisputeAction = keyof (typeof DISPUTE_WORKFLOW)['labels']['actions'];
