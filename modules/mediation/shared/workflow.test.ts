import { describe, expect, test } from 'vitest';
import { availableActions, nextStatus } from '@sifa/kernel/shared';
import { DISPUTE_STATUSES, DISPUTE_WORKFLOW, type DisputeAction, type DisputeStatus } from './workflow';

const ACTIONS = Object.keys(DISPUTE_WORKFLOW.labels.actions) as DisputeAction[];

// The whole table, written out: a change to the workflow must change this test on purpose.
const EXPECTED: Record<DisputeStatus, Partial<Record<DisputeAction, DisputeStatus>>> = {
  registered: { recordContact: 'registered', accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' },
  accepted: { assign: 'assigned', withdraw: 'withdrawn' },
  assigned: { startSession: 'mediating', transfer: 'assigned', partyRefuses: 'failed', withdraw: 'withdrawn' },
  mediating: { recordSession: 'mediating', reachAgreement: 'agreed', fail: 'failed', partyRefuses: 'failed', withdraw: 'withdrawn' },
  agreed: {},
  failed: {},
  declined: {},
  withdrawn: {},
};

describe('dispute workflow: every status × action pair', () => {
  for (const status of DISPUTE_STATUSES) {
    for (const action of ACTIONS) {
      const expected = EXPECTED[status][action];
      test(`${status} × ${action} → ${expected ?? 'refused'}`, () => {
        expect(nextStatus(DISPUTE_WORKFLOW, status, action)).toBe(expected);
      });
    }
  }

  test('人民调解法 第十七条: a party’s express refusal ends mediation from assigned or mediating', () => {
    expect(nextStatus(DISPUTE_WORKFLOW, 'assigned', 'partyRefuses')).toBe('failed');
    expect(nextStatus(DISPUTE_WORKFLOW, 'mediating', 'partyRefuses')).toBe('failed');
  });

  test('terminal statuses allow nothing, others allow something', () => {
    for (const s of DISPUTE_STATUSES) expect(availableActions(DISPUTE_WORKFLOW, s).length === 0).toBe(DISPUTE_WORKFLOW.terminal.includes(s));
  });

  test('every status and action has a Chinese and an English label', () => {
    for (const s of DISPUTE_STATUSES) expect(DISPUTE_WORKFLOW.labels.statuses[s].zh).toMatch(/[\u4e00-\u9fff]/);
    for (const a of ACTIONS) expect(DISPUTE_WORKFLOW.labels.actions[a].en.length).toBeGreaterThan(2);
  });
});
