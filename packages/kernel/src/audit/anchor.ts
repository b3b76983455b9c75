import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { GENESIS_HASH } from './audit';
import type { AuditPublicKey, AuditSigner } from './signing';

/** The newest entry of the audit chain. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** A head recorded outside the database, with the wall-clock time it was written. */
export interface AnchoredHead extends AuditHead {
  at: string;
}

/** The newest sealed entry (ADR 0011), or undefined while the chain is empty. */
export async function auditHead(db: Kysely<Database>): Promise<AuditHead | undefined> {
  const head = await db.selectFrom('kernel.auditHead').select(['seq', 'hash']).executeTakeFirst();
  return head && head.seq > 0 ? head : undefined;
}

/** The head of a chain that has no entry yet: an anchor at it says "the chain started empty here". */
export const GENESIS_HEAD: AuditHead = { seq: 0, hash: GENESIS_HASH };

const signedText = (a: AnchoredHead) => `sifa/audit-anchor/v2\n${a.seq}\n${a.hash}\n${a.at}`;

/**
 * The chain's head kept outside the database (ADR 0003, 0019), signed with the SM2 key held apart from the data:
 * whoever can delete the newest rows and rewrite this file still cannot sign the shorter head. Written atomically
 * (a rename), 0600.
 */
export function writeAnchor(file: string, signer: AuditSigner, head: AuditHead): AnchoredHead {
  // the wall-clock time it was written (an anchor outside the database, not a business date)
  const anchored = { seq: head.seq, hash: head.hash, at: new Date().toISOString() };
  const body = { v: 2, ...anchored, key: signer.publicKey.fingerprint, sig: signer.sign(signedText(anchored)) };
  writeFileSync(`${file}.part`, `${JSON.stringify(body)}\n`, { mode: 0o600 });
  renameSync(`${file}.part`, file);
  return anchored;
}

export class AnchorTamperedError extends Error {
  override name = 'AnchorTamperedError';
}
export class AnchorMissingError extends Error {
  override name = 'AnchorMissingError';
}

/** The anchored head; a missing file, a file of another form or one whose signature does not hold is an error. */
export function readAnchor(file: string, publicKey: AuditPublicKey): AnchoredHead {
  if (!existsSync(file)) {
    throw new AnchorMissingError(`审计锚点文件 ${file} 缺失：无法确认最新的审计记录未被删除 (文件被删除，或锚点从未建立)`);
  }
  let a: Record<string, unknown>;
  try {
    a = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    throw new AnchorTamperedError(`审计锚点文件 ${file} 不是有效的 JSON：文件被改动`);
  }
  if (a.v !== 2) {
    throw new AnchorTamperedError(
      `审计锚点文件 ${file} 不是 SM2 签名的锚点 (旧版本以数据密钥签名，或被替换)；核查后可用 npm run audit:anchor 重新建立 (见 docs/operations.md)`,
    );
  }
  const anchored = { seq: Number(a.seq), hash: String(a.hash), at: String(a.at) };
  if (!Number.isInteger(anchored.seq) || anchored.seq < 0 || typeof a.sig !== 'string' || !publicKey.verify(signedText(anchored), a.sig)) {
    const other =
      typeof a.key === 'string' && a.key !== publicKey.fingerprint ? `；文件自称由密钥 ${a.key} 签名，而校验用的公钥为 ${publicKey.fingerprint}` : '';
    throw new AnchorTamperedError(`审计锚点文件 ${file} 的 SM2 签名不符：文件被改动或由其他密钥签名${other}`);
  }
  return anchored;
}

/** Whether the chain in the database still holds the anchored entry (the anchor names a prefix of the chain). */
export async function anchorHolds(db: Kysely<Database>, anchor: AuditHead): Promise<boolean> {
  if (anchor.seq === 0) return anchor.hash === GENESIS_HASH;
  const row = await db.selectFrom('kernel.auditLog').select('hash').where('seq', '=', anchor.seq).executeTakeFirst();
  return row?.hash === anchor.hash;
}

/**
 * Moves the anchor to the sealed head, called right after each sealing (ADR 0019), so a crash leaves at most the
 * last second or two of the chain unanchored. It only ever extends the chain it anchored before: when the file is
 * missing, unreadable or names an entry the database no longer holds, it leaves the file as evidence, reports why
 * (once per reason) and anchors nothing until an operator runs `npm run audit:anchor` after looking into it.
 */
export function createAnchorWriter(db: Kysely<Database>, file: string, signer: AuditSigner, onProblem: (message: string) => void) {
  let written: AuditHead | undefined;
  let reported = '';
  return async function anchorHead(): Promise<void> {
    const head = (await auditHead(db)) ?? GENESIS_HEAD;
    if (written && written.seq === head.seq && written.hash === head.hash) return; // nothing new: no write
    let problem = '';
    try {
      const anchored = readAnchor(file, signer.publicKey);
      if (!(await anchorHolds(db, anchored)))
        problem = `审计锚点记录的第 ${anchored.seq} 条在数据库中已不存在或已被改动：锚点保持不变，请运行 npm run audit:verify 核查`;
      else if (anchored.seq > head.seq) problem = `审计锚点 (第 ${anchored.seq} 条) 超出数据库的链头 (第 ${head.seq} 条)：最新的记录被删除`;
    } catch (e) {
      problem = (e as Error).message;
    }
    if (problem) {
      if (problem !== reported) onProblem(`${problem}；在此之前不再更新锚点`);
      reported = problem;
      return;
    }
    reported = '';
    writeAnchor(file, signer, head);
    written = head;
  };
}
