import { RightOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** A large, full-width tappable entry: icon, title, one line of description. */
export function PortalEntryCard({
  to,
  icon,
  title,
  description,
  testId,
}: {
  to: string;
  icon: ReactNode;
  title: string;
  description: string;
  testId?: string;
}) {
  return (
    <Link
      to={to}
      data-testid={testId}
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 16,
        minHeight: 80,
        padding: '14px 16px',
        background: '#fff',
        borderRadius: 12,
        boxShadow: '0 1px 3px rgba(0,0,0,0.08)',
        color: 'inherit',
      }}
    >
      <span
        style={{
          width: 48,
          height: 48,
          borderRadius: 24,
          background: '#e8f0fd',
          color: '#1f5fbf',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          fontSize: 24,
          flex: 'none',
        }}
      >
        {icon}
      </span>
      <span style={{ flex: 1, minWidth: 0 }}>
        <Typography.Text strong style={{ fontSize: 18, display: 'block' }}>
          {title}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 14 }}>
          {description}
        </Typography.Text>
      </span>
      <RightOutlined style={{ color: '#bfbfbf' }} />
    </Link>
  );
}
