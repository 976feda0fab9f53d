import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { DomainError, type Officer } from '@luot/shared';
import type { Db } from '../../db/open';

function hashPin(pin: string, salt = randomBytes(16)): string {
  return `${salt.toString('hex')}:${scryptSync(pin, salt, 32).toString('hex')}`;
}

function pinMatches(pin: string, stored: string): boolean {
  const [salt, hash] = stored.split(':');
  if (!salt || !hash) return false;
  const actual = scryptSync(pin, Buffer.from(salt, 'hex'), 32);
  return timingSafeEqual(actual, Buffer.from(hash, 'hex'));
}

/**
 * L4: what an unknown name is checked against, so it costs the same scrypt work as a wrong PIN and
 * the answer's timing does not tell which names exist. No PIN matches it (made once, random).
 */
let dummyHash: string | undefined;
const unknownNameHash = (): string => (dummyHash ??= hashPin(randomBytes(16).toString('hex')));

/** Officers sign in with a name and a PIN; only a salted scrypt hash of the PIN is stored. */
export function createOfficerRepository(db: Db) {
  // Made now, not on the first unknown name, which would then take twice as long.
  unknownNameHash();
  const insert = db.prepare('INSERT INTO officers (name, pin_hash, created_at) VALUES (?, ?, ?)');
  const byName = db.prepare<[string], { id: number; name: string; pin_hash: string }>(
    'SELECT id, name, pin_hash FROM officers WHERE name = ?',
  );
  const byId = db.prepare<[number], Officer>('SELECT id, name FROM officers WHERE id = ?');
  return {
    add(name: string, pin: string, now: number): Officer {
      if (byName.get(name)) throw new DomainError('BAD_REQUEST', `officer "${name}" exists`);
      const id = Number(insert.run(name, hashPin(pin), now).lastInsertRowid);
      return { id, name };
    },
    verify(name: string, pin: string): Officer | null {
      const row = byName.get(name);
      if (!row) {
        pinMatches(pin, unknownNameHash());
        return null;
      }
      return pinMatches(pin, row.pin_hash) ? { id: row.id, name: row.name } : null;
    },
    get: (id: number): Officer | null => byId.get(id) ?? null,
  };
}
export type OfficerRepository = ReturnType<typeof createOfficerRepository>;
