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
  category: string;
  summary: string;
  receivedOn: ColumnType<string, string, string>;
  receivedAt: Opt<string | null>;
  routingReason: Opt<string | null>;
  notifiedBy: Opt<string | null>;
  notifyingOrgan: Opt<string | null>;
  capitalCase: Opt<boolean>;
  adverseParty: Opt<string | null>;
  eligible: boolean;
  meansTest: string;
  eligibilityArticle: string;
  eligibilityBasis: string;
  priorAid: Opt<boolean>;
  commitment: Opt<boolean>;
  commitmentSampled: Opt<boolean>;
  monthlyIncomeFen: Opt<number | null>;
  materialsRequested: Opt<string | null>;
  decisionReason: Opt<string | null>;
  grantedOn: Opt<string | null>;
  lawyerId: Opt<string | null>;
  assignmentReason: Opt<string | null>;
  assignedAt: Opt<Date | string | null>;
  sameDay: Opt<boolean>;
  terminationGround: Opt<string | null>;
  outcome: Opt<string | null>;
  benefitFen: Opt<number | null>;
  progress: Opt<unknown>;
}

export interface LawyersTable {
  id: string;
  orgId: string;
  name: string;
  kind: string;
  firm: string;
  practiceYears: number;
  specialties: Opt<string[]>;
  phoneMasked: string;
  active: Opt<boolean>;
  openCases: Opt<number>;
  lastAssignedAt: Opt<Date | string | null>;
  createdAt: Opt<Date | string>;
}

// A type alias (not an interface) so it satisfies Kysely's Record<string, …> constraint of withTables().
export type LegalAidTables = {
  'legal_aid.cases': CasesTable;
  'legal_aid.lawyers': LawyersTable;
};

/** The kernel's database handle (or transaction) seen with the module's tables too. */
export const legalAidDb = (db: Kysely<Database>): Kysely<Database & LegalAidTables> => db.$extendTables<LegalAidTables>();
