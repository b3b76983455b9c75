import { Card, Skeleton, Tooltip, Typography } from 'antd';
import type { IndicatorResult } from '@sifa/kernel/shared';
import { formatNumber, pick } from '@sifa/ui';
import type { Lang } from '@sifa/ui';
import { formatYuan } from '../labels';
import { useMediationText } from '../messages';
import { useIndicator } from '../queries';
import type { IndicatorParams } from '../queries';

/** 95.30% for a percentage (two decimals), 1,234 for a count, 12,345.60 元 for money; — when there is nothing to divide by. */
export function formatFigure(r: Pick<IndicatorResult, 'value' | 'unit' | 'decimals'>, lang: Lang): string {
  if (r.value === null) return '—';
  if (r.unit === 'percent') return `${r.value.toFixed(r.decimals)}%`;
  if (r.unit === 'yuan') return `${formatYuan(r.value, lang)}${lang === 'en' ? ' yuan' : ' 元'}`;
  if (r.unit === 'days') return `${r.value.toFixed(r.decimals)}${lang === 'en' ? ' days' : ' 天'}`;
  return r.decimals > 0 ? r.value.toFixed(r.decimals) : formatNumber(r.value, lang);
}

export interface FigureCardProps {
  id: string;
  /** All figures of the page: fetched together in one request. */
  batch?: readonly string[];
  params: IndicatorParams;
  onOpen: (result: IndicatorResult) => void;
}

/** One indicator: its figure, numerator and denominator on hover, the records behind it on click. */
export function FigureCard({ id, batch, params, onOpen }: FigureCardProps) {
  const { t, mt, lang } = useMediationText();
  const { data, isPending, isError, error, refetch } = useIndicator(id, params, batch ?? [id]);

  if (isPending) {
    return (
      <Card size="small">
        <Skeleton active paragraph={{ rows: 1 }} />
      </Card>
    );
  }
  if (isError) {
    return (
      <Card size="small">
        <Typography.Text type="danger">{mt('common.loadFailed', { message: error.message })}</Typography.Text>{' '}
        <Typography.Link onClick={() => void refetch()}>{t('common.retry')}</Typography.Link>
      </Card>
    );
  }

  const hover = data.denominator === null ? mt('dash.hoverCount', { n: data.numerator }) : mt('dash.hover', { n: data.numerator, d: data.denominator });
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
          {mt('dash.open')}
        </div>
      }
    >
      <Card
        size="small"
        hoverable
        role="button"
        tabIndex={0}
        aria-label={`${pick(lang, data.nameZh, data.nameEn)}：${formatFigure(data, lang)}。${hover}`}
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
        <Typography.Text type="secondary">{pick(lang, data.nameZh, data.nameEn)}</Typography.Text>
        <div style={{ fontSize: 28, fontWeight: 600, lineHeight: 1.4, fontVariantNumeric: 'tabular-nums' }}>{formatFigure(data, lang)}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {data.denominator === null
            ? '\u00a0'
            : data.unit === 'days'
              ? mt('dash.daysOver', { n: data.numerator, d: data.denominator })
              : `${formatNumber(data.numerator, lang)} / ${formatNumber(data.denominator, lang)}`}
        </Typography.Text>
      </Card>
    </Tooltip>
  );
}
