import { afterEach, describe, expect, test } from 'vitest';
import { assembleDeadlineRules, configureDeadlineRules, findDeadlineRule, installDeadlineRules, listDeadlineRules } from '@sifa/kernel';
import { DEADLINE_RULES } from '@sifa/kernel/shared';
import { MEDIATION_DEADLINES } from './deadlines';

// The catalogue in force is assembled from the kernel's rules (lines with no module yet) and every module's.
describe('the deadline catalogue is assembled from the modules', () => {
  afterEach(() => {
    configureDeadlineRules({});
    installDeadlineRules([]);
  });

  test("the kernel's rules and mediation's, each once", () => {
    const all = assembleDeadlineRules([{ name: 'kernel' }, { name: 'mediation', deadlines: MEDIATION_DEADLINES }]);
    expect(Object.keys(all).sort()).toEqual([...Object.keys(DEADLINE_RULES), ...Object.keys(MEDIATION_DEADLINES)].sort());
    expect(Object.keys(all)).toHaveLength(Object.keys(DEADLINE_RULES).length + 5);
    expect(Object.keys(DEADLINE_RULES).filter((id) => id.startsWith('mediation.'))).toEqual([]);
  });

  test('a rule declared twice, or under another module’s name, stops the assembly', () => {
    expect(() =>
      assembleDeadlineRules([
        { name: 'mediation', deadlines: MEDIATION_DEADLINES },
        { name: 'mediation', deadlines: MEDIATION_DEADLINES },
      ]),
    ).toThrow('期限规则“mediation.judicial-confirmation”重复声明（mediation、mediation）');
    expect(() => assembleDeadlineRules([{ name: 'legal-aid', deadlines: MEDIATION_DEADLINES }])).toThrow(
      "模块“legal-aid”的期限规则“mediation.judicial-confirmation”应以“legal-aid.”开头并标明 module: 'legal-aid'",
    );
  });

  test("a deployment's overrides apply to the installed catalogue and survive a reinstall; a module's rule is unknown until installed", () => {
    // a kernel rule (legal-aid's moved to its module): 行政处罚法 第六十条 lets a rule of the field set another period
    const override = { 'penalty.decision': { length: { amount: 60, unit: 'day' }, reason: '本部门规章规定六十日' } };
    configureDeadlineRules(override);
    expect(findDeadlineRule('mediation.court-delegated')).toBeUndefined();
    installDeadlineRules([{ name: 'mediation', deadlines: MEDIATION_DEADLINES }]);
    expect(listDeadlineRules()).toHaveLength(Object.keys(DEADLINE_RULES).length + 5);
    expect(findDeadlineRule('penalty.decision')?.length).toEqual({ amount: 60, unit: 'day' });
    expect(findDeadlineRule('mediation.court-delegated')?.nameZh).toBe('委派调解期限（立案前）');
    installDeadlineRules([]);
    expect(() => configureDeadlineRules({ 'mediation.court-delegated': { length: { amount: 60, unit: 'day' }, reason: '试图延长' } })).toThrow(
      '期限规则配置中的“mediation.court-delegated”不是已知规则',
    );
  });
});
