import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { formatNumber, useI18n } from '../i18n';

/** A row of figures: a bucket (a category, a unit, a month) or the total row, which shows in bold. */
export interface FigureRow {
  key: string;
  label: string;
  total?: boolean;
}

/** One column of figures. A column with `open` makes each cell a link to the records behind it. */
export interface FigureColumn<R extends FigureRow> {
  key: string;
  title: ReactNode;
  value: (row: R) => number | null;
  /** `count` with thousands separators, `percent` with two decimals; — for no value. */
  format: 'count' | 'percent';
  /** Opens the records behind a cell (a DrillDownDrawer); not offered on cells without a value. */
  open?: (row: R) => void;
}

export interface FigureTableProps<R extends FigureRow> {
  /** The header of the label column (单位, 纠纷类型 …). */
  labelTitle: ReactNode;
  rows: readonly R[];
  columns: readonly FigureColumn<R>[];
  loading?: boolean;
  'data-testid'?: string;
}

/** A table of figures by bucket with an optional total row; counts and rates formatted, cells opening their records. */
export function FigureTable<R extends FigureRow>({ labelTitle, rows, columns, loading, ...rest }: FigureTableProps<R>) {
  const { lang } = useI18n();
  const show = (v: number | null, format: FigureColumn<R>['format']) => (v === null ? '—' : format === 'percent' ? `${v.toFixed(2)}%` : formatNumber(v, lang));
  const table: TableColumnsType<R> = [
    { key: 'label', title: labelTitle, render: (_, r) => (r.total ? <strong>{r.label}</strong> : r.label) },
    ...columns.map((c) => ({
      key: c.key,
      title: c.title,
      align: 'right' as const,
      render: (_: unknown, r: R) => {
        const v = c.value(r);
        const text = show(v, c.format);
        return c.open && v !== null && !r.total ? <Typography.Link onClick={() => c.open?.(r)}>{text}</Typography.Link> : text;
      },
    })),
  ];
  return <Table<R> rowKey="key" size="small" pagination={false} loading={loading} dataSource={[...rows]} columns={table} data-testid={rest['data-testid']} />;
}
