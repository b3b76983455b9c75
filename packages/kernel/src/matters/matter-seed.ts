import { sql, type Kysely } from 'kysely';
import { bulkInsert, type BulkColumn } from '../db/bulk';
import type { Database } from '../db/schema';

// Demo data and benchmarks write a year of matters at once, with the states and times they reached, without
// going through the workflow (issue #10 item 3: the module still names no kernel table).

/** A matter as the demo makes it: numbered by the demo (see reserveNumbers), in any state, with its times. */
export interface SeedMatter {
  id: string;
  kind: string;
  number: string;
  year: number;
  seq: number;
  orgId: string;
  status: string;
  title: string;
  outcome: string | null;
  openedAt: Date;
  closedAt: Date | null;
}

/** An entry of a seeded matter's action log. */
export interface SeedAction {
  matterId: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorName: string;
  at: Date;
  /** what the action recorded, e.g. the channel of a registration (`{ source: 'portal' }`): the workbench's arrivals read it */
  data?: Record<string, unknown>;
}

const MATTER_COLUMNS: readonly BulkColumn[] = [
  { name: 'id', type: 'uuid' },
  { name: 'module', type: 'text' },
  { name: 'kind', type: 'text' },
  { name: 'number', type: 'text' },
  { name: 'year', type: 'int' },
  { name: 'seq', type: 'int' },
  { name: 'org_id', type: 'uuid' },
  { name: 'status', type: 'text' },
  { name: 'title', type: 'text' },
  { name: 'outcome', type: 'text' },
  { name: 'opened_at', type: 'timestamptz' },
  { name: 'closed_at', type: 'timestamptz' },
  { name: 'created_by', type: 'uuid' },
  { name: 'version', type: 'int' },
];

const ACTION_COLUMNS: readonly BulkColumn[] = [
  { name: 'matter_id', type: 'uuid' },
  { name: 'action', type: 'text' },
  { name: 'from_status', type: 'text' },
  { name: 'to_status', type: 'text' },
  { name: 'actor_name', type: 'text' },
  { name: 'at', type: 'timestamptz' },
  { name: 'data', type: 'jsonb' },
];

/**
 * Writes seeded matters of `module` and their action logs (bulkInsert; call it in the transaction that writes the
 * module's rows after them). No creator, version 1, no parties.
 */
export async function seedMatters(trx: Kysely<Database>, module: string, matters: readonly SeedMatter[], actions: readonly SeedAction[]): Promise<void> {
  await bulkInsert(
    trx,
    'kernel.matters',
    MATTER_COLUMNS,
    matters.map((m) => [m.id, module, m.kind, m.number, m.year, m.seq, m.orgId, m.status, m.title, m.outcome, m.openedAt, m.closedAt, null, 1]),
  );
  await bulkInsert(
    trx,
    'kernel.matter_actions',
    ACTION_COLUMNS,
    actions.map((a) => [a.matterId, a.action, a.fromStatus, a.toStatus, a.actorName, a.at, JSON.stringify(a.data ?? {})]),
  );
}

/**
 * The numbers up to `lastSeq` of a numbering unit's year are taken (by matters numbered outside openMatter, e.g.
 * seeded): the counter is raised to it, never lowered, so the next registration continues after them.
 */
export async function reserveNumbers(db: Kysely<Database>, r: { module: string; unitId: string; year: number; lastSeq: number }): Promise<void> {
  await sql`insert into kernel.matter_counters (module, org_id, year, last_seq) values (${r.module}, ${r.unitId}, ${r.year}, ${r.lastSeq})
    on conflict (module, org_id, year) do update set last_seq = greatest(kernel.matter_counters.last_seq, excluded.last_seq)`.execute(db);
}
