import type { ColumnType, Kysely } from 'kysely';
import type { Database } from '@sifa/kernel';

type Ts = ColumnType<Date, Date | string | undefined, Date | string>;
type TsNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Opt<T> = ColumnType<T, T | undefined, T>;

/**
 * The module's own fields of a dispute. Its number, title, unit, status, registration and closing times and outcome
 * are the kernel matter's (same id; migrations/0010): read them through the kernel's matterSummary join.
 */
export interface DisputesTable {
  id: string;
  category: string;
  source: string;
  description: string;
  amountFen: Opt<number | null>;
  address: Opt<string | null>;
  courtCaseNumber: Opt<string | null>;
  courtName: Opt<string | null>;
  courtProcedure: Opt<string | null>;
  committeeOrgId: Opt<string | null>;
  mediatorName: Opt<string | null>;
  mediatorUserId: Opt<string | null>;
  acceptedAt: TsNull;
  assignedAt: TsNull;
  agreedAt: TsNull;
  agreementKind: Opt<string | null>;
  agreementEffectiveOn: Opt<string | null>;
  agreementAmountFen: Opt<number | null>;
  /** 防止民转刑 / 防止群体性上访 and the persons involved, recorded with the agreement (migrations/0009). */
  preventedCriminal: Opt<boolean>;
  preventedMassPetition: Opt<boolean>;
  personsInvolved: Opt<number | null>;
  confirmationResult: Opt<string | null>;
  confirmationCourt: Opt<string | null>;
  confirmedOn: Opt<string | null>;
  performed: Opt<string | null>;
  followedUpOn: Opt<string | null>;
  atRisk: Opt<boolean>;
  riskReason: Opt<string | null>;
  /** The screening 排查 that found it (migrations/0004_screenings.sql). */
  screeningId: Opt<string | null>;
}

export interface SessionsTable {
  id: string;
  disputeId: string;
  heldOn: string;
  place: string;
  attendees: string;
  record: string;
  recordedBy: string | null;
  createdAt: Ts;
}

export interface FollowUpsTable {
  id: string;
  disputeId: string;
  visitedOn: string;
  performed: string;
  note: string | null;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: Ts;
}

export interface RatingsTable {
  id: string;
  disputeId: string;
  accountId: string;
  score: number;
  comment: string | null;
  createdAt: Ts;
}

// A type alias (not an interface) so it satisfies Kysely's Record<string, …> constraint of withTables().
export type MediationTables = {
  'mediation.disputes': DisputesTable;
  'mediation.sessions': SessionsTable;
  'mediation.ratings': RatingsTable;
  'mediation.followUps': FollowUpsTable;
};

export type MediationDb = Kysely<Database & MediationTables>;

/** The kernel's database handle (or transaction) seen with the module's tables too. */
export const mdb = (db: Kysely<Database>): MediationDb => db.$extendTables<MediationTables>();
