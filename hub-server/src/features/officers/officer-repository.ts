import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { DomainError, foldVi, type Officer } from '@luot/shared';
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

type OfficerRow = { id: number; name: string; pin_hash: string };

/** A name as typed, case and spacing aside (diacritics kept). */
const caseless = (name: string): string => name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Q26: the one officer a typed name can mean: the name itself; else the only officer whose name
 * is the same but for case and spacing; else the only one whose name folds alike (no diacritics,
 * typed on a keyboard without Vietnamese input: "nguyen van an" for "Nguyễn Văn An"). Two
 * officers who fold alike ("Nguyễn Văn An", "Nguyễn Văn Ân") are told apart only by diacritics.
 */
function matchName(typed: string, exact: OfficerRow | undefined, all: () => OfficerRow[]): OfficerRow | undefined {
  if (exact) return exact;
  const officers = all();
  for (const key of [caseless, foldVi]) {
    const wanted = key(typed);
    const hits = officers.filter((o) => key(o.name) === wanted);
    if (hits.length === 1) return hits[0];
    if (hits.length > 1) return undefined;
  }
  return undefined;
}

/** Officers sign in with a name and a PIN; only a salted scrypt hash of the PIN is stored. */
export function createOfficerRepository(db: Db) {
  // Made now, not on the first unknown name, which would then take twice as long.
  unknownNameHash();
  const insert = db.prepare('INSERT INTO officers (name, pin_hash, created_at) VALUES (?, ?, ?)');
  const byName = db.prepare<[string], OfficerRow>('SELECT id, name, pin_hash FROM officers WHERE name = ?');
  const allOfficers = db.prepare<[], OfficerRow>('SELECT id, name, pin_hash FROM officers');
  const byId = db.prepare<[number], Officer>('SELECT id, name FROM officers WHERE id = ?');
  return {
    add(name: string, pin: string, now: number): Officer {
      if (byName.get(name)) throw new DomainError('BAD_REQUEST', `officer "${name}" exists`);
      const id = Number(insert.run(name, hashPin(pin), now).lastInsertRowid);
      return { id, name };
    },
    verify(name: string, pin: string): Officer | null {
      const row = matchName(name, byName.get(name), () => allOfficers.all());
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
