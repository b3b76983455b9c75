import type { ColumnType, Kysely } from 'kysely';
import type { Database } from '@sifa/kernel';

type Opt<T> = ColumnType<T, T | undefined, T>;
/** A date column: read as a string (YYYY-MM-DD) by both engines' drivers as configured, written as a string. */
type Day = ColumnType<string, string, string>;

/**
 * The module's own fields of a case (migrations/0001). Its number, title, unit, status and times are the kernel
 * matter's (same id): read them through the kernel's matterSummary join (repository.ts).
 */
export interface CasesTable {
  id: string;
  channel: string;
  agencyId: Opt<string | null>;
  respondent: string;
  sector: string;
  actType: string;
  act: string;
  request: string;
  reasons: Opt<string>;
  actKnownOn: ColumnType<string | null, string | null | undefined, string | null>;
  receivedOn: Day;
  windowDue: ColumnType<string | null, string | null | undefined, string | null>;
  lateReason: Opt<string | null>;
  reconsiderationFirst: Opt<boolean>;
  forwardedBy: Opt<string | null>;
  enterprise: Opt<boolean>;
  procedure: Opt<string | null>;
  correctionItems: Opt<string | null>;
  acceptedOn: ColumnType<string | null, string | null | undefined, string | null>;
  deemedAccepted: Opt<boolean>;
  declineReason: Opt<string | null>;
  competentBody: Opt<string | null>;
  closing: Opt<string | null>;
  closedOn: ColumnType<string | null, string | null | undefined, string | null>;
  decisionSummary: Opt<string | null>;
  lossRecoveredFen: Opt<number>;
  published: Opt<boolean>;
  imported: Opt<boolean>;
}

export interface AgenciesTable {
  id: string;
  orgId: string;
  name: string;
  kind: string;
  sector: string;
  superior: string;
  active: Opt<boolean>;
}

// A type alias (not an interface) so it satisfies Kysely's Record<string, …> constraint of withTables().
export type ReconsiderationTables = {
  'reconsideration.cases': CasesTable;
  'reconsideration.agencies': AgenciesTable;
};

/** The kernel's database handle (or transaction) seen with the module's tables too. */
export const reconsiderationDb = (db: Kysely<Database>): Kysely<Database & ReconsiderationTables> => db.$extendTables<ReconsiderationTables>();
