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
export type LegalAidTables = {
  'legal_aid.cases': CasesTable;
};

/** The kernel's database handle (or transaction) seen with the module's tables too. */
export const legalAidDb = (db: Kysely<Database>): Kysely<Database & LegalAidTables> => db.$extendTables<LegalAidTables>();
