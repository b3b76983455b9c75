import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { draftStorageKey, loadWizardDraft, removeWizardDraft, saveWizardDraft } from './wizard-draft';

/** The browser's localStorage, as far as the drafts use it. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('step wizard drafts (save and resume)', () => {
  beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  test('each citizen resumes their own draft of a service; another service is kept apart', () => {
    saveWizardDraft('mediation-apply', 'alice', { step: 2, values: { summary: '楼上漏水' } });
    saveWizardDraft('mediation-apply', 'bob', { step: 1, values: { summary: '噪音' } });
    saveWizardDraft('legal-aid-apply', 'alice', { step: 0, values: { summary: '欠薪' } });
    expect(loadWizardDraft('mediation-apply', 'alice')).toEqual({ step: 2, values: { summary: '楼上漏水' } });
    expect(loadWizardDraft('mediation-apply', 'bob')).toEqual({ step: 1, values: { summary: '噪音' } });
    expect(loadWizardDraft('legal-aid-apply', 'alice')).toEqual({ step: 0, values: { summary: '欠薪' } });
    expect(loadWizardDraft('mediation-apply', 'carol')).toBeUndefined();
  });

  test('submitting removes only that citizen’s draft, and the storage key once no draft is left', () => {
    saveWizardDraft('mediation-apply', 'alice', { step: 3, values: {} });
    saveWizardDraft('mediation-apply', 'bob', { step: 1, values: {} });
    removeWizardDraft('mediation-apply', 'alice');
    expect(loadWizardDraft('mediation-apply', 'alice')).toBeUndefined();
    expect(loadWizardDraft('mediation-apply', 'bob')).toEqual({ step: 1, values: {} });
    removeWizardDraft('mediation-apply', 'bob');
    expect(localStorage.getItem(draftStorageKey('mediation-apply'))).toBeNull();
  });

  test('a draft saved before drafts were per citizen is offered to whoever opens the form, then replaced', () => {
    localStorage.setItem('sifa.portal.mediation-apply', JSON.stringify({ step: 1, values: { summary: '旧草稿' } }));
    expect(loadWizardDraft('mediation-apply', 'alice')).toEqual({ step: 1, values: { summary: '旧草稿' } });
    saveWizardDraft('mediation-apply', 'alice', { step: 2, values: { summary: '旧草稿' } });
    expect(loadWizardDraft('mediation-apply', 'bob')).toBeUndefined();
  });

  test('unreadable storage gives no draft instead of breaking the form', () => {
    localStorage.setItem('sifa.portal.mediation-apply', '{not json');
    expect(loadWizardDraft('mediation-apply', 'alice')).toBeUndefined();
    localStorage.setItem('sifa.portal.mediation-apply', JSON.stringify({ alice: { step: 'x' } }));
    expect(loadWizardDraft('mediation-apply', 'alice')).toBeUndefined();
  });
});
