import { Tag, Tooltip } from 'antd';

/** Deadline levels as the kernel computes them: on time, within the warning window, past due. */
export type DeadlineLevel = 'normal' | 'due-soon' | 'overdue';

/** Green on time, gold due soon, red overdue — the same everywhere a deadline shows. */
export const DEADLINE_COLORS: Record<DeadlineLevel, string> = {
  normal: 'green',
  'due-soon': 'gold',
  overdue: 'red',
};

const LEVEL_LABELS: Record<DeadlineLevel, { zh: string; en: string }> = {
  normal: { zh: '正常', en: 'On time' },
  'due-soon': { zh: '即将到期', en: 'Due soon' },
  overdue: { zh: '已逾期', en: 'Overdue' },
};

export interface DeadlineBadgeProps {
  level: DeadlineLevel;
  /** ISO date `YYYY-MM-DD`; shown after the level when given. */
  dueDate?: string | null;
  /** Why the deadline falls on this date (statute, rule); shown on hover. */
  reason?: string;
  lang?: 'zh-CN' | 'en';
}

/** A coloured tag for a deadline: level label plus the due date. */
export function DeadlineBadge({ level, dueDate, reason, lang = 'zh-CN' }: DeadlineBadgeProps) {
  const label = LEVEL_LABELS[level][lang === 'en' ? 'en' : 'zh'];
  const tag = (
    <Tag color={DEADLINE_COLORS[level]} style={{ marginInlineEnd: 0 }} data-deadline-level={level}>
      {dueDate ? `${label} · ${dueDate}` : label}
    </Tag>
  );
  return reason ? <Tooltip title={reason}>{tag}</Tooltip> : tag;
}
