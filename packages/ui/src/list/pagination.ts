import type { TablePaginationConfig } from 'antd';
/** Any translator that knows `common.total` (the console's, a module's or the kit's own). */
type TotalText = (key: 'common.total', vars: { n: number }) => string;

/** Server-side pagination with “共 N 条”, page-size choice, and a compact pager on phones. */
export function serverPagination(
  t: TotalText,
  state: { page: number; pageSize: number; total: number },
  onChange: (page: number, pageSize: number) => void,
  compact: boolean,
): TablePaginationConfig {
  return {
    current: state.page,
    pageSize: state.pageSize,
    total: state.total,
    showTotal: (total) => t('common.total', { n: total }),
    showSizeChanger: !compact,
    pageSizeOptions: [10, 20, 50, 100],
    showLessItems: compact,
    size: compact ? 'small' : 'medium',
    onChange,
  };
}
