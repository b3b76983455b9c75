import type { IndicatorResult } from '@sifa/kernel/shared';
import { Link } from 'react-router-dom';
import { DrillDownDrawer, formatDateTime, formatNumber, pick } from '@sifa/ui';
import type { DrillRow } from '@sifa/ui';
import { useCategories } from '../categories/category-queries';
import { categoryLabel, sourceLabel, statusLabel } from '../common/labels';
import type { MediationKey } from '../common/messages';
import { useMediationText } from '../common/messages';
import { bucketParams, indicatorExportPath, useIndicatorRecords } from './indicator-queries';
import type { DrillBucket, DrillPart, IndicatorParams } from './indicator-queries';

type Row = DrillRow;

// The drill-down names its columns in Chinese only; these are the ones of mediation.disputes, in both languages.
const HEADERS: Record<string, MediationKey> = {
  number: 'field.number',
  title: 'field.title',
  category: 'field.category',
  source: 'field.source',
  status: 'field.status',
  acceptedAt: 'field.accepted',
  closedAt: 'field.closed',
  measureValue: 'dash.days',
  orgName: 'dash.unit',
};

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

export interface RecordsDrawerProps {
  /** The figure; for a bucket, its numerator and denominator are the bucket's. */
  indicator: IndicatorResult | undefined;
  /** One month or category of a chart; the whole period when absent. */
  bucket?: DrillBucket | undefined;
  params: IndicatorParams;
  onClose: () => void;
}

/**
 * The records behind a figure — its numerator or its denominator, of the period or of one bucket of a chart —
 * paginated, each opening its dispute; Excel export.
 */
export function RecordsDrawer({ indicator, bucket, params, onClose }: RecordsDrawerProps) {
  const { t, mt, lang } = useMediationText();
  const categories = useCategories().data;
  const id = indicator?.id ?? '';
  const scope = { ...params, ...bucketParams(bucket) };
  const name = indicator ? `${pick(lang, indicator.nameZh, indicator.nameEn)}${bucket ? ` · ${bucket.label}` : ''}` : '';
  const headers = Object.fromEntries(Object.entries(HEADERS).map(([key, message]) => [key, mt(message)]));

  const render = (key: string, v: unknown, row: Row) => {
    const value = str(v);
    switch (key) {
      case 'number':
        // a rating's row names its dispute (the ratings source); a dispute's row is the dispute
        return <Link to={`/mediation/disputes/${str(row.dispute_id ?? row.id)}`}>{value}</Link>;
      case 'category':
        return categoryLabel(categories, value, lang);
      case 'source':
        return sourceLabel(value, lang);
      case 'status':
        return statusLabel(value, lang);
      case 'measureValue':
        return typeof v === 'number' ? formatNumber(v, lang) : t('common.none');
      case 'acceptedAt':
      case 'closedAt':
        return <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(value) || t('common.none')}</span>;
      default:
        return value || t('common.none');
    }
  };

  return (
    <DrillDownDrawer
      indicator={indicator}
      title={mt('dash.records', { name })}
      useRecords={(part: DrillPart, paging, enabled) => useIndicatorRecords(id, part, { ...scope, ...paging }, enabled)}
      exportOf={(part, partLabel) => ({
        href: indicatorExportPath(id, 'records', { ...scope, part }),
        fileName: mt('dash.recordsExport', { name, part: partLabel }),
      })}
      headers={headers}
      renderCell={render}
      onClose={onClose}
    />
  );
}
