import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { AuditKeyError, generateAuditKeyPair } from '@sifa/kernel';
import { auditAnchorCheckOf, auditAnchoringOf, devAuditKeyFile } from './audit-keys';
import { loadConfig } from './config';

// Issue #11 item 5: the anchor's key lay beside the data. ADR 0019: production brings an SM2 key kept elsewhere;
// the demo makes a development key outside the data directory and says so.
describe('the audit anchor signing key of a start', () => {
  let root: string;
  let home: string | undefined;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'sifa-keys-'));
    home = process.env.HOME;
    process.env.HOME = join(root, 'home');
  });
  afterEach(() => {
    process.env.HOME = home;
    rmSync(root, { recursive: true, force: true });
  });
  const config = (env: Record<string, string> = {}) => loadConfig({ SIFA_DATA_DIR: join(root, 'data'), ...env });
  const keyFile = (where: string, mode = 0o600) => {
    const file = join(root, where);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, generateAuditKeyPair().privatePem, { mode });
    chmodSync(file, mode);
    return file;
  };

  test('a demo start makes a development key in ~/.sifa, outside the data directory, once, and says so', () => {
    const log: string[] = [];
    const first = auditAnchoringOf(config(), (m) => log.push(m));
    expect(first).toMatchObject({
      source: 'dev',
      generated: true,
      keyFile: join(root, 'home', '.sifa', 'audit-dev-signing-key.pem'),
      file: join(root, 'data', 'audit-anchor.json'),
    });
    expect(devAuditKeyFile()).toBe(first.keyFile);
    expect(statSync(devAuditKeyFile()).mode & 0o777).toBe(0o600);
    expect(log).toEqual([expect.stringMatching(/^已生成开发用审计签名密钥 .*仅供演示；正式部署须设置 SIFA_AUDIT_SIGNING_KEY_FILE/)]);
    const again = auditAnchoringOf(config());
    expect(again).toMatchObject({ source: 'dev', generated: false });
    expect(again.publicKey.fingerprint).toBe(first.publicKey.fingerprint);
    expect(auditAnchorCheckOf(config()).publicKey.fingerprint).toBe(first.publicKey.fingerprint);
  });

  test.each([
    ['NODE_ENV=production', { NODE_ENV: 'production' }],
    ['SIFA_SEED_DEMO=false', { SIFA_SEED_DEMO: 'false' }],
    ['DATABASE_URL', { DATABASE_URL: 'postgres://x/y', SIFA_AUDIT_ANCHOR_FILE: '/var/lib/sifa/audit-anchor.json' }],
  ])('production (%s) refuses to start without a key, saying how to make one', (_name, env) => {
    expect(() => auditAnchoringOf(config(env))).toThrow(AuditKeyError);
    expect(() => auditAnchoringOf(config(env))).toThrow(/正式部署须提供审计锚点的 SM2 签名私钥.*npm run audit:keygen/);
  });

  test('PostgreSQL needs the anchor file named', () => {
    const key = keyFile('etc/key.pem');
    expect(() => auditAnchoringOf(config({ DATABASE_URL: 'postgres://x/y', SIFA_AUDIT_SIGNING_KEY_FILE: key }))).toThrow('必须设置 SIFA_AUDIT_ANCHOR_FILE');
  });

  test('a key file outside the data directory, 0600, is used as it is', () => {
    const key = keyFile('etc/key.pem');
    expect(auditAnchoringOf(config({ NODE_ENV: 'production', SIFA_AUDIT_SIGNING_KEY_FILE: key }))).toMatchObject({
      source: 'file',
      keyFile: key,
      generated: false,
    });
  });

  test('a key file inside the data directory is refused', () => {
    const key = keyFile('data/audit-key.pem');
    expect(() => auditAnchoringOf(config({ SIFA_AUDIT_SIGNING_KEY_FILE: key }))).toThrow(`审计签名私钥 ${key} 位于数据目录 ${join(root, 'data')} 之内`);
  });

  test('a key file others can read is refused with the chmod that fixes it (mode bits: also as root)', () => {
    const key = keyFile('etc/key.pem', 0o644);
    expect(() => auditAnchoringOf(config({ SIFA_AUDIT_SIGNING_KEY_FILE: key }))).toThrow(`请执行：chmod 600 '${key}'`);
  });

  test('the key may come from the environment as PEM text with \\n for line breaks', () => {
    const pem = generateAuditKeyPair().privatePem.replace(/\n/g, '\\n');
    expect(auditAnchoringOf(config({ NODE_ENV: 'production', SIFA_AUDIT_SIGNING_KEY: pem }))).toMatchObject({ source: 'env' });
  });

  test('a public key file that does not match the private key is refused', () => {
    const key = keyFile('etc/key.pem');
    const pub = join(root, 'etc', 'other.pub');
    writeFileSync(pub, generateAuditKeyPair().publicPem);
    expect(() => auditAnchoringOf(config({ SIFA_AUDIT_SIGNING_KEY_FILE: key, SIFA_AUDIT_PUBLIC_KEY_FILE: pub }))).toThrow('不是一对');
  });
});
