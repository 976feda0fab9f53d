import { secretMatches, unmatchableHash } from '../secrets/scrypt-hash';
import type { Db } from '../../db/open';

/** The settings key of the admin password's salted scrypt hash (G7). */
export const ADMIN_PASSWORD_KEY = 'adminPassword';

/**
 * G7: the one admin password of the hub, kept only as a salted scrypt hash in `settings`
 * (as officers' PINs are). Without one the hub is not set up (C1).
 */
export function createAdminPassword(db: Db) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const put = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  return {
    exists: (): boolean => get.get(ADMIN_PASSWORD_KEY) !== undefined,
    /** Stores an already hashed password (hash outside the write transaction: scrypt is slow). */
    saveHash(hash: string): void {
      put.run(ADMIN_PASSWORD_KEY, hash);
    },
    verify(password: string): boolean {
      const stored = get.get(ADMIN_PASSWORD_KEY)?.value;
      if (stored === undefined) {
        secretMatches(password, unmatchableHash());
        return false;
      }
      return secretMatches(password, stored);
    },
  };
}
export type AdminPassword = ReturnType<typeof createAdminPassword>;
