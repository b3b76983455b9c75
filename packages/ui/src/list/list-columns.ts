import type { TableColumnType, TableColumnsType } from 'antd';
import type { ReactNode } from 'react';

/**
 * The columns a reader must always see, whatever else a row holds (issue #13 item 6): the number on the left, the
 * status and the deadline on the right. A page names others with `keyColumns`, or fixes a column itself.
 */
export const KEY_COLUMNS = { left: ['number'], right: ['status', 'deadline', 'dueDate'] } as const;

/** The width a column gets when its page gives none; a left key column (a number such as 赣章调〔2026〕1234号) gets more. */
const DEFAULT_WIDTH = 120;
const KEY_WIDTH = 180;

export type LeafColumn<Row> = TableColumnType<Row>;

export const columnId = <Row>(c: LeafColumn<Row>): string | undefined =>
  typeof c.key === 'string' ? c.key : typeof c.dataIndex === 'string' ? c.dataIndex : undefined;

const isLeaf = <Row>(c: TableColumnsType<Row>[number]): c is LeafColumn<Row> => !('children' in c && c.children);

/**
 * The table's columns fit for an ordinary screen: every cell ellipsizes a long text (the whole text in the cell's
 * title on hover), every column has a width (so the table's own width is known and it scrolls inside itself, not the
 * page), and the key columns stay fixed at the sides — the right-hand ones moved to the end, where antd fixes them.
 * A column the page fixed or sized keeps what it says.
 */
export function fitColumns<Row>(
  columns: TableColumnsType<Row>,
  opts: { fixed: boolean; keyColumns?: { left?: readonly string[]; right?: readonly string[] } },
) {
  const left = new Set<string>(opts.keyColumns?.left ?? KEY_COLUMNS.left);
  const right = new Set<string>(opts.keyColumns?.right ?? KEY_COLUMNS.right);
  const fitted = columns.filter(isLeaf).map((c): LeafColumn<Row> => {
    const id = columnId(c);
    const side = id && left.has(id) ? ('left' as const) : id && right.has(id) ? ('right' as const) : undefined;
    return {
      ...c,
      ellipsis: c.ellipsis ?? { showTitle: true },
      width: c.width ?? (side === 'left' ? KEY_WIDTH : DEFAULT_WIDTH),
      fixed: opts.fixed ? (c.fixed ?? side) : undefined,
    };
  });
  const order = (c: LeafColumn<Row>) => (c.fixed === 'left' || c.fixed === true ? 0 : c.fixed === 'right' ? 2 : 1);
  const sorted = [...fitted].sort((a, b) => order(a) - order(b));
  const width = sorted.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : DEFAULT_WIDTH), 0);
  return { columns: sorted, width };
}

/** A cell's content as the table would show it: the column's render, or the row's value at its `dataIndex`. */
export function cellOf<Row extends object>(c: LeafColumn<Row>, row: Row, index: number): ReactNode {
  const raw = typeof c.dataIndex === 'string' || typeof c.dataIndex === 'number' ? (row as Record<string | number, unknown>)[c.dataIndex] : undefined;
  if (c.render) return c.render(raw, row, index) as ReactNode;
  if (raw === null || raw === undefined) return null;
  return typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : JSON.stringify(raw);
}
