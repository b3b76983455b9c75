import type { RuleObject } from 'antd/es/form';

/** An antd form rule for a text field from a function that names its problem, or returns undefined when fine. */
export function textRule(problem: (value: string | undefined) => string | undefined): RuleObject {
  return {
    validator: (_rule, value: string | undefined) => {
      const text = problem(value);
      return text ? Promise.reject(new Error(text)) : Promise.resolve();
    },
  };
}
