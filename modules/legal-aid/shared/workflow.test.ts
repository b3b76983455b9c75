import { describe, expect, test } from 'vitest';
import { nextStatus } from '@sifa/kernel/shared';
import { CASE_STATUSES, CASE_WORKFLOW, type CaseAction, type CaseStatus } from './workflow';

const ACTIONS = Object.keys(CASE_WORKFLOW.labels.actions) as CaseAction[];

// The whole table, written out: a change to the workflow must change this test on purpose.
const EXPECTED: Record<CaseStatus, Partial<Record<CaseAction, CaseStatus>>> = {
  registered: { accept: 'accepted', decline: 'declined' },
  accepted: { close: 'closed' },
  declined: {},
  closed: {},
};

describe('法律援助 case workflow: every status × action pair', () => {
  for (const status of CASE_STATUSES) {
    for (const action of ACTIONS) {
      const expected = EXPECTED[status][action];
      test(`${status} × ${action} → ${expected ?? 'refused'}`, () => {
        expect(nextStatus(CASE_WORKFLOW, status, action)).toBe(expected);
      });
    }
  }
});
