import { defineWorkflow } from '@sifa/kernel/shared';

export const CASE_STATUSES = ['registered', 'accepted', 'declined', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * The case workflow of 法律援助: registered → accepted → closed, or declined at registration. TODO: the statuses and
 * actions the statute names (cite the article beside each transition), and the tests in workflow.test.ts with them.
 */
export const CASE_WORKFLOW = defineWorkflow({
  module: 'legal-aid',
  kind: 'case',
  plural: 'cases',
  /** The case number: the unit's abbreviation, the line's mark, the year, the sequence (e.g. 章贡援〔2026〕12号). */
  number: '{abbr}援〔{year}〕{seq}号',
  statuses: CASE_STATUSES,
  initial: 'registered',
  terminal: ['declined', 'closed'],
  transitions: {
    registered: { accept: 'accepted', decline: 'declined' },
    accepted: { close: 'closed' },
    declined: {},
    closed: {},
  },
  labels: {
    statuses: {
      registered: { zh: '已登记', en: 'Registered' },
      accepted: { zh: '已受理', en: 'Accepted' },
      declined: { zh: '不予受理', en: 'Declined' },
      closed: { zh: '已办结', en: 'Closed' },
    },
    actions: {
      accept: { zh: '受理', en: 'Accept' },
      decline: { zh: '不予受理', en: 'Decline' },
      close: { zh: '办结', en: 'Close' },
    },
  },
});
export type CaseAction = keyof (typeof CASE_WORKFLOW)['labels']['actions'];
