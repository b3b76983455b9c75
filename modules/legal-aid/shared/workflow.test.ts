import { describe, expect, test } from 'vitest';
import { actionPermission, nextStatus } from '@sifa/kernel/shared';
import { CASE_STATUSES, CASE_WORKFLOW, type CaseAction, type CaseStatus } from './workflow';

const ACTIONS = Object.keys(CASE_WORKFLOW.labels.actions) as CaseAction[];

// The whole table, written out: a change to the workflow must change this test on purpose (法律援助法 第四十三条、
// 第四十八条、第四十九条, legal-aid-law-2021.md).
const EXPECTED: Record<CaseStatus, Partial<Record<CaseAction, CaseStatus>>> = {
  applied: { requestMaterials: 'awaiting-materials', grant: 'granted', refuse: 'refused', withdraw: 'withdrawn' },
  'awaiting-materials': { supplyMaterials: 'applied', withdraw: 'withdrawn' },
  granted: { assign: 'assigned', terminate: 'terminated' },
  refused: { object: 'refusal-objected' },
  'refusal-objected': { upholdDecision: 'refusal-upheld', orderCorrection: 'applied' },
  'refusal-upheld': {},
  assigned: { recordProgress: 'assigned', changeLawyer: 'assigned', terminate: 'terminated', close: 'closed' },
  terminated: { object: 'termination-objected' },
  'termination-objected': { upholdDecision: 'termination-upheld', orderCorrection: 'assigned' },
  'termination-upheld': {},
  closed: {},
  withdrawn: {},
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

  test('第四十九条: the bureau decides an objection (its own permission); the lawyer records progress', () => {
    expect(actionPermission(CASE_WORKFLOW, 'upholdDecision')).toBe('legal-aid.objection.decide');
    expect(actionPermission(CASE_WORKFLOW, 'orderCorrection')).toBe('legal-aid.objection.decide');
    expect(actionPermission(CASE_WORKFLOW, 'recordProgress')).toBe('legal-aid.case.handle');
    expect(actionPermission(CASE_WORKFLOW, 'grant')).toBe('legal-aid.case.act');
  });

  test('a decision upheld after objection cannot be objected to again (第四十九条第三款: 行政复议或者行政诉讼)', () => {
    expect(CASE_WORKFLOW.terminal).toContain('refusal-upheld');
    expect(nextStatus(CASE_WORKFLOW, 'refusal-upheld', 'object')).toBeUndefined();
  });
});
