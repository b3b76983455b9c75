import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { createFieldCrypto, DecryptError, maskIdNumber, maskPhone, resolveDataKey } from './crypto';

const keyA = Buffer.alloc(32, 0xa1);
const keyB = Buffer.alloc(32, 0xb2);
const AAD = 'kernel.parties/2f4c6a1e-0000-4000-8000-000000000001/idNumber';

/** The token with one byte of its payload changed. */
function tamper(token: string, at: number): string {
  const [v, k, body = ''] = token.split('.');
  const raw = Buffer.from(body, 'base64url');
  const i = at % raw.length;
  raw[i] = (raw[i] ?? 0) ^ 0x01;
  return `${v ?? ''}.${k ?? ''}.${raw.toString('base64url')}`;
}

describe('field encryption (SM4 with integrity)', () => {
  const pii = createFieldCrypto(keyA);

  test('what is encrypted decrypts to the same text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ maxLength: 40 }), (plain, aad) => {
        expect(pii.decrypt(pii.encrypt(plain, aad), aad)).toBe(plain);
      }),
      { numRuns: 200 },
    );
    expect(pii.decrypt(pii.encrypt('36070219900101003X', AAD), AAD)).toBe('36070219900101003X');
  });

  test('the ciphertext names its format and key and hides the value; the same value encrypts differently each time', () => {
    const a = pii.encrypt('13907970001', AAD);
    const b = pii.encrypt('13907970001', AAD);
    expect(a).toMatch(new RegExp(`^v[12]\\.${pii.keyId}\\.[\\w-]+$`));
    expect(a).not.toContain('13907970001');
    expect(a).not.toBe(b);
  });

  test('a changed byte anywhere in the ciphertext is detected', () => {
    const token = pii.encrypt('36070219900101003X', AAD);
    fc.assert(
      fc.property(fc.nat(), (at) => {
        expect(() => pii.decrypt(tamper(token, at), AAD)).toThrow(DecryptError);
      }),
      { numRuns: 200 },
    );
  });

  test('a ciphertext moved to another row or column does not decrypt', () => {
    const token = pii.encrypt('36070219900101003X', AAD);
    expect(() => pii.decrypt(token, AAD.replace('idNumber', 'phone'))).toThrow('完整性校验失败');
    expect(() => pii.decrypt(token, AAD.replace('0001', '0002'))).toThrow('完整性校验失败');
  });

  test('a ciphertext written under another key names that key; the old key still reads it once listed', () => {
    const old = createFieldCrypto(keyB);
    const token = old.encrypt('13907970001', AAD);
    expect(() => pii.decrypt(token, AAD)).toThrow(`该数据由密钥 ${old.keyId} 加密`);
    expect(createFieldCrypto(keyA, { previousKeys: [keyB] }).decrypt(token, AAD)).toBe('13907970001');
  });

  test('malformed tokens and unknown versions are refused with a reason', () => {
    expect(() => pii.decrypt('not-a-token', AAD)).toThrow('密文格式不正确');
    expect(() => pii.decrypt(`v9.${pii.keyId}.AAAA`, AAD)).toThrow('不支持的密文版本 v9');
    expect(() => pii.decrypt(`v1.${pii.keyId}.AAAA`, AAD)).toThrow('密文长度不正确');
  });

  test('the v1 format (SM4-CBC + HMAC-SM3) can always be written and read', () => {
    const v1 = createFieldCrypto(keyA, { write: 'v1' });
    const token = v1.encrypt('港澳居民 H12345678', AAD);
    expect(token.startsWith('v1.')).toBe(true);
    expect(pii.decrypt(token, AAD)).toBe('港澳居民 H12345678');
  });

  test('a master key of the wrong length is refused', () => {
    expect(() => createFieldCrypto(Buffer.alloc(16))).toThrow('数据密钥应为 32 字节，现为 16 字节');
  });
});

describe('blind index (HMAC-SM3)', () => {
  test('is stable for one key, differs between keys and between domains, and does not contain the value', () => {
    const a1 = createFieldCrypto(keyA).blindIndex('id', '36070219900101003X');
    expect(createFieldCrypto(keyA).blindIndex('id', '36070219900101003X')).toBe(a1);
    expect(createFieldCrypto(keyB).blindIndex('id', '36070219900101003X')).not.toBe(a1);
    expect(createFieldCrypto(keyA).blindIndex('phone', '36070219900101003X')).not.toBe(a1);
    expect(a1).toMatch(/^[0-9a-f]{64}$/);
  });

  test('different values give different indexes', () => {
    const pii = createFieldCrypto(keyA);
    fc.assert(
      fc.property(fc.string(), fc.string(), (x, y) => {
        fc.pre(x !== y);
        expect(pii.blindIndex('id', x)).not.toBe(pii.blindIndex('id', y));
      }),
    );
  });
});

describe('resolveDataKey', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = mkdtempSync(join(tmpdir(), 'sifa-key-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  test('SIFA_DATA_KEY wins over the data directory and writes no file', () => {
    const hex = randomBytes(32).toString('hex');
    const dir = tmp();
    const r = resolveDataKey({ env: { SIFA_DATA_KEY: hex }, dataDir: dir });
    expect(r).toMatchObject({ source: 'env', generated: false });
    expect(r.key.toString('hex')).toBe(hex);
    expect(() => statSync(join(dir, 'secret.key'))).toThrow();
  });

  test('a malformed SIFA_DATA_KEY is refused with what is expected', () => {
    expect(() => resolveDataKey({ env: { SIFA_DATA_KEY: 'abc' }, dataDir: undefined })).toThrow(
      'SIFA_DATA_KEY 应为 64 位十六进制字符 (32 字节)，现为 3 个字符',
    );
  });

  test('a PostgreSQL server without SIFA_DATA_KEY is refused', () => {
    expect(() => resolveDataKey({ env: { DATABASE_URL: 'postgres://x/y' }, dataDir: tmp() })).toThrow(
      '使用 PostgreSQL 服务器 (DATABASE_URL) 时必须设置环境变量 SIFA_DATA_KEY',
    );
  });

  test('the embedded default creates <dataDir>/secret.key with mode 0600, warns, and reuses it next time', () => {
    const dir = join(tmp(), 'nested');
    const warnings: string[] = [];
    const first = resolveDataKey({ env: {}, dataDir: dir, warn: (m) => warnings.push(m) });
    const file = join(dir, 'secret.key');
    expect(first).toMatchObject({ source: 'file', generated: true, file });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.key.toString('hex'));
    expect(warnings[0]).toContain('已生成数据加密密钥');

    const second = resolveDataKey({ env: {}, dataDir: dir, warn: (m) => warnings.push(m) });
    expect(second).toMatchObject({ source: 'file', generated: false });
    expect(second.key.equals(first.key)).toBe(true);
    expect(warnings[1]).toContain('正式部署请改用环境变量 SIFA_DATA_KEY');
  });

  test('a damaged key file is reported, not replaced', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'secret.key'), 'garbage\n', { mode: 0o600 });
    expect(() => resolveDataKey({ env: {}, dataDir: dir })).toThrow('内容无效');
    expect(readFileSync(join(dir, 'secret.key'), 'utf8')).toBe('garbage\n');
  });
});

describe('masking', () => {
  test.each([
    ['360702199001010037', '3607**********0037'],
    ['E12345678', 'E1*****78'],
    ['12345678', '12****78'],
    ['H1234567890', 'H1*******90'],
    ['31360000MD0183456L', '3136**********456L'],
  ])('maskIdNumber(%s) = %s', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
  });

  test('maskPhone keeps the first 3 and last 4 digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
