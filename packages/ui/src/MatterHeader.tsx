import { Card, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { StatusTag } from './StatusTag';
import type { StatusTone } from './StatusTag';
import { uiText } from './ui-text';
import type { UiLang } from './ui-text';

/** A party as the header lists it: the (masked) name and the role label. */
export interface HeaderParty {
  key: string;
  name: string;
  role: string;
}

export interface MatterHeaderProps {
  number: string;
  title: string;
  statusLabel: string;
  statusTone: StatusTone;
  orgName?: string;
  /** `YYYY-MM-DD`. */
  openedOn?: string;
  parties: readonly HeaderParty[];
  /** The nearest deadline, usually a DeadlineBadge; nothing shows “no running deadline”. */
  deadline?: ReactNode;
  /** The workflow's buttons (ActionBar). */
  actions?: ReactNode;
  /** Top-right corner, e.g. a back button. */
  extra?: ReactNode;
  lang?: UiLang;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'baseline', minWidth: 0, flexWrap: 'wrap' }}>
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
        {label}
      </Typography.Text>
      <div style={{ minWidth: 0 }}>{children}</div>
    </div>
  );
}

/**
 * The top of a matter's detail page: title, number, status, parties, unit, the nearest deadline and the actions the
 * workflow allows. Wraps to one column on a phone.
 */
export function MatterHeader(props: MatterHeaderProps) {
  const { number, title, statusLabel, statusTone, orgName, openedOn, parties, deadline, actions, extra, lang } = props;
  return (
    <Card data-testid="matter-header" styles={{ body: { padding: 16 } }}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', justifyContent: 'space-between' }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0, overflowWrap: 'anywhere' }}>
            {title}
          </Typography.Title>
          <Space size={8} wrap style={{ marginTop: 6 }}>
            <Typography.Text copyable={{ text: number }} data-testid="matter-number">
              {number}
            </Typography.Text>
            <StatusTag tone={statusTone}>{statusLabel}</StatusTag>
          </Space>
        </div>
        {extra}
      </div>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(min(240px, 100%), 1fr))',
          gap: '8px 24px',
          marginTop: 12,
        }}
      >
        <Field label={uiText(lang, 'matter.parties')}>
          {parties.length === 0 ? (
            <Typography.Text type="secondary">{uiText(lang, 'matter.noParties')}</Typography.Text>
          ) : (
            <Space size={[4, 4]} wrap style={{ maxWidth: '100%' }}>
              {parties.map((p) => (
                // a long name wraps inside the tag: the page never scrolls sideways (issue #13 item 6)
                <Tag key={p.key} style={{ marginInlineEnd: 0, whiteSpace: 'normal', overflowWrap: 'anywhere', maxWidth: '100%' }}>
                  {p.name}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {' '}
                    {p.role}
                  </Typography.Text>
                </Tag>
              ))}
            </Space>
          )}
        </Field>
        <Field label={uiText(lang, 'matter.deadline')}>
          {deadline ?? <Typography.Text type="secondary">{uiText(lang, 'matter.noDeadline')}</Typography.Text>}
        </Field>
        {orgName && <Field label={uiText(lang, 'matter.org')}>{orgName}</Field>}
        {openedOn && <Field label={uiText(lang, 'matter.opened')}>{openedOn}</Field>}
      </div>
      {actions && <div style={{ marginTop: 16 }}>{actions}</div>}
    </Card>
  );
}
