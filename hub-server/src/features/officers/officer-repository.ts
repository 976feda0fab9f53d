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

/** Officers sign in with a name and a PIN; only a salted scrypt hash of the PIN is stored. */
export function createOfficerRepository(db: Db) {
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
      return row && pinMatches(pin, row.pin_hash) ? { id: row.id, name: row.name } : null;
    },
    get: (id: number): Officer | null => byId.get(id) ?? null,
  };
}
export type OfficerRepository = ReturnType<typeof createOfficerRepository>;
