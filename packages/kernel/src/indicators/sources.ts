import { sql, type Expression, type SqlBool } from 'kysely';
import type { IndicatorFilter } from '../shared/indicators';

/**
 * A table indicators may count: its unit and date columns and the columns filters may use. A module adds
 * sources for its own tables; `kernel.matters` is there for every module.
 */
export interface IndicatorSource {
  id: string;
  /** Schema-qualified table, snake_case. */
  table: string;
  orgColumn: string;
  /** The date a record counts on (e.g. accepted_at); periods are Asia/Shanghai calendar days. */
  dateColumn: string;
  /** Columns filters may name (snake_case). */
  columns: readonly string[];
  /** Columns shown when drilling down: [column, Chinese header]. `id` must be first. */
  drill: readonly (readonly [string, string])[];
  /** A fixed condition every use of the source carries (e.g. module = 'mediation'). */
  base?: readonly IndicatorFilter[];
}

export const MATTERS_SOURCE: IndicatorSource = {
  id: 'kernel.matters',
  table: 'kernel.matters',
  orgColumn: 'org_id',
  dateColumn: 'opened_at',
  columns: ['module', 'kind', 'status', 'outcome', 'closed_at'],
  drill: [
    ['id', 'id'],
    ['number', '编号'],
    ['title', '事项'],
    ['status', '状态'],
    ['outcome', '结果'],
    ['opened_at', '登记时间'],
    ['closed_at', '办结时间'],
  ],
};

/** SQL for a list of filters (AND), columns checked against the source — a definition can never inject SQL. */
export function filterSql(source: IndicatorSource, filters: readonly IndicatorFilter[], alias = 's'): Expression<SqlBool> {
  const parts = [...(source.base ?? []), ...filters].map((f) => {
    if (!source.columns.includes(f.column)) throw new Error(`指标来源 ${source.id} 没有可用于筛选的列 ${f.column}`);
    const col = sql.ref(`${alias}.${f.column}`);
    switch (f.op) {
      case 'eq':
        return sql<SqlBool>`${col} = ${f.value}`;
      case 'neq':
        return sql<SqlBool>`${col} is distinct from ${f.value}`;
      case 'in':
        return sql<SqlBool>`${col} in (${sql.join(f.value)})`;
      case 'notIn':
        return sql<SqlBool>`${col} not in (${sql.join(f.value)})`;
      case 'isNull':
        return sql<SqlBool>`${col} is null`;
      case 'notNull':
        return sql<SqlBool>`${col} is not null`;
    }
  });
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` and `)})` : sql<SqlBool>`true`;
}
