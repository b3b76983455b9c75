import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

/** timestamptz read as Date; written as Date or ISO text. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface DivisionsTable {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

export interface OrgsTable {
  id: string;
  parentId: string | null;
  path: string;
  depth: number;
  kind: string;
  name: string;
  divisionCode: string | null;
  abbr: ColumnType<string | null, string | null | undefined, string | null>;
  active: Generated<boolean>;
  sort: Generated<number>;
  createdAt: TimestampDefault;
  updatedAt: TimestampDefault;
}

export interface UsersTable {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  orgId: string;
  roles: string[];
  active: Generated<boolean>;
  failedLogins: Generated<number>;
  lockedUntil: TimestampNull;
  passwordChangedAt: TimestampNull;
  lastLoginAt: TimestampNull;
  createdAt: TimestampDefault;
  updatedAt: TimestampDefault;
  totpSecret: string | null;
  totpPendingSecret: string | null;
  totpEnabledAt: TimestampNull;
  totpLastStep: ColumnType<number | null, number | null | undefined, number | null>;
  mfaExempt: Generated<boolean>;
}

export interface LoginThrottleTable {
  kind: 'login' | 'password';
  subject: string;
  source: string;
  failures: Generated<number>;
  lastFailureAt: TimestampDefault;
  blockedUntil: TimestampNull;
}

export interface RecoveryCodesTable {
  userId: string;
  codeHash: string;
  usedAt: TimestampNull;
  createdAt: TimestampDefault;
}

export interface SessionsTable {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: TimestampDefault;
  lastSeenAt: TimestampDefault;
  expiresAt: Timestamp;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditHeadTable {
  id: Generated<boolean>;
  seq: number;
  hash: string;
}

export interface AuditLogTable {
  id: GeneratedAlways<number>;
  /** null until the sealer chains the entry (ADR 0011) */
  seq: ColumnType<number | null, never, number>;
  at: Timestamp;
  actorId: string | null;
  actorName: string | null;
  action: string;
  result: Generated<string>;
  orgId: string | null;
  requestId: string | null;
  ip: string | null;
  targetType: string | null;
  targetId: string | null;
  summary: ColumnType<unknown, string, string>;
  prevHash: ColumnType<string | null, never, string>;
  hash: ColumnType<string | null, never, string>;
}

export interface MattersTable {
  id: string;
  module: string;
  kind: string;
  number: string;
  year: number;
  seq: number;
  orgId: string;
  status: string;
  title: string;
  outcome: string | null;
  version: ColumnType<number, number | undefined, number>;
  openedAt: TimestampDefault;
  closedAt: TimestampNull;
  createdBy: string | null;
  updatedAt: TimestampDefault;
}

export interface MatterCountersTable {
  module: string;
  orgId: string;
  year: number;
  lastSeq: number;
}

export interface MatterActionsTable {
  id: Generated<number>;
  matterId: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorId: string | null;
  actorName: string | null;
  at: TimestampDefault;
  note: string | null;
  data: ColumnType<unknown, string | undefined, string>;
}

export interface MatterAssignmentsTable {
  matterId: string;
  userId: string | null;
  orgId: string | null;
  role: string;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  assignedAt: TimestampDefault;
  endedAt: TimestampNull;
}

export interface PartiesTable {
  id: string;
  kind: string;
  name: string;
  idType: string | null;
  idCipher: string | null;
  idIndex: string | null;
  idMasked: string | null;
  phoneCipher: string | null;
  phoneIndex: string | null;
  phoneMasked: string | null;
  uscc: string | null;
  orgId: string;
  createdBy: string | null;
  createdAt: TimestampDefault;
  updatedAt: TimestampDefault;
}

export interface PartyUnitsTable {
  partyId: string;
  orgId: string;
  registeredBy: string | null;
  registeredAt: TimestampDefault;
  /** the name this unit registered the party under, when it differs from the party's (migrations/0011) */
  name: Generated<string | null>;
  phoneCipher: Generated<string | null>;
  phoneIndex: Generated<string | null>;
  phoneMasked: Generated<string | null>;
  updatedAt: TimestampDefault;
}

