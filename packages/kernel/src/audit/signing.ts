import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

/**
 * The SM2 key pair (GB/T 32918, signature with SM3) that signs the audit anchor (ADR 0019). The private half
 * stays outside the data directory (environment or a file only the service account reads); the public half is
 * all a verifier needs, so an auditor can check a copy of the data without being able to forge an anchor.
 *
 * Node's OpenSSL 3 signs true SM2 (with the default distinguishing ID) only with keys loaded from PEM/DER: a key
 * object fresh from generateKeyPairSync is an ordinary EC key and would make an ECDSA signature over the SM2
 * curve. Every key is therefore (re)loaded from its PEM text here.
 */
export interface AuditSigner {
  /** Signature of `data`, base64 (DER-encoded SM2 signature). */
  sign(data: string): string;
  readonly publicKey: AuditPublicKey;
}

export interface AuditPublicKey {
  verify(data: string, signature: string): boolean;
  /** SM3 of the public key (SubjectPublicKeyInfo DER), first 16 hex digits: names the key in messages and files. */
  readonly fingerprint: string;
  readonly pem: string;
}

export class AuditKeyError extends Error {
  override name = 'AuditKeyError';
}

// The SM2 curve's OID 1.2.156.10197.1.301 as DER. Node reports a key read from PEM with this curve as of no known
// type (OpenSSL's own SM2 type), so the key's SubjectPublicKeyInfo is looked at instead.
const SM2_CURVE_OID = Buffer.from('06082a811ccf5501822d', 'hex');
const isSm2 = (k: KeyObject) => {
  const spki = (k.type === 'private' ? createPublicKey(k) : k).export({ type: 'spki', format: 'der' });
  return spki.includes(SM2_CURVE_OID);
};

/** A new key pair as PEM text: PKCS#8 private key, SPKI public key (`openssl genpkey -algorithm SM2` makes the same). */
export function generateAuditKeyPair(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'SM2' });
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** The verifying half from its PEM text (SPKI), or from a private key's PEM (its public half). */
export function auditPublicKey(pem: string, source = '审计签名公钥'): AuditPublicKey {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (e) {
    throw new AuditKeyError(`${source} 无法读取 (应为 PEM 格式的 SM2 公钥)：${(e as Error).message}`);
  }
  if (!isSm2(key)) throw new AuditKeyError(`${source} 不是 SM2 密钥 (应由 npm run audit:keygen 或 openssl genpkey -algorithm SM2 生成)`);
  const spkiPem = key.export({ type: 'spki', format: 'pem' }).toString();
  // reloaded from PEM: see above
  const loaded = createPublicKey(spkiPem);
  const fingerprint = createHash('sm3')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
  return {
    fingerprint,
    pem: spkiPem,
    verify(data, signature) {
      try {
        return verify('sm3', Buffer.from(data), loaded, Buffer.from(signature, 'base64'));
      } catch {
        return false;
      }
    },
  };
}

/** The signing half from its PEM text (PKCS#8, or the SEC1 `EC PRIVATE KEY` openssl writes). */
export function auditSigner(pem: string, source = '审计签名私钥'): AuditSigner {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (e) {
    throw new AuditKeyError(`${source} 无法读取 (应为 PEM 格式的 SM2 私钥)：${(e as Error).message}`);
  }
  if (!isSm2(key)) throw new AuditKeyError(`${source} 不是 SM2 密钥 (应由 npm run audit:keygen 或 openssl genpkey -algorithm SM2 生成)`);
  const loaded = createPrivateKey(key.export({ type: 'pkcs8', format: 'pem' }).toString());
  const publicKey = auditPublicKey(createPublicKey(loaded).export({ type: 'spki', format: 'pem' }).toString(), source);
  return { publicKey, sign: (data) => sign('sm3', Buffer.from(data), loaded).toString('base64') };
}
