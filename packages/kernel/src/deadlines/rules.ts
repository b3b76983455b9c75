import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors';
import { DeadlineLength, ExtensionPolicy, WarnBefore, type ConfigurableField, type DeadlineRule } from '../shared/deadline-model';
import { DEADLINE_RULES } from '../shared/deadlines';

/**
 * The rule catalogue in force: the shipped rules (the kernel's and every registered module's, assembled at boot by
 * `installDeadlineRules`), with a deployment's overrides of the fields the rules mark
 * configurable (rules.md [P]/[M]: e.g. legal-aid review in working days where a province says so). A field
 * checked against the statute ([V]) cannot be overridden.
 */
export const DeadlineRuleOverride = z
  .object({
    length: DeadlineLength,
    rollOverHoliday: z.boolean(),
    rollOverWeekend: z.boolean(),
    pausable: z.boolean(),
    extension: ExtensionPolicy.nullable(),
    warnBefore: WarnBefore,
    /** Why the deployment differs (e.g. the provincial regulation), shown with the rule. */
    reason: z.string().min(2, '请说明覆盖依据（如本省法规名称和条款）'),
  })
  .partial()
  .required({ reason: true })
  .strict();
export type DeadlineRuleOverride = z.infer<typeof DeadlineRuleOverride>;
export const DeadlineOverrides = z.record(z.string(), DeadlineRuleOverride);
export type DeadlineOverrides = z.infer<typeof DeadlineOverrides>;

// The shipped catalogue (installDeadlineRules), the deployment's overrides (configureDeadlineRules) and the result.
let shipped: Readonly<Record<string, DeadlineRule>> = DEADLINE_RULES;
let deployed: unknown = {};
let active: Readonly<Record<string, DeadlineRule>> = DEADLINE_RULES;

/** The catalogue with `overrides` applied; throws with a message naming the rule and field that cannot change. */
export function applyDeadlineOverrides(overrides: unknown, base: Readonly<Record<string, DeadlineRule>> = shipped): Record<string, DeadlineRule> {
  const parsed = DeadlineOverrides.safeParse(overrides);
  if (!parsed.success) throw new Error(`期限规则配置格式有误：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
  const out: Record<string, DeadlineRule> = { ...base };
  for (const [id, o] of Object.entries(parsed.data)) {
    const rule = base[id];
    if (!rule) throw new Error(`期限规则配置中的“${id}”不是已知规则；可用规则：${Object.keys(base).join('、')}`);
    const { reason, ...fields } = o;
    for (const field of Object.keys(fields) as ConfigurableField[]) {
      if (!rule.configurable.includes(field)) {
        throw new Error(
          `期限规则“${rule.nameZh}”(${id}) 的 ${field} 已依${rule.cite.law}${rule.cite.article}核定，不可配置；可配置项：${rule.configurable.join('、')}`,
        );
      }
    }
    out[id] = { ...rule, ...fields, note: `${rule.note ?? ''}【本地配置】${reason}`.trim() };
  }
  return out;
}

/** What a module contributes to the catalogue (a `ModuleDefinition` has these fields). */
export interface DeadlineRuleSource {
  name: string;
  deadlines?: Readonly<Record<string, DeadlineRule>>;
}

/**
 * The shipped catalogue: the kernel's rules (lines with no module yet) and every module's. A module's rule is keyed
 * by its id, which starts with the module's name, and names the module; no id is declared twice. Throws naming the
 * rule otherwise, so a wrong declaration stops the boot.
 */
export function assembleDeadlineRules(modules: readonly DeadlineRuleSource[]): Record<string, DeadlineRule> {
  const out: Record<string, DeadlineRule> = { ...DEADLINE_RULES };
  const owner = new Map<string, string>(Object.keys(DEADLINE_RULES).map((id) => [id, 'kernel']));
  for (const m of modules) {
    if (m.name === 'kernel') continue; // the kernel's rules are DEADLINE_RULES, above
    for (const [key, rule] of Object.entries(m.deadlines ?? {})) {
      if (key !== rule.id) throw new Error(`模块“${m.name}”的期限规则键“${key}”与规则编号“${rule.id}”不一致`);
      if (!rule.id.startsWith(`${m.name}.`) || rule.module !== m.name) {
        throw new Error(`模块“${m.name}”的期限规则“${rule.id}”应以“${m.name}.”开头并标明 module: '${m.name}'`);
      }
      const before = owner.get(rule.id);
      if (before) throw new Error(`期限规则“${rule.id}”重复声明（${before}、${m.name}）`);
      owner.set(rule.id, m.name);
      out[rule.id] = rule;
    }
  }
  return out;
}

/**
 * Sets the shipped catalogue from the registered modules (at boot, before the overrides are read) and applies
 * the deployment's overrides to it again.
 */
export function installDeadlineRules(modules: readonly DeadlineRuleSource[]): void {
  const next = assembleDeadlineRules(modules);
  active = applyDeadlineOverrides(deployed, next);
  shipped = next;
}

/** Sets the deployment's overrides (at boot). Pass `{}` to go back to the shipped catalogue. */
export function configureDeadlineRules(next: unknown): void {
  active = applyDeadlineOverrides(next, shipped);
  deployed = next;
}

/** Reads overrides from a JSON file `{ "<rule id>": { "length": {...}, "reason": "..." } }`. */
export function loadDeadlineOverridesFile(path: string): void {
  configureDeadlineRules(JSON.parse(readFileSync(path, 'utf8')) as unknown);
}

export const listDeadlineRules = (): DeadlineRule[] => Object.values(active);

export const findDeadlineRule = (id: string): DeadlineRule | undefined => (Object.hasOwn(active, id) ? active[id] : undefined);

export function getDeadlineRule(id: string): DeadlineRule {
  const rule = findDeadlineRule(id);
  if (!rule) throw new AppError('DEADLINE_RULE_UNKNOWN', { id });
  return rule;
}

/**
 * Why an extension is not allowed, or undefined when it is: the rule must have an extension policy, the unit
 * must match, and neither the number of extensions nor the length of one may exceed what the statute allows.
 */
export function extensionRefusal(rule: DeadlineRule, amount: number, unit: string, timesSoFar = 0): string | undefined {
  const p = rule.extension;
  const where = `（${rule.cite.law}${rule.cite.article}）`;
  if (!p) return `“${rule.nameZh}”依法不得延长${where}`;
  if (!Number.isInteger(amount) || amount <= 0) return '延长期限应为正整数';
  const unitZh = { day: '日', workday: '个工作日', month: '个月' }[p.unit];
  if (unit !== p.unit) return `“${rule.nameZh}”的延长以“${unitZh}”计`;
  if (p.maxTimes !== null && timesSoFar >= p.maxTimes) {
    return `“${rule.nameZh}”最多延长 ${p.maxTimes} 次，已延长 ${timesSoFar} 次（${p.cite.law}${p.cite.article}）`;
  }
  if (p.amount !== null && amount > p.amount) {
    return `“${rule.nameZh}”每次延长不得超过 ${p.amount} ${unitZh}，申请延长 ${amount} ${unitZh}（${p.cite.law}${p.cite.article}）`;
  }
  return undefined;
}
