/** The languages the shared components speak; the console passes its own. */
export type UiLang = 'zh-CN' | 'en';

/** Each entry: [中文, English]; `{name}` placeholders are filled from vars. */
const TEXT = {
  'deadline.normal': ['正常', 'On time'],
  'deadline.due-soon': ['即将到期', 'Due soon'],
  'deadline.overdue': ['已逾期', 'Overdue'],
  'deadline.dueDate': ['届满日', 'Due date'],
  'deadline.warnDate': ['提醒日', 'Reminder from'],
  'deadline.basis': ['依据', 'Legal basis'],
  'deadline.explanation': ['计算说明', 'How the date was reached'],
  'deadline.loading': ['正在加载计算说明…', 'Loading the explanation…'],
  'deadline.noExplanation': ['暂无计算说明', 'No explanation available'],
  'deadline.uncovered': ['节假日安排未载入，结果仅供参考', 'Holiday schedule not loaded: for reference only'],
  'matter.number': ['编号', 'Number'],
  'matter.org': ['承办单位', 'Handling unit'],
  'matter.opened': ['登记日期', 'Registered on'],
  'matter.parties': ['当事人', 'Parties'],
  'matter.deadline': ['最近期限', 'Next deadline'],
  'matter.noParties': ['暂无当事人', 'No parties yet'],
  'matter.noDeadline': ['无计时中的期限', 'No running deadline'],
  'timeline.empty': ['暂无办理记录', 'Nothing recorded yet'],
  'timeline.by': ['办理人：{name}', 'By {name}'],
  'timeline.note': ['说明：{note}', 'Note: {note}'],
  'action.confirmTitle': ['确认{action}', 'Confirm: {action}'],
  'action.confirmText': [
    '确定对事项 {number} 执行“{action}”？执行后将记入办理过程。',
    'Do “{action}” on matter {number}? It will be recorded in the matter’s history.',
  ],
  'action.note': ['说明（可选）', 'Note (optional)'],
  'action.notePlaceholder': ['可填写办理说明，将记入办理过程', 'Optional; recorded with the action'],
  'action.ok': ['确定', 'Confirm'],
  'action.cancel': ['取消', 'Cancel'],
  'action.none': ['当前状态下您没有可执行的操作', 'No action is open to you in this status'],
  'action.needsForm': ['需填写表单', 'Needs a form'],
} as const satisfies Record<string, readonly [string, string]>;

export type UiTextKey = keyof typeof TEXT;

/** The text of `key` in `lang` with `{name}` placeholders filled. */
export function uiText(lang: UiLang | undefined, key: UiTextKey, vars?: Record<string, string | number>): string {
  const text: string = TEXT[key][lang === 'en' ? 1 : 0];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}
