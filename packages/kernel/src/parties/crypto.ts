import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCipheriv, createDecipheriv, createHmac, getCiphers, hkdfSync, randomBytes, timingSafeEqual, type CipherGCMTypes } from 'node:crypto';

/*
 * Personal data at rest (GB/T 39786-2021 level 3, GB/T 35273-2020 §6.3): SM4 with integrity, and a blind index.
 *
 * Ciphertext format `<version>.<key id>.<base64url payload>`:
 *   v1  SM4-CBC (random IV) then HMAC-SM3 over version, key id, associated data, IV and ciphertext
 *       (encrypt-then-MAC); payload = IV(16) ‖ ciphertext ‖ MAC(32). Used because OpenSSL 3.0 as built into
 *       Node 20 has no sm4-gcm.
 *   v2  SM4-GCM (IV 12, tag 16); payload = IV ‖ ciphertext ‖ tag. Written when the runtime offers sm4-gcm.
 * Both decrypt wherever their cipher exists; the key id says which master key wrote a value, so keys can rotate
 * (pass the old keys as `previousKeys` while re-encrypting).
 *
 * The associated data binds a ciphertext to its row and column: copying one person's ciphertext onto another
 * row fails the integrity check instead of silently swapping identities.
 */

const SALT = Buffer.from('sifa/personal-data');
const derive = (master: Buffer, info: string, len: number) => Buffer.from(hkdfSync('sm3', master, SALT, info, len));

interface KeySet {
  id: string;
  enc: Buffer;
  mac: Buffer;
}

function keySet(master: Buffer): KeySet {
  if (master.length !== 32) throw new Error(`数据密钥应为 32 字节，现为 ${master.length} 字节`);
  return { id: derive(master, 'key-id', 4).toString('hex'), enc: derive(master, 'sm4/v1', 16), mac: derive(master, 'hmac-sm3/v1', 32) };
}

// @types/node lists only the AES GCM names; OpenSSL builds with SM4-GCM accept it the same way.
const SM4_GCM = 'sm4-gcm' as string as CipherGCMTypes;
const hasGcm = () => getCiphers().includes(SM4_GCM);

function header(version: string, keyId: string, aad: string): Buffer {
  const a = Buffer.from(aad, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(a.length);
  return Buffer.concat([Buffer.from(`${version}.${keyId}.`), len, a]);
}

/** Field encryption and blind indexing under one master key (plus older keys for reading). */
export interface FieldCrypto {
  /** Id of the current master key (8 hex characters), written into every ciphertext. */
  readonly keyId: string;
  encrypt(plain: string, aad: string): string;
  /** Throws when the value was changed, belongs to another row or column, or was written with an unknown key. */
  decrypt(token: string, aad: string): string;
  /**
   * HMAC-SM3 of a normalised value under a key of its own: equal values give equal indexes, nothing else does.
   * `otp` keys the hash of one-time codes: without the master key a stored hash cannot be tried against 10^6 codes.
   */
  blindIndex(domain: 'id' | 'phone' | 'otp', normalised: string): string;
}

export class DecryptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecryptError';
  }
}

export interface FieldCryptoOptions {
  /** Older master keys whose values can still be read (key rotation). */
  previousKeys?: readonly Buffer[];
  /** Format to write; defaults to v2 (SM4-GCM) where the runtime has it, else v1 (SM4-CBC + HMAC-SM3). */
  write?: 'v1' | 'v2';
}

export function createFieldCrypto(masterKey: Buffer, opts: FieldCryptoOptions = {}): FieldCrypto {
  const current = keySet(masterKey);
  const keys = new Map([current, ...(opts.previousKeys ?? []).map(keySet)].map((k) => [k.id, k]));
  const indexKey = derive(masterKey, 'blind-index/v1', 32);
  const writeVersion = opts.write ?? (hasGcm() ? 'v2' : 'v1');
  if (writeVersion === 'v2' && !hasGcm()) throw new Error('当前运行环境的 OpenSSL 不支持 sm4-gcm，不能以 v2 格式加密');

  function encrypt(plain: string, aad: string): string {
    const hdr = header(writeVersion, current.id, aad);
    if (writeVersion === 'v2') {
      const iv = randomBytes(12);
      const c = createCipheriv(SM4_GCM, current.enc, iv, { authTagLength: 16 });
      c.setAAD(hdr);
      const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `v2.${current.id}.${Buffer.concat([iv, ct, c.getAuthTag()]).toString('base64url')}`;
    }
    const iv = randomBytes(16);
    const c = createCipheriv('sm4-cbc', current.enc, iv);
    const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    const mac = createHmac('sm3', current.mac).update(hdr).update(iv).update(ct).digest();
    return `v1.${current.id}.${Buffer.concat([iv, ct, mac]).toString('base64url')}`;
  }

  function decrypt(token: string, aad: string): string {
    const [version, keyId, body, ...rest] = token.split('.');
    if (!version || !keyId || body === undefined || rest.length) throw new DecryptError('密文格式不正确');
    const k = keys.get(keyId);
    if (!k) throw new DecryptError(`该数据由密钥 ${keyId} 加密，而当前数据密钥为 ${current.id}：请检查 SIFA_DATA_KEY 是否与加密时一致`);
    const raw = Buffer.from(body, 'base64url');
    const hdr = header(version, keyId, aad);
    if (version === 'v1') {
      if (raw.length < 16 + 16 + 32) throw new DecryptError('密文长度不正确');
      const iv = raw.subarray(0, 16);
      const ct = raw.subarray(16, raw.length - 32);
      const mac = raw.subarray(raw.length - 32);
      const expected = createHmac('sm3', k.mac).update(hdr).update(iv).update(ct).digest();
      if (!timingSafeEqual(mac, expected)) throw new DecryptError('密文完整性校验失败：数据被改动，或不属于这条记录');
      const d = createDecipheriv('sm4-cbc', k.enc, iv);
      return Buffer.concat([d.update(ct), d.final()]).toString('utf8');
    }
    if (version === 'v2') {
      if (!hasGcm()) throw new DecryptError('该数据以 SM4-GCM 加密，而当前运行环境不支持 sm4-gcm');
      if (raw.length < 12 + 16) throw new DecryptError('密文长度不正确');
      const d = createDecipheriv(SM4_GCM, k.enc, raw.subarray(0, 12), { authTagLength: 16 });
      d.setAAD(hdr);
      d.setAuthTag(raw.subarray(raw.length - 16));
      try {
        return Buffer.concat([d.update(raw.subarray(12, raw.length - 16)), d.final()]).toString('utf8');
      } catch {
        throw new DecryptError('密文完整性校验失败：数据被改动，或不属于这条记录');
      }
    }
    throw new DecryptError(`不支持的密文版本 ${version}`);
  }

  const blindIndex = (domain: 'id' | 'phone' | 'otp', normalised: string) => createHmac('sm3', indexKey).update(`${domain}\0${normalised}`).digest('hex');

  const crypto: FieldCrypto = { keyId: current.id, encrypt, decrypt, blindIndex };
  specs.set(crypto, { masterKey: Buffer.from(masterKey), previousKeys: (opts.previousKeys ?? []).map((k) => Buffer.from(k)), write: writeVersion });
  return crypto;
}

