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
  return createHash('sm3').update(prevHash).update(canonicalJson(f)).digest('hex');
}

/** The stored row of an entry, unsealed: no `seq`, `prevHash` or `hash` until the sealer chains it (ADR 0011). */
function auditRow(actor: Actor, input: AuditInput) {
  return {
    // The audit trail records when a change really happened (wall clock), whatever day a test clock says it is.
    at: new Date(),
    actorId: actor.id,
    actorName: actor.username,
    action: input.action,
    result: input.result ?? 'success',
    orgId: actor.orgId,
    requestId: actor.requestId ?? null,
    ip: actor.ip ?? null,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    summary: JSON.stringify(input.summary ?? {}),
  };
}

/**
 * Writes one entry. Must run inside the transaction of the write it records, so the entry and the change commit or
 * roll back together. The entry is unsealed: `sealAudit` links it into the hash chain after commit (ADR 0011).
 */
export async function appendAudit(trx: Kysely<Database>, actor: Actor, input: AuditInput): Promise<void> {
  if (!trx.isTransaction) throw new Error('appendAudit must run inside a transaction');
  await runPrepared(trx, 'audit_append', trx.insertInto('kernel.auditLog').values(auditRow(actor, input)).compile());
}

type StoredEntry = Omit<HashedFields, 'seq' | 'at'> & { at: Date | string };

/** What the hash covers, read back from a stored row: the sealer and the verifier hash exactly the same. */
function hashedFields(seq: number, r: StoredEntry): HashedFields {
  return {
    seq,
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
}

/**
 * Appends the unsealed entries to the hash chain in the order they were written (ADR 0011): each gets the next
 * `seq`, the previous hash and its own SM3 hash, and the head moves. One sealer at a time: the head row's lock
 * orders them, so a second process waits and then finds nothing left to do. Returns how many it sealed.
 */
export async function sealAudit(db: Kysely<Database>, batch = 2000): Promise<number> {
  const sealBatch = async (trx: Kysely<Database>) => {
    const head = (await sql<{ seq: number; hash: string }>`select seq, hash from kernel.audit_head for update`.execute(trx)).rows[0];
    if (!head) throw new Error('审计链头缺失 (kernel.audit_head)');
    const rows = await trx.selectFrom('kernel.auditLog').selectAll().where('seq', 'is', null).orderBy('id').limit(batch).execute();
    if (rows.length === 0) return 0;
    let { seq, hash } = head;
    const ids: number[] = [];
    const seqs: number[] = [];
    const prevs: string[] = [];
    const hashes: string[] = [];
    for (const r of rows) {
      const next = entryHash(hash, hashedFields(++seq, r));
      ids.push(r.id);
      seqs.push(seq);
      prevs.push(hash);
      hashes.push(next);
      hash = next;
    }
    await sql`update kernel.audit_log l set seq = u.seq, prev_hash = u.prev, hash = u.hash
      from unnest(${ids}::bigint[], ${seqs}::bigint[], ${prevs}::text[], ${hashes}::text[]) as u(id, seq, prev, hash) where l.id = u.id`.execute(trx);
    await trx.updateTable('kernel.auditHead').set({ seq, hash }).execute();
    return rows.length;
  };
  // Nothing to seal (the idle platform, every second): no transaction and no row lock, so no write either.
  const pending = await db.selectFrom('kernel.auditLog').select('id').where('seq', 'is', null).limit(1).executeTakeFirst();
  if (!pending) return 0;
  let sealed = 0;
  for (;;) {
    // inside a caller's transaction (a test, a verification) the entries it wrote itself are sealed with it
    const n = db.isTransaction ? await sealBatch(db) : await db.transaction().execute(sealBatch);
    sealed += n;
    if (n < batch) return sealed;
  }
}

/**
 * Seals every second while the platform runs, and once more when it stops (ADR 0011). `afterSeal` runs after each
 * round, sealed or not (the anchor writer, ADR 0019: it writes only when the head moved).
 */
export function startAuditSealer(db: Kysely<Database>, onError: (e: unknown) => void, everyMs = 1000, afterSeal?: () => Promise<void>) {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running
      .then(() => sealAudit(db))
      .then(() => afterSeal?.())
      .catch(onError);
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick(); // entries a crash left unsealed, and the anchor, at once rather than a second later
  return {
    async stop() {
      clearInterval(timer);
      tick();
      await running;
    },
  };
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** entries written but not yet sealed into the chain (not covered by this check) */
  unsealed?: number;
  /** sealed entries after the anchored one: the gap a crash leaves, whose deletion no anchor would show */
  unanchored?: number;
  brokenAt?: number;
  reason?: string;
}

export interface VerifyOptions {
  batch?: number;
  /** The head recorded outside the database (audit/anchor.ts); with its time, a stale anchor is reported too. */
  anchor?: { seq: number; hash: string; at?: string };
  /**
   * Unsealed entries older than this are a failure: the sealer chains every entry within a second, and a clean
   * stop leaves none, so an old one was left by a crash or written straight into the database. 0 on a stopped
   * platform; absent: counted apart only.
   */
  unsealedGraceMs?: number;
  /** Sealed entries written longer than this after the anchor's time mean the anchor stopped moving (ADR 0019). */
  maxAnchorLagMs?: number;
  now?: Date;
}

/** Anchors follow each sealing within a second or two; a lag this long is no crash gap (ADR 0019). */
export const MAX_ANCHOR_LAG_MS = 30_000;

/**
 * Walks the whole chain in order; reports the first entry whose link or hash does not hold. With an `anchor`
 * a chain cut short before it, or differing from it at the anchored entry, is reported too. Reads only.
 */
export async function verifyAuditChain(db: Kysely<Database>, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const batch = opts.batch ?? 5000;
  const anchor = opts.anchor;
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('kernel.auditLog').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(batch).execute();
    for (const r of rows) {
      if (r.seq !== expectedSeq) {
        return { ok: false, checked, brokenAt: expectedSeq, reason: `第 ${expectedSeq} 条缺失 (下一条为第 ${r.seq} 条)` };
      }
      if (r.prevHash !== prevHash) {
        return { ok: false, checked, brokenAt: r.seq, reason: `第 ${r.seq} 条的前序哈希与第 ${r.seq - 1} 条不符` };
      }
      const fields = hashedFields(r.seq, r);
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
        return {
          ok: false,
          checked,
          brokenAt: expectedSeq,
          reason: `库外锚点记录到第 ${anchor.seq} 条，数据库只剩到第 ${expectedSeq - 1} 条：最新的记录被删除`,
        };
      }
      return { checked, ...(await tailOf(db, opts, expectedSeq - 1)) };
    }
  }
}

