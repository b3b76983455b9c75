import { Drawer, Empty, Segmented, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { IndicatorResult } from '@sifa/kernel/shared';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ExportButton, formatDateTime, formatNumber, pick, serverPagination, useCompact } from '@sifa/ui';
import { useCategories } from '../category-queries';
import { categoryLabel, sourceLabel, statusLabel } from '../labels';
import type { MediationKey } from '../messages';
import { useMediationText } from '../messages';
import { bucketParams, indicatorExportPath, useIndicatorRecords } from '../queries';
import type { DrillBucket, DrillPart, IndicatorParams } from '../queries';

type Row = Record<string, unknown>;

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
  const compact = useCompact();
  const categories = useCategories().data;
  const [part, setPart] = useState<DrillPart>('numerator');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const id = indicator?.id ?? '';
  const scope = { ...params, ...bucketParams(bucket) };
  const { data, isFetching, isError, error } = useIndicatorRecords(id, part, { ...scope, ...paging }, indicator !== undefined);
  const name = indicator ? `${pick(lang, indicator.nameZh, indicator.nameEn)}${bucket ? ` · ${bucket.label}` : ''}` : '';
  const partLabel = part === 'numerator' ? mt('dash.numerator') : mt('dash.denominator');

  const render = (key: string, v: unknown, row: Row) => {
    const value = str(v);
    switch (key) {
      case 'number':
        return <Link to={`/mediation/disputes/${str(row.id)}`}>{value}</Link>;
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
  const columns: TableColumnsType<Row> = (data?.columns ?? [])
    .filter((c) => c.key !== 'id')
    .map((c) => {
      const known = HEADERS[c.key];
      return { title: known ? mt(known) : c.header, dataIndex: c.key, key: c.key, render: (v: unknown, row: Row) => render(c.key, v, row) };
    });

  return (
    <Drawer
      open={indicator !== undefined}
      onClose={onClose}
      size={compact ? '100%' : 900}
      title={mt('dash.records', { name })}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (!open) {
          setPart('numerator');
          setPaging({ page: 1, pageSize: 20 });
        }
      }}
      extra={
        indicator && (
          <ExportButton href={indicatorExportPath(id, 'records', { ...scope, part })} fileName={mt('dash.recordsExport', { name, part: partLabel })} />
        )
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {indicator && indicator.denominator !== null && (
          <Segmented<DrillPart>
            value={part}
            onChange={(v) => {
              setPart(v);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            options={[
              { value: 'numerator', label: `${mt('dash.numerator')} ${String(indicator.numerator)}` },
              { value: 'denominator', label: `${mt('dash.denominator')} ${String(indicator.denominator)}` },
            ]}
          />
        )}
        {isError && <Typography.Text type="danger">{mt('common.loadFailed', { message: error.message })}</Typography.Text>}
        <Table<Row>
          rowKey={(r) => str(r.id)}
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          scroll={{ x: 'max-content' }}
          size="small"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} /> }}
          pagination={serverPagination(
            t,
            { ...paging, total: data?.total ?? 0 },
            (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
            compact,
          )}
        />
      </Space>
    </Drawer>
  );
}
