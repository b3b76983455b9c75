import { Card, Skeleton, Tooltip, Typography } from 'antd';
import type { IndicatorResult } from '@sifa/kernel/shared';
import type { ReactNode } from 'react';
import { formatNumber, pick, useI18n } from '../i18n';
import type { Lang } from '../i18n';

/** 1,234.50 — yuan with thousands separators and two decimals. */
export function formatYuan(value: number, lang: Lang): string {
  return value.toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** 95.30% for a percentage (two decimals), 1,234 for a count, 12,345.60 元 for money; — when there is nothing to divide by. */
export function formatFigure(r: Pick<IndicatorResult, 'value' | 'unit' | 'decimals'>, lang: Lang): string {
  if (r.value === null) return '—';
  if (r.unit === 'percent') return `${r.value.toFixed(r.decimals)}%`;
  if (r.unit === 'yuan') return `${formatYuan(r.value, lang)}${lang === 'en' ? ' yuan' : ' 元'}`;
  if (r.unit === 'days') return `${r.value.toFixed(r.decimals)}${lang === 'en' ? ' days' : ' 天'}`;
  return r.decimals > 0 ? r.value.toFixed(r.decimals) : formatNumber(r.value, lang);
}

/** The state of one figure's query (TanStack Query's result fits). */
export interface IndicatorQueryState {
  data: IndicatorResult | undefined;
  isPending: boolean;
  isError: boolean;
  error: Error | null;
  refetch: () => unknown;
}

export interface IndicatorCardProps {
  id: string;
  query: IndicatorQueryState;
  /** Opens the records behind the figure (a DrillDownDrawer). */
  onOpen: (result: IndicatorResult) => void;
  /** The small line under the figure; `numerator / denominator` when absent or undefined (nothing for a plain count). */
  footnote?: (result: IndicatorResult) => ReactNode;
  /** The load failure's text; the shared 加载失败 and the error's message when absent. */
  errorText?: (error: Error) => string;
}

/** One indicator: its figure, numerator and denominator on hover, the records behind it on click or Enter. */
export function IndicatorCard({ id, query, onOpen, footnote, errorText }: IndicatorCardProps) {
  const { t, lang } = useI18n();
  const { data, isPending, isError, error, refetch } = query;

  if (isPending) {
    return (
      <Card size="small">
        <Skeleton active paragraph={{ rows: 1 }} />
      </Card>
    );
  }
  if (isError || !data) {
    return (
      <Card size="small">
        <Typography.Text type="danger">
          {error ? (errorText ? errorText(error) : `${t('common.loadFailed')}：${error.message}`) : t('common.loadFailed')}
        </Typography.Text>{' '}
        <Typography.Link onClick={() => void refetch()}>{t('common.retry')}</Typography.Link>
      </Card>
    );
  }

  const hover = data.denominator === null ? t('figure.hoverCount', { n: data.numerator }) : t('figure.hover', { n: data.numerator, d: data.denominator });
  const name = pick(lang, data.nameZh, data.nameEn);
  const open = () => onOpen(data);
  return (
    <Tooltip
      title={
        <div>
          {data.description && (
            <>
              {data.description}
              <br />
            </>
          )}
          {hover}
          <br />
          {t('figure.open')}
        </div>
      }
    >
      <Card
        size="small"
        hoverable
        role="button"
        tabIndex={0}
        aria-label={`${name}：${formatFigure(data, lang)}。${hover}`}
        onClick={open}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            open();
          }
        }}
        data-testid="figure-card"
        data-indicator={id}
        style={{ height: '100%' }}
      >
        <Typography.Text type="secondary">{name}</Typography.Text>
        <div style={{ fontSize: 28, fontWeight: 600, lineHeight: 1.4, fontVariantNumeric: 'tabular-nums' }}>{formatFigure(data, lang)}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {data.denominator === null ? '\u00a0' : (footnote?.(data) ?? `${formatNumber(data.numerator, lang)} / ${formatNumber(data.denominator, lang)}`)}
        </Typography.Text>
      </Card>
    </Tooltip>
  );
}