/** How a FieldCrypto was made, so a worker thread can make the same one (party-prepare.ts); never enumerable on it. */
export interface FieldCryptoSpec {
  masterKey: Buffer;
  previousKeys: Buffer[];
  write: 'v1' | 'v2';
}
const specs = new WeakMap<FieldCrypto, FieldCryptoSpec>();
export const fieldCryptoSpec = (c: FieldCrypto): FieldCryptoSpec | undefined => specs.get(c);

export interface DataKey {
  key: Buffer;
  source: 'env' | 'file';
  /** True when this call created the key file: the operator must back it up. */
  generated: boolean;
  file?: string;
}

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const GENERATE_HINT = '可用 `openssl rand -hex 32` 生成';

/**
 * The master key for personal data. `SIFA_DATA_KEY` (64 hex characters) wins; with the embedded database the
 * key lives in `<dataDir>/secret.key` (created with mode 0600 on first start); a PostgreSQL server needs the
 * environment variable, since its data may be backed up and restored far from any local file.
 */
export function resolveDataKey(opts: { env: Record<string, string | undefined>; dataDir: string | undefined; warn?: (message: string) => void }): DataKey {
  const fromEnv = opts.env.SIFA_DATA_KEY?.trim();
  if (fromEnv) {
    if (!HEX_KEY.test(fromEnv)) throw new Error(`环境变量 SIFA_DATA_KEY 应为 64 位十六进制字符 (32 字节)，现为 ${fromEnv.length} 个字符；${GENERATE_HINT}`);
    return { key: Buffer.from(fromEnv, 'hex'), source: 'env', generated: false };
  }
  if (opts.env.DATABASE_URL) {
    throw new Error(
      `使用 PostgreSQL 服务器 (DATABASE_URL) 时必须设置环境变量 SIFA_DATA_KEY：64 位十六进制字符，${GENERATE_HINT}，并与数据库备份分开保管。` +
        '该密钥用于加密身份证号和手机号，没有它无法写入或读取这些数据。',
    );
  }
  if (!opts.dataDir) throw new Error(`未设置数据目录，也未设置 SIFA_DATA_KEY：无法取得数据加密密钥；请设置 SIFA_DATA_KEY (${GENERATE_HINT})`);
  const file = join(opts.dataDir, 'secret.key');
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  let generated = false;
  try {
    // 'wx': of two processes starting at once, one creates the key and the other reads it.
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    generated = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const text = readFileSync(file, 'utf8').trim();
  if (!HEX_KEY.test(text)) throw new Error(`数据密钥文件 ${file} 内容无效 (应为 64 位十六进制字符)；请从备份恢复该文件，或设置 SIFA_DATA_KEY`);
  if (generated) {
    opts.warn?.(
      `已生成数据加密密钥 ${file}。身份证号、手机号以此密钥加密，密钥丢失则这些数据无法恢复：请立即另行备份该文件；` +
        `正式部署请改用环境变量 SIFA_DATA_KEY，与数据分开保管。`,
    );
  } else {
    const loose = (statSync(file).mode & 0o077) !== 0;
    opts.warn?.(
      `数据加密密钥取自 ${file}，与数据位于同一目录${loose ? '，且该文件可被其他用户读取 (请执行 chmod 600)' : ''}；正式部署请改用环境变量 SIFA_DATA_KEY。`,
    );
  }
  return { key: Buffer.from(text, 'hex'), source: 'file', generated, file };
}

/** Masks a document number: first 4 and last 4 kept (`3607**********1237`); short numbers keep a quarter at each end. */
export function maskIdNumber(id: string): string {
  const keep = id.length >= 12 ? 4 : Math.max(1, Math.floor(id.length / 4));
  if (id.length <= keep * 2) return '*'.repeat(id.length);
  return `${id.slice(0, keep)}${'*'.repeat(id.length - keep * 2)}${id.slice(-keep)}`;
}

/** Masks an 11-digit mobile number: `138****5678`. */
export function maskPhone(phone: string): string {
  if (phone.length < 8) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}
