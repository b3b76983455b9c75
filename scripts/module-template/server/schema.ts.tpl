import type { ColumnType, Kysely } from 'kysely';
import type { Database } from '@sifa/kernel';

type Opt<T> = ColumnType<T, T | undefined, T>;

/**
 * The module's own fields of a case (migrations/0001). Its number, title, unit, status and times are the kernel
 * matter's (same id): read them through the kernel's matterSummary join (repository.ts).
 */
export interface CasesTable {
  id: string;
  channel: string;
  summary: string;
  declineReason: Opt<string | null>;
  result: Opt<string | null>;
}

// A type alias (not an interface) so it satisfies Kysely's Record<string, …> constraint of withTables().
export type __Pascal__Tables = {
  '__snake__.cases': CasesTable;
};

/** The kernel's database handle (or transaction) seen with the module's tables too. */
export const __camel__Db = (db: Kysely<Database>): Kysely<Database & __Pascal__Tables> => db.$extendTables<__Pascal__Tables>();
