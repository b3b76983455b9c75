import { describe, expect, test } from 'vitest';
import { actionPath, actionSegment, pluralOf } from './workflow';

describe('typed action routes (ADR 0014)', () => {
  test('an action’s name is kebab-case in its route', () => {
    expect(actionSegment('reachAgreement')).toBe('reach-agreement');
    expect(actionSegment('partyRefuses')).toBe('party-refuses');
    expect(actionSegment('accept')).toBe('accept');
  });

  test('the route sits under the kind’s collection: declared, or the kind with an s', () => {
    expect(pluralOf({ kind: 'case' })).toBe('cases');
    expect(actionPath({ module: 'mediation', kind: 'dispute', plural: 'disputes' }, 'startSession')).toBe('/api/mediation/disputes/:id/start-session');
    expect(actionPath({ module: 'sample', kind: 'case' }, 'decline', 'a/b')).toBe('/api/sample/cases/a%2Fb/decline');
  });
});
