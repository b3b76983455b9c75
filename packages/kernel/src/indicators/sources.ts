import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/schema';
import type { IndicatorFilter } from '../shared/indicators';

/** Bucket key → Chinese label. */
export type DimensionLabels = Readonly<Record<string, string>>;

/**
 * A column indicators may be broken down by (`?by=<name>`). With `groups`, the column's values are mapped to
 * group keys first (e.g. nine dispute sources into the three groups of the monthly report); values not listed
 * fall into the null bucket. Keys stay codes in the API; `labels` only name them in Excel exports — fixed, or
 * read at export time when the values are data an administrator keeps (e.g. dispute categories).
 */
export interface IndicatorDimension {
  column: string;
  /** Header of the bucket column in exports, e.g. 纠纷类型. */
  nameZh: string;
  groups?: Readonly<Record<string, string>>;
  /**
   * Instead of `groups`, when the mapping is data: the bucket is `value` of the row of `table` whose `key` is the
   * record's `column` (e.g. the standard category a city's own dispute category is reported under).
   */
  lookup?: { table: string; key: string; value: string };
  labels?: DimensionLabels | ((db: Kysely<Database>) => Promise<DimensionLabels>);
}

/**
 * A quantity summed by indicators with `sum`: whole calendar days between two timestamptz columns (both taken as
 * Asia/Shanghai dates, so a dispute closed the day it was accepted took 0 days), or an integer column.
 */
export type IndicatorMeasure = { nameZh: string; days: readonly [from: string, to: string] } | { nameZh: string; column: string };

/**
 * A table indicators may count: its unit and date columns and the columns filters may use. A module adds
 * sources for its own tables; `kernel.matters` is there for every module. Everything here is code: no column,
 * measure or dimension ever comes from a request, and identifiers are quoted, values bound as parameters.
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
  /** Breakdowns the source allows, by name. */
  dimensions?: Readonly<Record<string, IndicatorDimension>>;
  /** Measures indicators may sum, by name. */
  measures?: Readonly<Record<string, IndicatorMeasure>>;
  /**
   * The column holding the record's kernel matter id: enables `deadlineOverdue` filters over kernel.deadlines. A
   * module's table with a matter column is matter-backed: the matter's unit (`org_id`), `status`, `outcome`,
   * `number`, `title`, `opened_at` and `closed_at` are read from kernel.matters (the module's row holds none of
   * them), beside the table's own columns (relationSql).
   */
  matterColumn?: string;
}

const MATTERS_TABLE = 'kernel.matters';

/** kernel.matters' columns a matter-backed source reads from the matter, by these names. */
export const MATTER_SOURCE_COLUMNS = ['org_id', 'status', 'outcome', 'number', 'title', 'opened_at', 'closed_at'] as const;

/**
 * The rows a source counts, as the `from` item `s`: the table itself, or for a matter-backed module table the table
 * joined to its matters. The join is a plain subquery, so PostgreSQL pulls it up and plans one join: conditions
 * on either side's columns use that side's indexes.
 */
export function relationSql(source: IndicatorSource): RawBuilder<unknown> {
  if (!source.matterColumn || source.table === MATTERS_TABLE) return sql`${sql.table(source.table)} s`;
  const kernel = MATTER_SOURCE_COLUMNS.map((c) => sql.ref(`sm.${c}`));
  return sql`(select t.*, ${sql.join(kernel)} from ${sql.table(source.table)} t join kernel.matters sm on sm.id = ${sql.ref(`t.${source.matterColumn}`)}) s`;
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
  dimensions: {
    module: { column: 'module', nameZh: '业务' },
    kind: { column: 'kind', nameZh: '事项类型' },
    status: { column: 'status', nameZh: '状态' },
    outcome: { column: 'outcome', nameZh: '结果' },
  },
  measures: { duration: { nameZh: '办理天数', days: ['opened_at', 'closed_at'] } },
  matterColumn: 'id',
};

/** What a filter may depend on besides the record: today's date for deadline levels. */
export interface FilterEnv {
  /** 'YYYY-MM-DD' in Asia/Shanghai. */
  today: string;
}

function deadlineOverdue(source: IndicatorSource, rules: readonly string[] | undefined, env: FilterEnv, alias: string) {
  if (!source.matterColumn) throw new Error(`指标来源 ${source.id} 没有声明事项列 (matterColumn)，不能按期限筛选`);
  const ofRules = rules?.length ? sql` and dl.rule_id in (${sql.join(rules)})` : sql``;
  // The same rule as the to-do list's level (shared/deadline-model.ts levelOf): overdue once today is past the due date.
  return sql<SqlBool>`exists (select 1 from kernel.deadlines dl where dl.matter_id = ${sql.ref(`${alias}.${source.matterColumn}`)}
    and dl.status = 'open' and dl.due_date < ${env.today}::date${ofRules})`;
}

/** SQL for a list of filters (AND), columns checked against the source — a definition can never inject SQL. */
export function filterSql(source: IndicatorSource, filters: readonly IndicatorFilter[], env: FilterEnv, alias = 's'): Expression<SqlBool> {
  const parts = [...(source.base ?? []), ...filters].map((f) => {
    if (f.op === 'deadlineOverdue') return deadlineOverdue(source, f.rules, env, alias);
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

export function getMeasure(source: IndicatorSource, name: string): IndicatorMeasure {
  const m = source.measures?.[name];
  if (!m) throw new Error(`指标来源 ${source.id} 没有度量 ${name}`);
  return m;
}

/** The measure's value for one record, as SQL (an integer). */
export function measureSql(source: IndicatorSource, name: string, alias = 's'): RawBuilder<number> {
  const m = getMeasure(source, name);
  if ('column' in m) return sql<number>`${sql.ref(`${alias}.${m.column}`)}`;
  const day = (c: string) => sql`(${sql.ref(`${alias}.${c}`)} at time zone 'Asia/Shanghai')::date`;
  return sql<number>`(${day(m.days[1])} - ${day(m.days[0])})`;
}

/** The bucket key of a record for a dimension (text; null when the record has no value or no group). */
export function dimensionSql(source: IndicatorSource, dim: IndicatorDimension, alias = 's'): RawBuilder<string | null> {
  const col = sql.ref(`${alias}.${dim.column}`);
  if (dim.lookup) {
    const { table, key, value } = dim.lookup;
    return sql<string | null>`(select (${sql.ref(`l.${value}`)})::text from ${sql.table(table)} l where ${sql.ref(`l.${key}`)} = ${col})`;
  }
  const groups = Object.entries(dim.groups ?? {});
  if (!groups.length) return sql<string | null>`(${col})::text`;
  return sql<string | null>`(case ${col}::text ${sql.join(
    groups.map(([v, g]) => sql`when ${v} then ${g}::text`),
    sql` `,
  )} end)`;
}
