import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (m = 19 MiB, t = 2, p = 1: the OWASP baseline).
export const hashPassword = (pw: string) => hash(pw);

export async function verifyPassword(stored: string, pw: string): Promise<boolean> {
  try {
    return await verify(stored, pw);
  } catch {
    return false;
  }
}

// Verified against when the user name does not exist, so a wrong name takes as long as a wrong password.
let dummy: Promise<string> | undefined;
export const dummyVerify = async (pw: string) => {
  dummy ??= hashPassword('not-a-real-password-Aa1!');
  await verifyPassword(await dummy, pw);
};
