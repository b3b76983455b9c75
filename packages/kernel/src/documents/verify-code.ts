import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'; // RFC 4648 base32: no 0/1/8/9, nothing to misread when typed

/** RFC 4648 base32 without padding. */
export function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31] ?? '';
      bits -= 5;
    }
    value &= 0xff; // keep only the bits not yet emitted (at most 7 remain)
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31] ?? '';
  return out;
}

/** A new public verification code: 128 random bits, 26 base32 characters. */
export const newVerifyCode = (): string => base32(randomBytes(16));

const CODE = /^[A-Z2-7]{26}$/;

/** The code as stored, from what a person typed (any case, spaces or hyphens); undefined when it cannot be one. */
export function normalizeVerifyCode(raw: string): string | undefined {
  const code = raw.replace(/[\s-]/g, '').toUpperCase();
  return CODE.test(code) ? code : undefined;
}

/** The public page a QR code opens: `<public base URL>/verify/<code>`. */
export function verifyUrl(publicBaseUrl: string, code: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/verify/${encodeURIComponent(code)}`;
}