export interface MatterPartiesTable {
  matterId: string;
  partyId: string;
  role: string;
  addedAt: TimestampDefault;
  /** the phone given with this matter (migrations/0011) */
  phoneCipher: Generated<string | null>;
  phoneIndex: Generated<string | null>;
  phoneMasked: Generated<string | null>;
}

export interface AttachmentsTable {
  id: string;
  matterId: string;
  filename: string;
  mime: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string | null;
  uploadedAt: TimestampDefault;
  deletedAt: TimestampNull;
  deletedBy: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface DocumentsTable {
  id: string;
  matterId: string;
  orgId: string;
  kind: string;
  title: string;
  number: string;
  issuedAt: Timestamp;
  contentSm3: string;
  verifyCode: string;
  storageKey: string;
  sizeBytes: number;
  issuedBy: string | null;
  revokedAt: TimestampNull;
  revokeReason: ColumnType<string | null, string | null | undefined, string | null>;
  revokedBy: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SmsOutboxTable {
  id: string;
  phoneCipher: string;
  phoneMasked: string;
  text: string;
  /** What `text` becomes once sent: the text without its one-time code (migration 0011). */
  redactedText: ColumnType<string | null, string | null | undefined, string | null>;
  purpose: string;
  status: ColumnType<string, string | undefined, string>;
  provider: string | null;
  providerRef: string | null;
  error: string | null;
  createdAt: TimestampDefault;
  sentAt: TimestampNull;
}

export interface NotificationsTable {
  id: string;
  userId: string;
  title: string;
  body: ColumnType<string, string | undefined, string>;
  link: string | null;
  createdAt: TimestampDefault;
  readAt: TimestampNull;
}

export interface MatterSubscribersTable {
  matterId: string;
  phoneCipher: string;
  phoneMasked: string;
  createdAt: TimestampDefault;
}

export interface PublicAccountsTable {
  id: string;
  phoneIndex: string;
  phoneCipher: string;
  phoneMasked: string;
  createdAt: TimestampDefault;
  lastLoginAt: TimestampNull;
}

export interface OtpChallengesTable {
  id: string;
  phoneIndex: string;
  codeHash: string;
  expiresAt: Timestamp;
  attempts: ColumnType<number, number | undefined, number>;
  consumedAt: TimestampNull;
  createdAt: TimestampDefault;
  ip: string | null;
}

export interface PublicSessionsTable {
  id: string;
  accountId: string;
  csrfToken: string;
  createdAt: TimestampDefault;
  lastSeenAt: TimestampDefault;
  expiresAt: Timestamp;
}

export interface SchemaMigrationsTable {
  module: string;
  name: string;
  checksum: string;
  appliedAt: TimestampDefault;
}

/** Kernel tables; modules extend this interface with their own through declaration merging. */
export interface Database {
  'kernel.divisions': DivisionsTable;
  'kernel.orgs': OrgsTable;
  'kernel.users': UsersTable;
  'kernel.sessions': SessionsTable;
  'kernel.loginThrottle': LoginThrottleTable;
  'kernel.recoveryCodes': RecoveryCodesTable;
  'kernel.auditLog': AuditLogTable;
  'kernel.auditHead': AuditHeadTable;
  'kernel.schemaMigrations': SchemaMigrationsTable;
  'kernel.parties': PartiesTable;
  'kernel.partyUnits': PartyUnitsTable;
  'kernel.matterParties': MatterPartiesTable;
  'kernel.matters': MattersTable;
  'kernel.smsOutbox': SmsOutboxTable;
  'kernel.publicAccounts': PublicAccountsTable;
  'kernel.otpChallenges': OtpChallengesTable;
  'kernel.publicSessions': PublicSessionsTable;
  'kernel.notifications': NotificationsTable;
  'kernel.matterSubscribers': MatterSubscribersTable;
  'kernel.matterCounters': MatterCountersTable;
  'kernel.matterActions': MatterActionsTable;
  'kernel.matterAssignments': MatterAssignmentsTable;
  'kernel.attachments': AttachmentsTable;
  'kernel.documents': DocumentsTable;
}
