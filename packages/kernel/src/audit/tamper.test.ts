import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createTestDb } from '@sifa/testing';
import type { Engine } from '../db/engine';
import type { Database } from '../db/schema';
import { auditHead, createAnchorWriter, writeAnchor } from './anchor';
import { appendAudit, entryHash, sealAudit, startAuditSealer, type Actor, type VerifyResult } from './audit';
import { auditSigner, generateAuditKeyPair } from './signing';
import { verifyAudit, type AnchorCheck } from './verify';

// Issue #11 item 5: twelve ways to tamper with the audit trail, each one detected by the read-only check of
// `npm run audit:verify` (a stopped platform: no unsealed entry is expected) — ADR 0019 lists them.
const mallory: Actor = { id: null, username: 'mallory', orgId: null };
class Rollback extends Error {}

describe('the audit check detects every tampering case of issue #11', () => {
  let engine: Engine;
  let dir: string;
  let check: AnchorCheck;
  let anchorFile: string;
  const signer = auditSigner(generateAuditKeyPair().privatePem);
  let head: { seq: number; hash: string };

  beforeAll(async () => {
    engine = await createTestDb();
    dir = mkdtempSync(join(tmpdir(), 'sifa-tamper-'));
    for (let i = 0; i < 6; i++) {
      await engine.db
        .transaction()
        .execute((trx) => appendAudit(trx, { id: null, username: 'clerk', orgId: null }, { action: 'test.thing.update', summary: { i } }));
    }
    await sealAudit(engine.db);
    const h = await auditHead(engine.db);
    if (!h) throw new Error('empty chain');
    head = h;
    anchorFile = join(dir, 'audit-anchor.json');
    writeAnchor(anchorFile, signer, head);
    check = { file: anchorFile, publicKey: signer.publicKey };
  });
  afterAll(async () => {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the genuine anchor for one test to spoil. */
  const anchorCopy = () => {
    const file = join(mkdtempSync(join(dir, 'case-')), 'audit-anchor.json');
    copyFileSync(anchorFile, file);
    return file;
  };

  /** Applies `change` to the database and checks, in one transaction rolled back afterwards. */
  async function checkAfter(change: (trx: Kysely<Database>) => Promise<unknown>, anchor: AnchorCheck = check): Promise<VerifyResult> {
    let result: VerifyResult | undefined;
    await engine.db
      .transaction()
      .execute(async (trx) => {
        await change(trx);
        result = await verifyAudit(trx, { anchor, unsealedGraceMs: 0 });
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
    if (!result) throw new Error('the check did not run');
    return result;
  }

  /** Rewrites entries `from`–`to` (default: to the head) with their hashes recomputed: SM3 is public, no key needed. */
  async function rechain(trx: Kysely<Database>, from: number, edit: (summary: unknown) => unknown, to = Number.MAX_SAFE_INTEGER) {
    const rows = await trx.selectFrom('kernel.auditLog').selectAll().where('seq', '>=', from).where('seq', '<=', to).orderBy('seq').execute();
    let prev = rows[0]?.prevHash ?? '';
    for (const r of rows) {
      const summary = r.seq === from ? edit(r.summary) : r.summary;
      const { id: _id, prevHash: _p, hash: _h, ...rest } = { ...r, summary, at: new Date(r.at).toISOString(), seq: r.seq ?? 0 };
      const hash = entryHash(prev, rest);
      await trx
        .updateTable('kernel.auditLog')
        .set({ summary: JSON.stringify(summary), prevHash: prev, hash })
        .where('seq', '=', rest.seq)
        .execute();
      prev = hash;
    }
    if (to === Number.MAX_SAFE_INTEGER) await trx.updateTable('kernel.auditHead').set({ hash: prev }).execute();
  }

  test('untouched, the chain and its anchor are reported intact', async () => {
    expect(await checkAfter(() => Promise.resolve())).toEqual({ ok: true, checked: head.seq });
  });

  test('1. an entry’s summary edited', async () => {
    const seq = head.seq - 3;
    const r = await checkAfter((trx) => sql`update kernel.audit_log set summary = '{"i":99}' where seq = ${seq}`.execute(trx));
    expect(r).toMatchObject({ ok: false, brokenAt: seq, reason: `第 ${seq} 条的内容与其哈希不符 (记录被修改)` });
  });

  test('2. an entry’s actor and time edited', async () => {
    const seq = head.seq - 2;
    const r = await checkAfter((trx) => sql`update kernel.audit_log set actor_name = 'mallory', at = at - interval '1 day' where seq = ${seq}`.execute(trx));
    expect(r).toMatchObject({ ok: false, brokenAt: seq, reason: `第 ${seq} 条的内容与其哈希不符 (记录被修改)` });
  });

  test('3. an entry edited with its own hash recomputed', async () => {
    const seq = head.seq - 3;
    const r = await checkAfter((trx) => rechain(trx, seq, () => ({ i: 99 }), seq));
    expect(r).toMatchObject({ ok: false, brokenAt: seq + 1, reason: `第 ${seq + 1} 条的前序哈希与第 ${seq} 条不符` });
  });

  test('4. an entry edited and every later entry re-chained (the database alone looks intact)', async () => {
    const seq = head.seq - 3;
    const r = await checkAfter((trx) => rechain(trx, seq, () => ({ i: 99 })));
    expect(r).toMatchObject({ ok: false, brokenAt: head.seq, reason: `第 ${head.seq} 条与库外锚点记录的哈希不符 (其后记录被替换)` });
  });

  test('5. an entry in the middle deleted', async () => {
    const seq = head.seq - 3;
    const r = await checkAfter((trx) => trx.deleteFrom('kernel.auditLog').where('seq', '=', seq).execute());
    expect(r).toMatchObject({ ok: false, brokenAt: seq, reason: `第 ${seq} 条缺失 (下一条为第 ${seq + 1} 条)` });
  });

  test('6. the newest entries deleted and the head moved back', async () => {
    const keep = head.seq - 2;
    const r = await checkAfter(async (trx) => {
      const h = await trx.selectFrom('kernel.auditLog').select('hash').where('seq', '=', keep).executeTakeFirstOrThrow();
      await trx.deleteFrom('kernel.auditLog').where('seq', '>', keep).execute();
      await trx
        .updateTable('kernel.auditHead')
        .set({ seq: keep, hash: h.hash ?? '' })
        .execute();
    });
    expect(r).toMatchObject({ ok: false, brokenAt: keep + 1 });
    expect(r.reason).toContain(`库外锚点记录到第 ${head.seq} 条，数据库只剩到第 ${keep} 条：最新的记录被删除`);
  });

  test('7. the anchor file deleted', async () => {
    const file = anchorCopy();
    rmSync(file);
    const r = await checkAfter(() => Promise.resolve(), { ...check, file });
    expect(r).toMatchObject({ ok: false, checked: head.seq });
    expect(r.reason).toContain(`审计锚点文件 ${file} 缺失`);
  });

  test('8. the anchor file edited to match a shorter chain', async () => {
    const file = anchorCopy();
    writeFileSync(file, readFileSync(file, 'utf8').replace(`"seq":${head.seq}`, `"seq":${head.seq - 2}`));
    const r = await checkAfter(() => Promise.resolve(), { ...check, file });
    expect(r).toMatchObject({ ok: false });
    expect(r.reason).toContain('SM2 签名不符');
  });

  test('9. the anchor re-signed with another key (one made by the intruder, or found beside the data)', async () => {
    const file = anchorCopy();
    const intruder = auditSigner(generateAuditKeyPair().privatePem);
    writeAnchor(file, intruder, { seq: head.seq - 2, hash: 'f'.repeat(64) });
    const r = await checkAfter(() => Promise.resolve(), { ...check, file });
    expect(r).toMatchObject({ ok: false });
    expect(r.reason).toContain(`由密钥 ${intruder.publicKey.fingerprint} 签名，而校验用的公钥为 ${signer.publicKey.fingerprint}`);
  });

  test('10. the anchor replaced by an HMAC anchor made with the data key (the form before ADR 0019)', async () => {
    const file = anchorCopy();
    writeFileSync(file, JSON.stringify({ seq: head.seq - 2, hash: 'f'.repeat(64), at: new Date().toISOString(), mac: 'ab'.repeat(32) }));
    const r = await checkAfter(() => Promise.resolve(), { ...check, file });
    expect(r).toMatchObject({ ok: false });
    expect(r.reason).toContain('不是 SM2 签名的锚点');
  });

  test('11. an older genuine anchor put back (a stale anchor hides entries written long after it)', async () => {
    const file = join(mkdtempSync(join(dir, 'case-')), 'audit-anchor.json');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(Date.now() - 3_600_000)); // signed an hour ago, at an earlier head
      writeAnchor(file, signer, { seq: head.seq - 2, hash: (await hashAt(head.seq - 2)) ?? '' });
    } finally {
      vi.useRealTimers();
    }
    const r = await checkAfter(() => Promise.resolve(), { ...check, file });
    expect(r).toMatchObject({ ok: false, unanchored: 2, brokenAt: head.seq - 1 });
    expect(r.reason).toContain('锚点文件被换成了旧版本');
  });
  const hashAt = async (seq: number) =>
    (await engine.db.selectFrom('kernel.auditLog').select('hash').where('seq', '=', seq).executeTakeFirst())?.hash ?? undefined;

  test('12. a forged entry inserted unsealed: reported, and the check leaves it unsealed (it writes nothing)', async () => {
    const r = await checkAfter(async (trx) => {
      await appendAudit(trx, mallory, { action: 'kernel.auth.login', summary: { forged: true } });
      await sql`update kernel.audit_log set at = now() - interval '10 minutes' where seq is null`.execute(trx);
    });
    expect(r).toMatchObject({ ok: false, unsealed: 1 });
    expect(r.reason).toContain('未封存进哈希链');
    const left = await engine.db.transaction().execute(async (trx) => {
      await appendAudit(trx, mallory, { action: 'kernel.auth.login' });
      await verifyAudit(trx, { anchor: check, unsealedGraceMs: 0 });
      return trx.selectFrom('kernel.auditLog').select(['seq', 'hash']).where('actorName', '=', 'mallory').execute();
    });
    expect(left).toEqual([{ seq: null, hash: null }]); // the check sealed nothing
    await engine.db.deleteFrom('kernel.auditLog').where('actorName', '=', 'mallory').execute();
  });

  test('the check runs read-only: a write slipped into it fails', async () => {
    await expect(
      engine.db.transaction().execute(async (trx) => {
        await verifyAudit(trx, { anchor: check });
        await appendAudit(trx, mallory, { action: 'kernel.auth.login' });
      }),
    ).rejects.toThrow(/read-only/);
  });
});

// Issue #11 item 5, after kill -9: the entries written since the last anchor (once a minute) could be deleted
// unnoticed. The anchor now follows every sealing: what a crash leaves unanchored is a second or two, reported.
describe('the anchor follows the sealer', () => {
  let engine: Engine;
  let dir: string;
  beforeAll(async () => {
    engine = await createTestDb();
    dir = mkdtempSync(join(tmpdir(), 'sifa-anchor-follow-'));
  });
  afterAll(async () => {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('entries deleted after a crash are detected once the sealer has run, without a clean stop', async () => {
    const signer = auditSigner(generateAuditKeyPair().privatePem);
    const file = join(dir, 'audit-anchor.json');
    await sealAudit(engine.db);
    const start = (await auditHead(engine.db)) ?? { seq: 0, hash: '0'.repeat(64) };
    writeAnchor(file, signer, start);
    const problems: string[] = [];
    const sealer = startAuditSealer(
      engine.db,
      (e) => problems.push(String(e)),
      100,
      createAnchorWriter(engine.db, file, signer, (m) => problems.push(m)),
    );
    try {
      for (let i = 0; i < 3; i++) {
        await engine.db
          .transaction()
          .execute((trx) => appendAudit(trx, { id: null, username: 'clerk', orgId: null }, { action: 'test.thing.create', summary: { i } }));
      }
      const head = await vi.waitFor(
        async () => {
          const h = await auditHead(engine.db);
          const anchored = JSON.parse(readFileSync(file, 'utf8')) as { seq: number };
          if (!h || h.seq !== start.seq + 3 || anchored.seq !== h.seq) throw new Error('not sealed and anchored yet');
          return h;
        },
        { timeout: 5000, interval: 50 },
      );
      // what an intruder does after kill -9: delete the newest entries and move the head back
      let result: VerifyResult | undefined;
      await engine.db
        .transaction()
        .execute(async (trx) => {
          await trx
            .deleteFrom('kernel.auditLog')
            .where('seq', '>', head.seq - 3)
            .execute();
          result = await verifyAudit(trx, { anchor: { file, publicKey: signer.publicKey }, unsealedGraceMs: 0 });
          throw new Rollback();
        })
        .catch((e: unknown) => {
          if (!(e instanceof Rollback)) throw e;
        });
      expect(result).toMatchObject({ ok: false, brokenAt: head.seq - 2 });
      expect(problems).toEqual([]);
    } finally {
      await sealer.stop();
    }
  });

  test('entries sealed after the last anchor are reported as the gap, not as tampering', async () => {
    const signer = auditSigner(generateAuditKeyPair().privatePem);
    const file = join(dir, 'gap-anchor.json');
    await sealAudit(engine.db);
    writeAnchor(file, signer, (await auditHead(engine.db)) ?? { seq: 0, hash: '0'.repeat(64) });
    await engine.db.transaction().execute((trx) => appendAudit(trx, { id: null, username: 'clerk', orgId: null }, { action: 'test.thing.create' }));
    await sealAudit(engine.db); // sealed, then the process died before anchoring
    expect(await verifyAudit(engine.db, { anchor: { file, publicKey: signer.publicKey }, unsealedGraceMs: 0 })).toMatchObject({ ok: true, unanchored: 1 });
  });

  test('the anchor writer does not overwrite an anchor the database no longer matches (the evidence stays)', async () => {
    const signer = auditSigner(generateAuditKeyPair().privatePem);
    const file = join(dir, 'kept-anchor.json');
    await sealAudit(engine.db);
    const head = (await auditHead(engine.db)) ?? { seq: 0, hash: '' };
    writeAnchor(file, signer, { seq: head.seq, hash: 'e'.repeat(64) }); // names an entry the chain does not hold
    const before = readFileSync(file, 'utf8');
    const problems: string[] = [];
    const anchor = createAnchorWriter(engine.db, file, signer, (m) => problems.push(m));
    await anchor();
    await anchor();
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(problems).toEqual([expect.stringContaining(`审计锚点记录的第 ${head.seq} 条在数据库中已不存在或已被改动`)]);
  });
});
