import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * A secret (an officer's PIN, the admin password) as it is stored: `salt:hash`, salted scrypt in
 * hex; the secret itself is never kept (L4, G7).
 */
export function hashSecret(secret: string, salt = randomBytes(16)): string {
  return `${salt.toString('hex')}:${scryptSync(secret.normalize('NFC'), salt, 32).toString('hex')}`;
}

/** Whether `secret` is the one `stored` was made from; a malformed `stored` matches nothing. */
export function secretMatches(secret: string, stored: string): boolean {
  const [salt, hash] = stored.split(':');
  if (!salt || !hash) return false;
  const expected = Buffer.from(hash, 'hex');
  const actual = scryptSync(secret.normalize('NFC'), Buffer.from(salt, 'hex'), 32);
  return expected.length === actual.length && timingSafeEqual(actual, expected);
}

/**
 * What an unknown name (or a missing password) is checked against, so that the answer costs the
 * same scrypt work as a wrong secret and its timing tells nothing (L4). No secret matches it.
 */
let dummy: string | undefined;
export const unmatchableHash = (): string => (dummy ??= hashSecret(randomBytes(16).toString('hex')));
