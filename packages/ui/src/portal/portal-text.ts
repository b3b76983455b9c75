import type { UiLang } from '../ui-text';

/** The portal shell's and the step wizard's own text, [中文, English]; `{name}` placeholders are filled from vars. */
const TEXT = {
  'shell.back': ['返回', 'Back'],
  'shell.switchLang': ['切换语言', 'Switch language'],
  'wizard.stepOf': ['第 {n} 步，共 {total} 步', 'Step {n} of {total}'],
  'wizard.prev': ['上一步', 'Back'],
  'wizard.next': ['下一步', 'Next'],
  'wizard.submit': ['确认提交', 'Submit'],
  'wizard.restored': ['已恢复您上次未提交的填写内容', 'Your unfinished application was restored'],
  'wizard.discard': ['清空重填', 'Start over'],
  'wizard.failed': ['提交失败，请稍后重试', 'Could not submit; please try again later'],
} as const satisfies Record<string, readonly [string, string]>;

export type PortalTextKey = keyof typeof TEXT;

/** The text of `key` in `lang` with `{name}` placeholders filled. */
export function portalText(lang: UiLang | undefined, key: PortalTextKey, vars?: Record<string, string | number>): string {
  const text: string = TEXT[key][lang === 'en' ? 1 : 0];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}
