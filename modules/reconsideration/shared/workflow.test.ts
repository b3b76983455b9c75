import { describe, expect, test } from 'vitest';
import { actionPermission, nextStatus } from '@sifa/kernel/shared';
import { CASE_STATUSES, CASE_WORKFLOW, type CaseAction, type CaseStatus } from './workflow';

const ACTIONS = Object.keys(CASE_WORKFLOW.labels.actions) as CaseAction[];

// The whole table, written out: a change to the workflow must change this test on purpose.
// ../shared/laws/administrative-reconsideration-law-2023.md 第三十条、第三十一条、第三十九条、第四十一条、第五十五条、第六十二条.
const EXPECTED: Record<CaseStatus, Partial<Record<CaseAction, CaseStatus>>> = {
  received: { requestCorrection: 'correcting', accept: 'accepted', decline: 'declined', deemAccept: 'accepted' },
  correcting: { receiveCorrection: 'received', abandon: 'abandoned' },
  accepted: { suspend: 'suspended', terminate: 'terminated', extend: 'accepted', convert: 'accepted', decide: 'decided' },
  suspended: { resume: 'accepted', terminate: 'terminated' },
  decided: {},
  declined: {},
  terminated: {},
  abandoned: {},
};

describe('行政复议 case workflow: every status × action pair', () => {
  for (const status of CASE_STATUSES) {
    for (const action of ACTIONS) {
      const expected = EXPECTED[status][action];
      test(`${status} × ${action} → ${expected ?? 'refused'}`, () => {
        expect(nextStatus(CASE_WORKFLOW, status, action)).toBe(expected);
      });
    }
  }

  test('terminal statuses allow nothing; 视为受理 (第三十条第三款) needs a permission no staff role holds', () => {
    for (const s of CASE_WORKFLOW.terminal) expect(CASE_WORKFLOW.transitions[s]).toEqual({});
    expect(actionPermission(CASE_WORKFLOW, 'deemAccept')).toBe('reconsideration.case.deem');
    expect(actionPermission(CASE_WORKFLOW, 'accept')).toBe('reconsideration.case.act');
  });
});
