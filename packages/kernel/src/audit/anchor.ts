import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** The newest entry of the audit chain. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** The newest sealed entry (ADR 0011), or undefined while the chain is empty. */
export async function auditHead(db: Kysely<Database>): Promise<AuditHead | undefined> {
  const head = await db.selectFrom('kernel.auditHead').select(['seq', 'hash']).executeTakeFirst();
  return head && head.seq > 0 ? head : undefined;
}

const macKey = (dataKey: Buffer) => Buffer.from(hkdfSync('sm3', dataKey, Buffer.alloc(0), 'sifa/audit-anchor/v1', 32));
const macOf = (key: Buffer, h: AuditHead, at: string) => createHmac('sm3', key).update(`${h.seq}:${h.hash}:${at}`).digest('hex');

/**
 * The chain's head kept outside the database (ADR 0003): someone who can delete the newest rows cannot move
 * this file back without the data key, so `verifyAuditChain` sees the cut. Written atomically (rename).
 */
export function writeAnchor(file: string, dataKey: Buffer, head: AuditHead) {
  // Signed with the wall-clock time it was written (an anchor outside the database, not a business date).
  const at = new Date().toISOString();
  const body = JSON.stringify({ seq: head.seq, hash: head.hash, at, mac: macOf(macKey(dataKey), head, at) });
  writeFileSync(`${file}.part`, body, { mode: 0o600 });
  renameSync(`${file}.part`, file);
}

export class AnchorTamperedError extends Error {}

/** The anchored head, or undefined when there is none yet; a file whose MAC does not hold is an error. */
export function readAnchor(file: string, dataKey: Buffer): AuditHead | undefined {
  if (!existsSync(file)) return undefined;
  const a = JSON.parse(readFileSync(file, 'utf8')) as { seq: number; hash: string; at: string; mac: string };
  const expected = Buffer.from(macOf(macKey(dataKey), a, a.at));
  const given = Buffer.from(typeof a.mac === 'string' ? a.mac : '');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new AnchorTamperedError(`审计锚点文件 ${file} 的校验码不符：文件被改动或换用了其他数据密钥`);
  }
  return { seq: a.seq, hash: a.hash };
}
