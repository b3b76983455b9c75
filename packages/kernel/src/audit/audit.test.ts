import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnchorTamperedError, auditHead, readAnchor, writeAnchor, type AuditHead } from './anchor';
import { auditSigner, generateAuditKeyPair } from './signing';
import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDb } from '@sifa/testing';
import type { Engine } from '../db/engine';
import type { Database } from '../db/schema';
import { appendAudit, canonicalJson, entryHash, GENESIS_HASH, sealAudit, verifyAuditChain, type Actor, type AuditInput, type VerifyResult } from './audit';

const clerk: Actor = { id: null, username: 'clerk', orgId: null, requestId: 'req-audit-test', ip: '127.0.0.1' };

class Rollback extends Error {}

const countEntries = async (db: Kysely<Database>) =>
  (
    await db
      .selectFrom('kernel.auditLog')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

/** Rebuilds a value with the keys of every object in another order (a permutation drawn from `seed`). */
function reorder(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => reorder(v, seed + i));
  if (value === null || typeof value !== 'object') return value;
  let s = seed >>> 0;
  const keyed = Object.entries(value as Record<string, unknown>).map(([k, v]) => {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
    return { s, k, v };
  });
  keyed.sort((a, b) => a.s - b.s);
  return Object.fromEntries(keyed.map(({ k, v }, i) => [k, reorder(v, seed + i + 1)]));
}

