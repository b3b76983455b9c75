import { existsSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { AnchorMissingError, AnchorTamperedError, anchorHolds, auditHead, GENESIS_HEAD, readAnchor, writeAnchor, type AnchoredHead } from './anchor';
import { appendAudit, sealAudit, verifyAuditChain, type Actor, type VerifyOptions, type VerifyResult } from './audit';
import type { AuditPublicKey, AuditSigner } from './signing';

/** Where the anchor is and the public key that checks it. */
export interface AnchorCheck {
  file: string;
  publicKey: AuditPublicKey;
}

/**
 * The audit check of `npm run audit:verify` and `GET /api/audit/verify` (ADR 0019). It only reads — in a
 * read-only transaction, so not even a bug could make it seal or change an entry: an entry someone slipped in
 * unsealed stays unsealed and is reported, instead of being chained in by the check. With an anchor configured,
 * a missing, unsigned or foreign anchor file is a failure, not "no anchor yet".
 */
export async function verifyAudit(db: Kysely<Database>, opts: Omit<VerifyOptions, 'anchor'> & { anchor?: AnchorCheck | undefined }): Promise<VerifyResult> {
  const { anchor: check, ...rest } = opts;
  let anchor: AnchoredHead | undefined;
  let anchorProblem: string | undefined;
  if (check) {
    try {
      anchor = readAnchor(check.file, check.publicKey);
    } catch (e) {
      if (!(e instanceof AnchorMissingError || e instanceof AnchorTamperedError)) throw e;
      anchorProblem = e.message;
    }
  }
  const run = async (trx: Kysely<Database>) => {
    await sql`set transaction read only`.execute(trx);
    return verifyAuditChain(trx, { ...rest, ...(anchor ? { anchor } : {}) });
  };
  const result = db.isTransaction ? await run(db) : await db.transaction().execute(run);
  if (result.ok && anchorProblem)
    return { ok: false, checked: result.checked, ...(result.unsealed ? { unsealed: result.unsealed } : {}), reason: anchorProblem };
  return result;
}

/**
 * A first start: no anchor file and no sealed entry yet (opening the database may already have written unsealed
 * ones, e.g. the bundled calendar's). The anchor then starts at the empty chain; an existing chain whose anchor is
 * missing is left for the check to report.
 */
export async function anchorNewChain(db: Kysely<Database>, file: string, signer: AuditSigner): Promise<boolean> {
  if (existsSync(file)) return false;
  const sealed = await db.selectFrom('kernel.auditLog').select('id').where('seq', 'is not', null).limit(1).executeTakeFirst();
  if (sealed) return false;
  writeAnchor(file, signer, GENESIS_HEAD);
  return true;
}

/**
 * `npm run audit:anchor`: an operator, having looked into why the anchor no longer holds (a restore from backup,
 * an upgrade from the HMAC anchor, a lost file), anchors the chain anew. Refused while the chain itself is
 * broken; the re-anchoring is an audit entry of its own, naming what the previous anchor said.
 */
export async function reanchorAudit(
  db: Kysely<Database>,
  check: AnchorCheck,
  signer: AuditSigner,
  actor: Actor,
): Promise<VerifyResult & { anchoredSeq?: number }> {
  const chain = await verifyAuditChain(db);
  if (!chain.ok) return chain;
  let previous: string;
  try {
    const a = readAnchor(check.file, check.publicKey);
    previous = (await anchorHolds(db, a)) ? `第 ${a.seq} 条 (${a.at})` : `第 ${a.seq} 条 (${a.at})，数据库中已不相符`;
  } catch (e) {
    previous = (e as Error).message;
  }
  await db.transaction().execute((trx) => appendAudit(trx, actor, { action: 'kernel.audit.reanchor', summary: { previous } }));
  await sealAudit(db);
  const head = (await auditHead(db)) ?? GENESIS_HEAD;
  writeAnchor(check.file, signer, head);
  return { ok: true, checked: chain.checked + 1, anchoredSeq: head.seq };
}
