import { Card, Flex, Pagination, Spin, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import type { ReactNode } from 'react';
import { cellOf, columnId, type LeafColumn } from './list-columns';

export interface ListCardsProps<Row extends object> {
  rows: readonly Row[];
  columns: readonly LeafColumn<Row>[];
  rowKey: (row: Row) => string;
  /** The columns shown in the card's head: the number on the left, the status on the right. */
  head: { left?: string; right?: string };
  loading: boolean;
  pagination: TablePaginationConfig;
  empty: ReactNode;
  onOpen?: ((row: Row) => void) | undefined;
  rowTestId?: string | undefined;
  testId?: string | undefined;
}

const titleText = <Row,>(c: LeafColumn<Row>): ReactNode => (typeof c.title === 'function' ? null : c.title);

/**
 * A list on a phone (< 576 px, issue #13 item 6): one card per row — the number and the status in its head, every other
 * column a line of “名称 值” that wraps — so nothing sits off-screen; a tap opens the row as a click on it would.
 */
export function ListCards<Row extends object>(props: ListCardsProps<Row>) {
  const { columns, head } = props;
  const headLeft = columns.find((c) => columnId(c) === head.left);
  const headRight = columns.find((c) => columnId(c) === head.right);
  const body = columns.filter((c) => c !== headLeft && c !== headRight && columnId(c) !== 'actions');
  return (
    <div data-testid={props.testId}>
      <Spin spinning={props.loading}>
        {props.rows.length === 0 && !props.loading ? (
          props.empty
        ) : (
          <Flex vertical gap={8}>
            {props.rows.map((row, i) => (
              <Card
                key={props.rowKey(row)}
                size="small"
                data-testid={props.rowTestId}
                hoverable={!!props.onOpen}
                onClick={props.onOpen ? () => props.onOpen?.(row) : undefined}
                title={headLeft ? <span style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>{cellOf(headLeft, row, i)}</span> : undefined}
                extra={headRight ? cellOf(headRight, row, i) : undefined}
                styles={{ header: { minHeight: 40 } }}
              >
                {body.map((c, j) => {
                  const value = cellOf(c, row, i);
                  if (value === null || value === undefined || value === '') return null;
                  return (
                    <Flex key={columnId(c) ?? j} gap={8} style={{ minWidth: 0, lineHeight: '24px' }}>
                      <Typography.Text type="secondary" style={{ flex: '0 0 auto' }}>
                        {titleText(c)}
                      </Typography.Text>
                      <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{value}</span>
                    </Flex>
                  );
                })}
              </Card>
            ))}
          </Flex>
        )}
      </Spin>
      {(props.pagination.total ?? 0) > 0 && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Pagination
            simple
            current={props.pagination.current}
            pageSize={props.pagination.pageSize}
            total={props.pagination.total}
            onChange={props.pagination.onChange}
            showTotal={props.pagination.showTotal}
          />
        </Flex>
      )}
    </div>
  );
}
