import { Tag } from 'antd';
import type { ReactNode } from 'react';

/** How a status reads at a glance; each tone has one colour across the console. */
export type StatusTone = 'success' | 'processing' | 'warning' | 'error' | 'default';

const TONE_COLORS: Record<StatusTone, string> = {
  success: 'success',
  processing: 'processing',
  warning: 'warning',
  error: 'error',
  default: 'default',
};

export interface StatusTagProps {
  tone: StatusTone;
  children: ReactNode;
  title?: string;
}

/** A status label with a colour given by its tone (e.g. 启用 success, 已停用 default, 已锁定 error). */
export function StatusTag({ tone, children, title }: StatusTagProps) {
  return (
    <Tag color={TONE_COLORS[tone]} title={title} style={{ marginInlineEnd: 0 }}>
      {children}
    </Tag>
  );
}
