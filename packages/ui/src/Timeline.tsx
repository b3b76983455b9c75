import { Empty, Timeline as AntTimeline, Typography } from 'antd';
import { uiText } from './ui-text';
import type { UiLang } from './ui-text';

/** One recorded step of a matter, with its labels already in the reader's language. */
export interface TimelineEntry {
  key: string | number;
  /** `YYYY-MM-DD HH:mm:ss`. */
  at: string;
  /** What was done, e.g. 受理. */
  action: string;
  /** Status before, when there was one, e.g. 已登记. */
  from?: string | null;
  /** Status after, e.g. 已受理. */
  to: string;
  actor?: string | null;
  note?: string | null;
  /** Marks the last entry (the current state) in the primary colour. */
  current?: boolean;
}

export interface TimelineProps {
  entries: readonly TimelineEntry[];
  lang?: UiLang;
  emptyText?: string;
}

/** The matter's action log, oldest first: time, action, status change, who, and the note. */
export function Timeline({ entries, lang, emptyText }: TimelineProps) {
  if (entries.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText ?? uiText(lang, 'timeline.empty')} />;
  }
  return (
    <AntTimeline
      data-testid="matter-timeline"
      items={entries.map((e, i) => ({
        key: e.key,
        color: e.current || i === entries.length - 1 ? 'blue' : 'gray',
        title: (
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {e.at}
          </Typography.Text>
        ),
        content: (
          <div>
            <Typography.Text strong>{e.action}</Typography.Text>
            <Typography.Text type="secondary">
              {'  '}
              {e.from ? `${e.from} → ${e.to}` : e.to}
            </Typography.Text>
            {e.actor && (
              <div>
                <Typography.Text type="secondary">{uiText(lang, 'timeline.by', { name: e.actor })}</Typography.Text>
              </div>
            )}
            {e.note && (
              <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                {uiText(lang, 'timeline.note', { note: e.note })}
              </Typography.Paragraph>
            )}
          </div>
        ),
      }))}
    />
  );
}