/** What follows the verified chain: entries never sealed, and sealed entries the anchor does not cover yet. */
async function tailOf(db: Kysely<Database>, opts: VerifyOptions, last: number): Promise<Omit<VerifyResult, 'checked'>> {
  const now = (opts.now ?? new Date()).getTime();
  const unsealed = await db
    .selectFrom('kernel.auditLog')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.min<number | null>('id').as('firstId'),
      eb.fn.max<number | null>('id').as('lastId'),
      eb.fn.min<Date | string | null>('at').as('oldest'),
    ])
    .where('seq', 'is', null)
    .executeTakeFirstOrThrow();
  const n = unsealed.n;
  if (n > 0 && opts.unsealedGraceMs !== undefined && unsealed.oldest && now - new Date(unsealed.oldest).getTime() > opts.unsealedGraceMs) {
    return {
      ok: false,
      unsealed: n,
      reason:
        `有 ${n} 条记录 (编号 id ${String(unsealed.firstId)}–${String(unsealed.lastId)}) 未封存进哈希链：正常运行时一秒内封存、正常停止时全部封存，` +
        '它们来自非正常停止，或被直接写入数据库。校验不会封存它们；核对这些记录后再启动平台 (启动时封存并记入审计)',
    };
  }
  const unsealedPart = n > 0 ? { unsealed: n } : {};
  const anchor = opts.anchor;
  if (!anchor || last <= anchor.seq) return { ok: true, ...unsealedPart };
  const after = await db
    .selectFrom('kernel.auditLog')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max<Date | string | null>('at').as('newest')])
    .where('seq', '>', anchor.seq)
    .executeTakeFirstOrThrow();
  const lag = anchor.at && after.newest ? new Date(after.newest).getTime() - new Date(anchor.at).getTime() : 0;
  if (lag > (opts.maxAnchorLagMs ?? MAX_ANCHOR_LAG_MS)) {
    return {
      ok: false,
      ...unsealedPart,
      unanchored: after.n,
      brokenAt: anchor.seq + 1,
      reason:
        `库外锚点停在第 ${anchor.seq} 条 (${anchor.at ?? ''})，其后 ${after.n} 条记录最晚比锚点晚 ${Math.round(lag / 1000)} 秒：` +
        '锚点每次封存后即更新，如此落后说明锚点文件被换成了旧版本，或锚点未能写入 (见平台日志)',
    };
  }
  return { ok: true, ...unsealedPart, unanchored: after.n };
}
