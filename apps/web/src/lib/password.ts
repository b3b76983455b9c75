import { passwordProblem } from '@sifa/kernel/shared';
import type { MessageKey, Translate } from '../i18n';

// passwordProblem() speaks Chinese only; these are its messages, translated by key.
const PROBLEM_KEYS: Record<string, MessageKey> = {
  '口令至少 8 位': 'password.tooShort',
  '口令不超过 128 位': 'password.tooLong',
  '口令须包含大写字母、小写字母、数字、符号中的至少三类': 'password.weak',
};

/** What is wrong with a new password (the kernel's rule), in the console language; undefined when fine. */
export function passwordProblemText(password: string, t: Translate): string | undefined {
  const problem = passwordProblem(password);
  if (!problem) return undefined;
  const key = PROBLEM_KEYS[problem];
  return key ? t(key) : problem;
}
