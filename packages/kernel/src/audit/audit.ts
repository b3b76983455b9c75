import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { runPrepared } from '../db/prepared';
import type { Database } from '../db/schema';

export const GENESIS_HASH = '0'.repeat(64);

/** Who does something and where the request came from; every write carries one. */
export interface Actor {
  id: string | null;
  username: string | null;
  orgId: string | null;
  requestId?: string | null;
  ip?: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: null, username: 'system', orgId: null };

export interface AuditInput {
  action: string;
  result?: 'success' | 'failure';
  targetType?: string;
  targetId?: string;
  summary?: Record<string, unknown>;
}

/** JSON with object keys sorted at every level, so the hashed text does not depend on key order (jsonb reorders). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}

export interface HashedFields {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  result: string;
  orgId: string | null;
  requestId: string | null;
  ip: string | null;
  targetType: string | null;
  targetId: string | null;
  summary: unknown;
}

/** SM3 (GB/T 32905) over the previous hash and the canonical record. */
export function entryHash(prevHash: string, f: HashedFields): string {
  return createHash('sm3')
    .update(prevHash)
    .update(canonicalJson(f))
    .digest('hex');
}

/**
 * Appends one entry to the hash chain. Must run inside the transaction of the write it records, so the
 * entry and the change commit or roll back together; the head row (kernel.audit_head) orders concurrent appenders.
 */
export async function appendAudit(trx: Kysely<Database>, actor: Actor, input: AuditInput): Promise<void> {
  if (!trx.isTransaction) throw new Error('appendAudit must run inside a transaction');
  // Bumping the head row takes its lock until commit, so concurrent appenders queue here and each reads the
  // head its predecessor committed (migrations/0008_audit_head.sql).
  const head = await sql<{ seq: number; hash: string }>`update kernel.audit_head set seq = seq + 1 returning seq, hash`.execute(trx);
  const last = head.rows[0];
  if (!last) throw new Error('审计链头缺失 (kernel.audit_head)');
  await writeAuditEntry(trx, actor, input, last);
}

/**
 * Writes the entry for a head the caller has already bumped in this transaction (`seq` and the previous `hash`
 * as the bump returned them) — openMatter bumps it inside its one statement.
 */
export async function writeAuditEntry(trx: Kysely<Database>, actor: Actor, input: AuditInput, last: { seq: number; hash: string }): Promise<void> {
  const fields: HashedFields = {
    seq: last.seq,
    at: new Date().toISOString(),
    actorId: actor.id,
    actorName: actor.username,
    action: input.action,
    result: input.result ?? 'success',
    orgId: actor.orgId,
    requestId: actor.requestId ?? null,
    ip: actor.ip ?? null,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    // Hash exactly what jsonb will give back: JSON round trip (Dates become strings, undefined items null).
    summary: JSON.parse(JSON.stringify(input.summary ?? {})) as unknown,
  };
  const hash = entryHash(last.hash, fields);
  const insert = trx
    .with('h', (q) => q.updateTable('kernel.auditHead').set({ hash }).returning('seq'))
    .insertInto('kernel.auditLog')
    .values({ ...fields, summary: JSON.stringify(fields.summary), prevHash: last.hash, hash });
  await runPrepared(trx, 'audit_entry', insert.compile());
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  brokenAt?: number;
  reason?: string;
}

/**
 * Walks the whole chain in order; reports the first entry whose link or hash does not hold. With an `anchor`
 * (the head recorded outside the database, audit/anchor.ts) a chain cut short after it is reported too.
 */
export async function verifyAuditChain(db: Kysely<Database>, opts: { batch?: number; anchor?: { seq: number; hash: string } } = {}): Promise<VerifyResult> {
  const batch = opts.batch ?? 5000;
  const anchor = opts.anchor;
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('kernel.auditLog')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batch)
      .execute();
    for (const r of rows) {
      if (r.seq !== expectedSeq) {
        return { ok: false, checked, brokenAt: expectedSeq, reason: `第 ${expectedSeq} 条缺失 (下一条为第 ${r.seq} 条)` };
      }
      if (r.prevHash !== prevHash) {
        return { ok: false, checked, brokenAt: r.seq, reason: `第 ${r.seq} 条的前序哈希与第 ${r.seq - 1} 条不符` };
      }
      const fields: HashedFields = {
        seq: r.seq,
        at: new Date(r.at).toISOString(),
        actorId: r.actorId,
        actorName: r.actorName,
        action: r.action,
        result: r.result,
        orgId: r.orgId,
        requestId: r.requestId,
        ip: r.ip,
        targetType: r.targetType,
        targetId: r.targetId,
        summary: r.summary,
      };
      if (entryHash(prevHash, fields) !== r.hash) {
        return { ok: false, checked, brokenAt: r.seq, reason: `第 ${r.seq} 条的内容与其哈希不符 (记录被修改)` };
      }
      if (anchor && r.seq === anchor.seq && r.hash !== anchor.hash) {
        return { ok: false, checked, brokenAt: r.seq, reason: `第 ${r.seq} 条与库外锚点记录的哈希不符 (其后记录被替换)` };
      }
      prevHash = r.hash;
      expectedSeq++;
      checked++;
    }
    if (rows.length < batch) {
      if (anchor && expectedSeq - 1 < anchor.seq) {
        return { ok: false, checked, brokenAt: expectedSeq, reason: `库外锚点记录到第 ${anchor.seq} 条，数据库只剩到第 ${expectedSeq - 1} 条：最新的记录被删除` };
      }
      return { ok: true, checked };
    }
  }
}
