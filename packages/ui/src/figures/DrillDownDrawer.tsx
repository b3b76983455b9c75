import { Drawer, Empty, Segmented, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { IndicatorResult } from '@sifa/kernel/shared';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { useCompact } from '../layout/use-compact';
import { ExportButton } from '../list/ExportButton';
import { serverPagination } from '../list/pagination';

/** Which records of a figure: those counted above the line, or those below it. */
export type DrillPart = 'numerator' | 'denominator';

/** One record behind a figure, as the kernel's drill-down sends it (its columns named by key). */
export type DrillRow = Record<string, unknown>;

/** The state of a page of records (TanStack Query's result fits). */
export interface DrillRecordsState {
  data: { columns: readonly { key: string; header: string }[]; items: readonly DrillRow[]; total: number } | undefined;
  isFetching: boolean;
  isError: boolean;
  error: Error | null;
}

export interface DrillDownDrawerProps {
  /** The figure whose records show; the drawer is closed while undefined. */
  indicator: IndicatorResult | undefined;
  /** The drawer's title for the figure and part (e.g. “调解成功率 · 明细”). */
  title: string;
  /**
   * The page of records: a hook of the module's query (called on every render, with `enabled` false while closed),
   * e.g. `(part, paging, enabled) => useIndicatorRecords(id, part, { ...params, ...paging }, enabled)`.
   */
  useRecords: (part: DrillPart, paging: { page: number; pageSize: number }, enabled: boolean) => DrillRecordsState;
  /** The Excel export of the part shown: its URL and file name. */
  exportOf?: (part: DrillPart, partLabel: string) => { href: string; fileName: string };
  /** Column headers by key (the server's are in Chinese only); the server's header when a key is not here. */
  headers?: Readonly<Record<string, string>>;
  /** A cell (a link to the record, a label for a code); the value as text when absent. */
  renderCell?: (key: string, value: unknown, row: DrillRow) => ReactNode;
  onClose: () => void;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/**
 * The records behind a figure — its numerator or its denominator — paginated on the server, each cell as the module
 * renders it; Excel export of the part shown.
 */
export function DrillDownDrawer({ indicator, title, useRecords, exportOf, headers, renderCell, onClose }: DrillDownDrawerProps) {
  const { t } = useI18n();
  const compact = useCompact();
  const [part, setPart] = useState<DrillPart>('numerator');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const { data, isFetching, isError, error } = useRecords(part, paging, indicator !== undefined);
  const partLabel = part === 'numerator' ? t('figure.numerator') : t('figure.denominator');

  const columns: TableColumnsType<DrillRow> = (data?.columns ?? [])
    .filter((c) => c.key !== 'id')
    .map((c) => ({
      title: headers?.[c.key] ?? c.header,
      dataIndex: c.key,
      key: c.key,
      render: (v: unknown, row: DrillRow) => (renderCell ? renderCell(c.key, v, row) : text(v) || t('common.none')),
    }));
  const exported = indicator && exportOf ? exportOf(part, partLabel) : undefined;

  return (
    <Drawer
      open={indicator !== undefined}
      onClose={onClose}
      size={compact ? '100%' : 900}
      title={title}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (!open) {
          setPart('numerator');
          setPaging({ page: 1, pageSize: 20 });
        }
      }}
      extra={exported && <ExportButton href={exported.href} fileName={exported.fileName} />}
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
              { value: 'numerator', label: `${t('figure.numerator')} ${String(indicator.numerator)}` },
              { value: 'denominator', label: `${t('figure.denominator')} ${String(indicator.denominator)}` },
            ]}
          />
        )}
        {isError && error && <Typography.Text type="danger">{`${t('common.loadFailed')}：${error.message}`}</Typography.Text>}
        <Table<DrillRow>
          rowKey={(r) => text(r.id)}
          columns={columns}
          dataSource={[...(data?.items ?? [])]}
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
