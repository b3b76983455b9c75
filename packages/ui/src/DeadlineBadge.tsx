import { WarningOutlined } from '@ant-design/icons';
import { Popover, Spin, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { uiText } from './ui-text';
import type { UiLang } from './ui-text';

/** Deadline levels as the kernel computes them: on time, within the warning window, past due. */
export type DeadlineLevel = 'normal' | 'due-soon' | 'overdue';

/** Green on time, gold due soon, red overdue — the same everywhere a deadline shows. */
export const DEADLINE_COLORS: Record<DeadlineLevel, string> = {
  normal: 'green',
  'due-soon': 'gold',
  overdue: 'red',
};

/** The article a deadline rests on, e.g. 《行政复议法》第六十二条第一款. */
export interface DeadlineCitation {
  law: string;
  article: string;
}

export interface DeadlineBadgeProps {
  level: DeadlineLevel;
  /** ISO date `YYYY-MM-DD`; shown after the level when given. */
  dueDate?: string | null;
  /** A one-line reason shown on hover (when no hover card is asked for). */
  reason?: string;
  lang?: UiLang;
  /** Hover card: the rule's name as the card title. */
  title?: string;
  /** Hover card: the date from which the deadline counts as due soon. */
  warnDate?: string;
  /** Hover card: the server's sentences explaining the date, in order. */
  explanation?: readonly string[];
  /** Hover card: the statute article. */
  cite?: DeadlineCitation | null;
  /** False when the date depends on a year whose holiday schedule is not loaded. */
  calendarCovered?: boolean;
  /** The explanation is being fetched. */
  loading?: boolean;
  /** Called when the hover card opens or closes (to fetch the explanation on first open). */
  onOpenChange?: (open: boolean) => void;
}

/** `《行政复议法》第六十二条第一款` */
export function citationText(cite: DeadlineCitation): string {
  return `《${cite.law}》${cite.article}`;
}

function levelLabel(level: DeadlineLevel, lang: UiLang | undefined): string {
  return uiText(lang, `deadline.${level}`);
}

/** The hover card's content: due date with its level, the explanation lines and the citation. */
export function DeadlineCard(props: Omit<DeadlineBadgeProps, 'onOpenChange' | 'reason'>) {
  const { level, dueDate, lang, title, warnDate, explanation, cite, calendarCovered, loading } = props;
  let body: ReactNode;
  if (loading) body = <Spin size="small" description={uiText(lang, 'deadline.loading')} />;
  else if (explanation && explanation.length > 0) {
    body = (
      <ol style={{ paddingInlineStart: 20, margin: 0 }} data-testid="deadline-explanation">
        {explanation.map((line, i) => (
          <li key={i} style={{ marginBottom: 4 }}>
            {line}
          </li>
        ))}
      </ol>
    );
  } else body = <Typography.Text type="secondary">{uiText(lang, 'deadline.noExplanation')}</Typography.Text>;
  return (
    <div style={{ maxWidth: 420, fontSize: 13 }} data-testid="deadline-card">
      {title && <Typography.Text strong>{title}</Typography.Text>}
      <div style={{ margin: '6px 0', display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <span>{uiText(lang, 'deadline.dueDate')}</span>
        <Typography.Text strong style={{ fontSize: 15 }}>
          {dueDate ?? '—'}
        </Typography.Text>
        <Tag color={DEADLINE_COLORS[level]} style={{ marginInlineEnd: 0 }}>
          {levelLabel(level, lang)}
        </Tag>
      </div>
      {warnDate && (
        <div style={{ marginBottom: 6 }}>
          <Typography.Text type="secondary">
            {uiText(lang, 'deadline.warnDate')} {warnDate}
          </Typography.Text>
        </div>
      )}
      {calendarCovered === false && (
        <div style={{ marginBottom: 6 }}>
          <Typography.Text type="danger">
            <WarningOutlined /> {uiText(lang, 'deadline.uncovered')}
          </Typography.Text>
        </div>
      )}
      <Typography.Text type="secondary">{uiText(lang, 'deadline.explanation')}</Typography.Text>
      <div style={{ margin: '4px 0 8px' }}>{body}</div>
      {cite && (
        <Typography.Text>
          {uiText(lang, 'deadline.basis')}：{citationText(cite)}
        </Typography.Text>
      )}
    </div>
  );
}

/**
 * A coloured tag for a deadline: level label plus the due date. Given a rule name, explanation or citation it opens a
 * hover card (tap on phones) that says why the deadline falls on this date.
 */
export function DeadlineBadge(props: DeadlineBadgeProps) {
  const { level, dueDate, reason, lang, onOpenChange } = props;
  const label = levelLabel(level, lang);
  const tag = (
    <Tag color={DEADLINE_COLORS[level]} style={{ marginInlineEnd: 0, cursor: 'default' }} data-deadline-level={level} data-testid="deadline-badge">
      {dueDate ? `${label} · ${dueDate}` : label}
    </Tag>
  );
  const card =
    props.title !== undefined || props.explanation !== undefined || props.cite !== undefined || props.loading !== undefined || onOpenChange !== undefined;
  if (card) {
    return (
      <Popover content={<DeadlineCard {...props} />} trigger={['hover', 'click']} onOpenChange={onOpenChange}>
        {tag}
      </Popover>
    );
  }
  return reason ? <Tooltip title={reason}>{tag}</Tooltip> : tag;
}
