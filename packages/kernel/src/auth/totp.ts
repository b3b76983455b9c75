import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP, HMAC-SHA1, 6 digits, 30 s): what every authenticator
 * app (微信/支付宝小程序, Google/Microsoft Authenticator, FreeOTP) reads from an `otpauth://` QR code. The shared secret
 * is the cryptographic half of the two factors GB/T 22239-2019 8.1.4.1 身份鉴别 asks of level 3 (ADR 0020).
 */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Codes of the step before and after the current one are accepted: phones' clocks drift. */
const WINDOW = 1;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(buf: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET.charAt((value >>> (bits - 5)) & 31);
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET.charAt((value << (5 - bits)) & 31);
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error(`不是 base32 字符：${ch}`);
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new secret of 160 bits (RFC 4226 section 4 recommends at least 128, the HMAC-SHA1 output size is 160). */
export const newTotpSecret = () => base32Encode(randomBytes(20));

export const totpStep = (at: Date) => Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);

/** The HOTP value of one counter step (RFC 4226 section 5.3, dynamic truncation). */
export function hotp(secret: Buffer, step: number, digits = TOTP_DIGITS): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const bin = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(bin).padStart(digits, '0');
}

export const totpAt = (secretBase32: string, at: Date) => hotp(base32Decode(secretBase32), totpStep(at));

/**
 * The step a code belongs to, when it is valid now (± one step) and newer than `lastStep`: a code once used,
 * or an older one, cannot be replayed.
 */
export function matchTotp(secretBase32: string, code: string, at: Date, lastStep: number | null): number | undefined {
  const given = Buffer.from(code.trim());
  const secret = base32Decode(secretBase32);
  const now = totpStep(at);
  for (let step = now - WINDOW; step <= now + WINDOW; step++) {
    if (lastStep !== null && step <= lastStep) continue;
    const want = Buffer.from(hotp(secret, step));
    if (want.length === given.length && timingSafeEqual(want, given)) return step;
  }
  return undefined;
}

/** The URI an authenticator app reads from the enrolment QR code (Key Uri Format). */
export function otpauthUri(secretBase32: string, account: string, issuer: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const q = new URLSearchParams({ secret: secretBase32, issuer, algorithm: 'SHA1', digits: String(TOTP_DIGITS), period: String(TOTP_PERIOD_SECONDS) });
  return `otpauth://totp/${label}?${q.toString()}`;
}

// No 0/o, 1/l/i: a code read from paper must be typed without guessing.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;
/** A recovery code as typed: two groups of five, the hyphen optional. */
export const RECOVERY_CODE = /^[a-z2-9]{5}-?[a-z2-9]{5}$/i;

/** Ten single-use recovery codes (`xxxxx-xxxxx`, ~49 bits each), shown once and stored only as digests. */
export function newRecoveryCodes(): string[] {
  const one = () => Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const c = one();
    return `${c.slice(0, 5)}-${c.slice(5)}`;
  });
}

/** The stored digest of a recovery code: SM3 over the account and the code without its hyphen, lower case. */
export const recoveryCodeHash = (userId: string, code: string) =>
  createHash('sm3')
    .update(`${userId}:${code.trim().toLowerCase().replace('-', '')}`)
    .digest('hex');