describe('canonicalJson', () => {
  test('the same object with its keys in any order gives the same text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer(), (value, seed) => {
        expect(canonicalJson(reorder(value, seed))).toBe(canonicalJson(value));
      }),
      { numRuns: 300 },
    );
  });

  test('two objects that differ only in key order, written out by hand, hash the same', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
  });

  test('its text is JSON of the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the audit hash chain', () => {
  let engine: Engine;
  let seqs: number[];
  let total: number;

  /** Five entries in four transactions, after the seed's own, sealed. */
  beforeAll(async () => {
    engine = await createTestDb();
    const append = (...inputs: AuditInput[]) =>
      engine.db.transaction().execute(async (trx) => {
        for (const input of inputs) await appendAudit(trx, clerk, input);
      });
    const before = await countEntries(engine.db);
    await append({ action: 'test.thing.create', targetType: 'thing', targetId: 't1', summary: { name: '第一件', tags: ['a', 'b'] } });
    await append(
      { action: 'test.thing.update', summary: { before: { name: '第一件' }, after: { name: '第一件 (改)' } } },
      { action: 'test.thing.export', summary: { rows: 2 } },
    );
    await append({ action: 'test.thing.delete', result: 'failure', summary: { reason: 'in use' } });
    await append({ action: 'test.thing.read' });
    await sealAudit(engine.db);
    seqs = [1, 2, 3, 4, 5].map((i) => before + i);
    total = before + 5;
  });
  afterAll(() => engine.close());

  /** Runs `change` and the verification in one transaction that is then rolled back, so every test sees the intact chain. */
  async function verifyAfter(change: (trx: Kysely<Database>) => Promise<unknown>, anchor?: AuditHead): Promise<VerifyResult> {
    let result: VerifyResult | undefined;
    await engine.db
      .transaction()
      .execute(async (trx) => {
        await change(trx);
        result = await verifyAuditChain(trx, anchor ? { anchor } : {});
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
    if (!result) throw new Error('verification did not run');
    return result;
  }
  const seqAt = (i: number) => seqs[i] ?? Number.NaN;

  test('entries appended in several transactions form an intact chain', async () => {
    const rows = await engine.db.selectFrom('kernel.auditLog').selectAll().orderBy('seq').execute();
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows[0]?.prevHash).toBe(GENESIS_HASH);
    rows.slice(1).forEach((r, i) => expect(r.prevHash).toBe(rows[i]?.hash));
    expect(rows.find((r) => r.seq === seqAt(3))).toMatchObject({
      action: 'test.thing.delete',
      result: 'failure',
      actorName: 'clerk',
      requestId: 'req-audit-test',
    });
    expect(await verifyAuditChain(engine.db)).toEqual({ ok: true, checked: total });
  });

  test('the chain is walked across batch boundaries', async () => {
    expect(await verifyAuditChain(engine.db, { batch: 2 })).toEqual({ ok: true, checked: total });
  });

  test('an entry of a rolled-back transaction disappears with it and leaves the chain intact', async () => {
    await expect(
      engine.db.transaction().execute(async (trx) => {
        await appendAudit(trx, clerk, { action: 'test.thing.create' });
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    expect(await countEntries(engine.db)).toBe(total);
    expect(await verifyAuditChain(engine.db)).toEqual({ ok: true, checked: total });
  });

  test('changing the summary of an entry is reported at that entry', async () => {
    const seq = seqAt(1);
    const result = await verifyAfter((trx) =>
      sql`update kernel.audit_log set summary = '{"before":{"name":"第一件"},"after":{"name":"别的"}}' where seq = ${seq}`.execute(trx),
    );
    expect(result).toEqual({ ok: false, checked: seq - 1, brokenAt: seq, reason: `第 ${seq} 条的内容与其哈希不符 (记录被修改)` });
  });

  test('changing the actor of an entry is reported at that entry', async () => {
    const seq = seqAt(0);
    const result = await verifyAfter((trx) => sql`update kernel.audit_log set actor_name = 'someone-else' where seq = ${seq}`.execute(trx));
    expect(result).toMatchObject({ ok: false, brokenAt: seq, reason: `第 ${seq} 条的内容与其哈希不符 (记录被修改)` });
  });

  test('an edit whose hash was recomputed is caught by the link of the next entry', async () => {
    const seq = seqAt(2);
    const result = await verifyAfter(async (trx) => {
      const row = await trx.selectFrom('kernel.auditLog').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();
      const { prevHash, hash: _hash, id: _id, ...fields } = { ...row, seq, at: new Date(row.at).toISOString(), summary: { rows: 0 } };
      await trx
        .updateTable('kernel.auditLog')
        .set({ summary: JSON.stringify(fields.summary), hash: entryHash(prevHash ?? '', fields) })
        .where('seq', '=', seq)
        .execute();
    });
    expect(result).toMatchObject({ ok: false, brokenAt: seq + 1, reason: `第 ${seq + 1} 条的前序哈希与第 ${seq} 条不符` });
  });

  test('deleting an entry in the middle is reported as missing', async () => {
    const seq = seqAt(2);
    const result = await verifyAfter((trx) => trx.deleteFrom('kernel.auditLog').where('seq', '=', seq).execute());
    expect(result).toEqual({ ok: false, checked: seq - 1, brokenAt: seq, reason: `第 ${seq} 条缺失 (下一条为第 ${seq + 1} 条)` });
  });

  // Without an anchor a cut tail leaves a valid shorter chain; the head kept outside the database (a signed
  // file, audit/anchor.ts, written every minute and on shutdown) reveals it.
  test('deleting the newest entries is detected against the anchor kept outside the database', async () => {
    const anchor = await auditHead(engine.db);
    if (!anchor) throw new Error('empty chain');
    const result = await verifyAfter((trx) => trx.deleteFrom('kernel.auditLog').where('seq', '>=', seqAt(3)).execute(), anchor);
    expect(result).toMatchObject({ ok: false, brokenAt: seqAt(3) });
    expect(result.reason).toContain('最新的记录被删除');
    expect(await verifyAfter(() => Promise.resolve(), anchor)).toMatchObject({ ok: true });
  });

  // Issue #11 item 5 changes this: the anchor was an HMAC under the data key kept beside the data; it is now signed
  // with an SM2 key pair (ADR 0019) — the public half verifies, only the private half signs.
  test('the anchor file is signed with an SM2 key: an edited or foreign anchor is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sifa-anchor-'));
    const file = join(dir, 'audit-anchor.json');
    const signer = auditSigner(generateAuditKeyPair().privatePem);
    const other = auditSigner(generateAuditKeyPair().privatePem);
    writeAnchor(file, signer, { seq: 42, hash: 'a'.repeat(64) });
    expect(readAnchor(file, signer.publicKey)).toMatchObject({ seq: 42, hash: 'a'.repeat(64) });
    expect(() => readAnchor(file, other.publicKey)).toThrow(/SM2 签名不符/);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"seq":42', '"seq":41'));
    expect(() => readAnchor(file, signer.publicKey)).toThrow(AnchorTamperedError);
    rmSync(dir, { recursive: true, force: true });
  });

  // BUG: appendAudit (audit.ts:88-92) hashes canonicalJson(summary) but stores JSON.stringify(summary). The two
  // differ for values JSON serialises through toJSON (a Date is stored as a string; canonicalJson turns it into
  // "{}") and for undefined inside arrays (stored as null; canonicalJson leaves nothing), so an honest entry
  // later reads as tampered. Fix: hash what is stored — normalise with
  // `const summary = JSON.parse(JSON.stringify(input.summary ?? {}))` before building `fields`.
  const appendAndSeal = (trx: Kysely<Database>, input: AuditInput) => appendAudit(trx, clerk, input).then(() => sealAudit(trx));

  test('an entry whose summary holds a Date still verifies', async () => {
    const result = await verifyAfter((trx) => appendAndSeal(trx, { action: 'test.user.lock', summary: { lockedUntil: new Date('2026-03-01T08:00:00Z') } }));
    expect(result).toEqual({ ok: true, checked: total + 1 });
  });

  test('an entry whose summary holds an undefined array item still verifies', async () => {
    const result = await verifyAfter((trx) => appendAndSeal(trx, { action: 'test.thing.update', summary: { changed: ['name', undefined] } }));
    expect(result).toEqual({ ok: true, checked: total + 1 });
  });

  test('an entry not yet sealed is counted apart, and sealing chains it in the order of writing', async () => {
    await engine.db.transaction().execute((trx) => appendAudit(trx, clerk, { action: 'test.thing.first' }));
    await engine.db.transaction().execute((trx) => appendAudit(trx, clerk, { action: 'test.thing.second' }));
    expect(await verifyAuditChain(engine.db)).toEqual({ ok: true, checked: total, unsealed: 2 });
    expect(await sealAudit(engine.db)).toBe(2);
    total += 2;
    const last = await engine.db
      .selectFrom('kernel.auditLog')
      .select(['seq', 'action'])
      .where('seq', '>', total - 2)
      .orderBy('seq')
      .execute();
    expect(last).toEqual([
      { seq: total - 1, action: 'test.thing.first' },
      { seq: total, action: 'test.thing.second' },
    ]);
    expect(await auditHead(engine.db)).toMatchObject({ seq: total });
    expect(await verifyAuditChain(engine.db)).toEqual({ ok: true, checked: total });
  });

  test('concurrent writers and concurrent sealers (a connection pool on PostgreSQL) still form one unbroken chain', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        engine.db
          .transaction()
          .execute((trx) => appendAudit(trx, clerk, { action: 'test.thing.parallel', summary: { i } }))
          .then(() => (i % 3 === 0 ? sealAudit(engine.db) : 0)),
      ),
    );
    await Promise.all([sealAudit(engine.db), sealAudit(engine.db)]);
    total += 12;
    expect(await countEntries(engine.db)).toBe(total);
    expect(await verifyAuditChain(engine.db)).toEqual({ ok: true, checked: total });
  });

  test('sealing works through batches', async () => {
    await engine.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 5; i++) await appendAudit(trx, clerk, { action: 'test.thing.batch', summary: { i } });
    });
    expect(await sealAudit(engine.db, 2)).toBe(5);
    total += 5;
    expect(await verifyAuditChain(engine.db, { batch: 3 })).toEqual({ ok: true, checked: total });
  });

  test('appending outside a transaction is refused and writes nothing', async () => {
    await expect(appendAudit(engine.db, clerk, { action: 'test.thing.create' })).rejects.toThrow('appendAudit must run inside a transaction');
    expect(await countEntries(engine.db)).toBe(total);
  });
});
