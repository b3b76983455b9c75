import type { ColumnType, Generated } from 'kysely';

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

export interface AuditLogTable {
  seq: number;
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
  prevHash: string;
  hash: string;
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
  'kernel.auditLog': AuditLogTable;
  'kernel.schemaMigrations': SchemaMigrationsTable;
}
