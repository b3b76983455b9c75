import { Card, Empty, Form, Grid, Space, Table, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig, TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { queryString } from '../api/client';
import { useI18n } from '../i18n';
import { useCompact } from '../layout/use-compact';
import { ExportButton } from './ExportButton';
import { ListCards } from './ListCards';
import { fitColumns, KEY_COLUMNS } from './list-columns';
import { serverPagination } from './pagination';
import { QueryForm } from './QueryForm';
import type { ListFilters, ListState } from './use-list-state';

/** What a list page's query hook hands back: one page of rows and the total. */
export interface ListQueryState<Row> {
  data: { items: readonly Row[]; total: number } | undefined;
  isFetching: boolean;
  isError: boolean;
  error: Error | null;
  refetch: () => unknown;
}

export interface ListPageProps<Row extends object, F extends ListFilters, V extends object> {
  title: ReactNode;
  /** Buttons before 导出 Excel (新增, 导入 …). */
  extra?: ReactNode;
  /** A line above the query form (what the list holds). */
  intro?: ReactNode;
  /** The list state (`useListState`): filters, page and sort in the URL. */
  state: ListState<F>;
  /** The page of rows for `state` (the module's query hook). */
  query: ListQueryState<Row>;
  /** The query form's fields, one `Form.Item` each. */
  fields: ReactNode[];
  /** How many fields show before 展开 on a wide screen (the common ones); all of them when absent. */
  visibleFields?: number;
  /** Form values → the filters in the URL (trimmed text, dates as `YYYY-MM-DD`). */
  toFilters: (values: V) => F;
  /** The URL's filters → form values, so a reloaded page shows what it filters by. */
  toValues?: (filters: F) => Partial<V>;
  columns?: TableColumnsType<Row>;
  rowKey?: keyof Row & string;
  /** A table of the module's own (one it shares with another page), given the rows and the pager; replaces `columns`. */
  table?: (view: { rows: Row[]; loading: boolean; pagination: TablePaginationConfig }) => ReactNode;
  /** Opens a row's detail page (the whole row is clickable). */
  onOpen?: (row: Row) => void;
  /** `data-testid` of each row. */
  rowTestId?: string;
  /** `data-testid` of the table. */
  testId?: string;
  /** A row's key when no one field is unique (default: `rowKey`). */
  rowKeyOf?: (row: Row) => string;
  /** The Excel export of the filtered rows: its URL without the query, and the file name when the server sends none. */
  exportPath?: string;
  exportName?: string;
  /** Shown when no row matches. */
  emptyText?: string;
  /** The line shown when the page could not load. */
  errorText?: (error: Error) => string;
  /**
   * The columns that stay in view (fixed at the sides while the rest scroll): by `key` or `dataIndex`; by default
   * `number` on the left, `status`, `deadline` and `dueDate` on the right (issue #13 item 6).
   */
  keyColumns?: { left?: readonly string[]; right?: readonly string[] };
  /** Below the table (dialogs the page opens). */
  children?: ReactNode;
}

/**
 * A list page: the query form on top (common filters shown, the rest behind 展开), a server-paginated table (sortable
 * columns send `sort`/`order`), status and deadline columns as the page gives them, Excel export of the filtered rows,
 * an empty state, a row opening its detail page. Filters, page and sort live in the URL (useListState).
 */
export function ListPage<Row extends object, F extends ListFilters, V extends object>(props: ListPageProps<Row, F, V>) {
  const { t } = useI18n();
  const compact = useCompact();
  // below 576 px a table cannot show a row: the rows become cards (issue #13 item 6)
  const phone = Grid.useBreakpoint().sm === false;
  const [form] = Form.useForm<V>();
  const { state, query } = props;
  const { toValues } = props;

  // the form shows the URL's filters (a reload, a shared link, the back button)
  useEffect(() => {
    if (!toValues) return;
    form.resetFields();
    form.setFieldsValue(toValues(state.filters));
  }, [form, toValues, state.filters]);

  const pagination = serverPagination(t, { page: state.page, pageSize: state.pageSize, total: query.data?.total ?? 0 }, state.setPaging, compact);
  const onChange: TableProps<Row>['onChange'] = (_pagination, _filters, sorter, extra) => {
    if (extra.action !== 'sort' || Array.isArray(sorter)) return;
    const field = typeof sorter.columnKey === 'string' ? sorter.columnKey : typeof sorter.field === 'string' ? sorter.field : undefined;
    state.setSort(field && sorter.order ? { field, order: sorter.order === 'ascend' ? 'asc' : 'desc' } : undefined);
  };
  const sorted = (props.columns ?? []).map((c) =>
    c.sorter && c.key !== undefined && state.sort?.field === c.key
      ? { ...c, sortOrder: state.sort.order === 'asc' ? ('ascend' as const) : ('descend' as const) }
      : c.sorter
        ? { ...c, sortOrder: null }
        : c,
  );
  const fitted = fitColumns(sorted, { fixed: !compact, ...(props.keyColumns ? { keyColumns: props.keyColumns } : {}) });
  const rowKeyOf = props.rowKeyOf ?? ((row: Row) => String(row[(props.rowKey ?? 'id') as keyof Row]));
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.emptyText ?? t('list.emptyDefault')} />;

  return (
    <Card
      title={props.title}
      extra={
        <Space wrap>
          {props.extra}
          {props.exportPath && <ExportButton href={`${props.exportPath}${queryString(state.params)}`} fileName={props.exportName ?? 'export.xlsx'} />}
        </Space>
      }
    >
      {props.intro}
      <QueryForm<V>
        form={form}
        visible={props.visibleFields}
        onSearch={(v) => state.setFilters(props.toFilters(v))}
        onReset={() => state.setFilters({} as F)}
        fields={props.fields}
      />
      {query.isError && query.error && (
        <Typography.Paragraph type="danger">
          {props.errorText ? props.errorText(query.error) : query.error.message}{' '}
          <Typography.Link onClick={() => void query.refetch()}>{t('common.retry')}</Typography.Link>
        </Typography.Paragraph>
      )}
      {props.table ? (
        props.table({ rows: [...(query.data?.items ?? [])], loading: query.isFetching, pagination })
      ) : phone ? (
        <ListCards<Row>
          rows={query.data?.items ?? []}
          columns={fitted.columns}
          rowKey={rowKeyOf}
          head={{ left: (props.keyColumns?.left ?? KEY_COLUMNS.left)[0], right: (props.keyColumns?.right ?? KEY_COLUMNS.right)[0] }}
          loading={query.isFetching}
          pagination={pagination}
          empty={empty}
          onOpen={props.onOpen}
          rowTestId={props.rowTestId}
          testId={props.testId}
        />
      ) : (
        <Table<Row>
          data-testid={props.testId}
          rowKey={props.rowKeyOf ?? props.rowKey ?? 'id'}
          columns={fitted.columns}
          dataSource={[...(query.data?.items ?? [])]}
          loading={query.isFetching}
          // the table scrolls inside itself; the page never does (its key columns stay fixed at the sides)
          scroll={{ x: fitted.width }}
          tableLayout="fixed"
          size={compact ? 'small' : 'middle'}
          onChange={onChange}
          onRow={(row) => ({
            onClick: props.onOpen ? () => props.onOpen?.(row) : undefined,
            style: props.onOpen ? { cursor: 'pointer' } : undefined,
            'data-testid': props.rowTestId,
          })}
          locale={{ emptyText: empty }}
          pagination={pagination}
        />
      )}
      {props.children}
    </Card>
  );
}
