import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id (the library's default algorithm) with the OWASP minimum: m=19 MiB, t=2, p=1. Passwords are NFC-normalised
 * first, so "Mật khẩu" typed on any keyboard hashes the same.
 */
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password.normalize('NFC'));
  } catch {
    return false;
  }
}

/** A hash to verify against when the username does not exist, so timing does not reveal which usernames exist. */
export const DUMMY_HASH_PROMISE = hashPassword('congxa-dummy-password');
