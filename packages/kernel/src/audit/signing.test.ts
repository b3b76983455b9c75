import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { AuditKeyError, auditPublicKey, auditSigner, generateAuditKeyPair } from './signing';

const openssl = spawnSync('openssl', ['version']).status === 0;

describe('the audit anchor key pair (SM2, ADR 0019)', () => {
  test('the public half verifies what the private half signed, and nothing else', () => {
    const pair = generateAuditKeyPair();
    const signer = auditSigner(pair.privatePem);
    const pub = auditPublicKey(pair.publicPem);
    const sig = signer.sign('sifa/audit-anchor/v2\n42\nabc\n2026-12-06T00:00:00.000Z');
    expect(pub.fingerprint).toBe(signer.publicKey.fingerprint);
    expect(pub.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(pub.verify('sifa/audit-anchor/v2\n42\nabc\n2026-12-06T00:00:00.000Z', sig)).toBe(true);
    expect(pub.verify('sifa/audit-anchor/v2\n41\nabc\n2026-12-06T00:00:00.000Z', sig)).toBe(false);
    expect(auditPublicKey(generateAuditKeyPair().publicPem).verify('sifa/audit-anchor/v2\n42\nabc\n2026-12-06T00:00:00.000Z', sig)).toBe(false);
    expect(pub.verify('x', 'not base64 at all')).toBe(false);
  });

  test('a key that is not SM2 is refused with what to do', () => {
    const p256 = spawnSync(process.execPath, [
      '-e',
      "process.stdout.write(require('crypto').generateKeyPairSync('ec',{namedCurve:'P-256'}).privateKey.export({type:'pkcs8',format:'pem'}))",
    ]).stdout.toString();
    expect(() => auditSigner(p256)).toThrow(AuditKeyError);
    expect(() => auditSigner(p256)).toThrow('不是 SM2 密钥');
    expect(() => auditSigner('garbage')).toThrow('无法读取');
  });

  // A real SM2 signature (GB/T 32918, with the default distinguishing ID), not ECDSA over the SM2 curve: OpenSSL's
  // own SM2 verifier accepts it, and a key made by `openssl genpkey -algorithm SM2` signs for us.
  test.skipIf(!openssl)('signatures interoperate with openssl pkeyutl in both directions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sifa-sm2-'));
    try {
      const pair = generateAuditKeyPair();
      writeFileSync(join(dir, 'pub.pem'), pair.publicPem);
      writeFileSync(join(dir, 'msg'), 'sifa/audit-anchor/v2\n1\nff\nnow');
      writeFileSync(join(dir, 'sig'), Buffer.from(auditSigner(pair.privatePem).sign('sifa/audit-anchor/v2\n1\nff\nnow'), 'base64'));
      const verified = spawnSync(
        'openssl',
        ['pkeyutl', '-verify', '-rawin', '-digest', 'sm3', '-pubin', '-inkey', 'pub.pem', '-in', 'msg', '-sigfile', 'sig'],
        { cwd: dir },
      );
      expect(verified.stdout.toString()).toContain('Signature Verified Successfully');

      expect(spawnSync('openssl', ['genpkey', '-algorithm', 'SM2', '-out', 'key.pem'], { cwd: dir }).status).toBe(0);
      expect(
        spawnSync('openssl', ['pkeyutl', '-sign', '-rawin', '-digest', 'sm3', '-inkey', 'key.pem', '-in', 'msg', '-out', 'sig2'], { cwd: dir }).status,
      ).toBe(0);
      const theirs = auditSigner(spawnSync('cat', ['key.pem'], { cwd: dir }).stdout.toString());
      const sig2 = spawnSync('base64', ['-w0', 'sig2'], { cwd: dir }).stdout.toString();
      expect(theirs.publicKey.verify('sifa/audit-anchor/v2\n1\nff\nnow', sig2)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
