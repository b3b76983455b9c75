import { describe, expect, test } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, newRecoveryCodes, otpauthUri, RECOVERY_CODE, recoveryCodeHash, totpAt, totpStep } from './totp';

// RFC 6238 appendix B, HMAC-SHA1 with the ASCII secret "12345678901234567890" and 8 digits.
const RFC_SECRET = Buffer.from('12345678901234567890');
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  test('matches the RFC 6238 test vectors', () => {
    for (const [seconds, code] of RFC_VECTORS) expect(hotp(RFC_SECRET, totpStep(new Date(seconds * 1000)), 8)).toBe(code);
  });

  test('base32 round-trips and reads the RFC secret as authenticator apps write it', () => {
    expect(base32Encode(RFC_SECRET)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq')).toEqual(RFC_SECRET);
  });

  test('a code is accepted in its step and the neighbouring ones, once, and never an older one', () => {
    const secret = base32Encode(RFC_SECRET);
    const at = new Date(1_700_000_000_000);
    const code = totpAt(secret, at);
    const step = totpStep(at);
    expect(matchTotp(secret, code, at, null)).toBe(step);
    expect(matchTotp(secret, code, new Date(at.getTime() + 30_000), null)).toBe(step);
    expect(matchTotp(secret, code, new Date(at.getTime() + 90_000), null)).toBeUndefined();
    expect(matchTotp(secret, code, at, step)).toBeUndefined();
  });

  test('the enrolment URI names the issuer and account and carries the secret', () => {
    expect(otpauthUri('ABCDEF', 'zhang', 'Sifa 司法行政')).toBe(
      'otpauth://totp/Sifa%20%E5%8F%B8%E6%B3%95%E8%A1%8C%E6%94%BF:zhang?secret=ABCDEF&issuer=Sifa+%E5%8F%B8%E6%B3%95%E8%A1%8C%E6%94%BF&algorithm=SHA1&digits=6&period=30',
    );
  });

  test('recovery codes: ten distinct, unambiguous, hashed the same with or without the hyphen', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(RECOVERY_CODE);
    expect(codes.join('')).not.toMatch(/[01ilo]/);
    const [first = ''] = codes;
    expect(recoveryCodeHash('u1', first.toUpperCase().replace('-', ''))).toBe(recoveryCodeHash('u1', first));
    expect(recoveryCodeHash('u2', first)).not.toBe(recoveryCodeHash('u1', first));
  });
});
