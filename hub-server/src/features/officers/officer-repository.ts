import { DomainError, foldVi, type Officer } from '@luot/shared';
import type { Db } from '../../db/open';
import { hashSecret, secretMatches, unmatchableHash } from '../secrets/scrypt-hash';

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
  unmatchableHash();
  const insert = db.prepare('INSERT INTO officers (name, pin_hash, created_at) VALUES (?, ?, ?)');
  const byName = db.prepare<[string], OfficerRow>('SELECT id, name, pin_hash FROM officers WHERE name = ?');
  const allOfficers = db.prepare<[], OfficerRow>('SELECT id, name, pin_hash FROM officers');
  const byId = db.prepare<[number], Officer>('SELECT id, name FROM officers WHERE id = ?');
  const listAll = db.prepare<[], { id: number; name: string; disabled_at: number | null }>(
    'SELECT id, name, disabled_at FROM officers ORDER BY name',
  );
  const disabledAt = db.prepare<[number], { disabled_at: number | null }>(
    'SELECT disabled_at FROM officers WHERE id = ?',
  );
  const setDisabledAt = db.prepare<[number | null, number]>('UPDATE officers SET disabled_at = ? WHERE id = ?');
  const setPinHash = db.prepare<[string, number]>('UPDATE officers SET pin_hash = ? WHERE id = ?');
  const renameOne = db.prepare<[string, number]>('UPDATE officers SET name = ? WHERE id = ?');
  const removeOne = db.prepare<[number]>('DELETE FROM officers WHERE id = ?');
  return {
    add(name: string, pin: string, now: number): Officer {
      if (byName.get(name)) throw new DomainError('BAD_REQUEST', `officer "${name}" exists`);
      const id = Number(insert.run(name, hashSecret(pin), now).lastInsertRowid);
      return { id, name };
    },
    verify(name: string, pin: string): Officer | null {
      const row = matchName(name, byName.get(name), () => allOfficers.all());
      if (!row) {
        secretMatches(pin, unmatchableHash());
        return null;
      }
      return secretMatches(pin, row.pin_hash) ? { id: row.id, name: row.name } : null;
    },
    get: (id: number): Officer | null => byId.get(id) ?? null,
    /** C6: every officer, by name, with whether their account is disabled (never the PIN hash). */
    list: (): { id: number; name: string; disabled: boolean }[] =>
      listAll.all().map((r) => ({ id: r.id, name: r.name, disabled: r.disabled_at !== null })),
    /** C6: a disabled officer cannot sign in (OFFICER_DISABLED). */
    isDisabled: (id: number): boolean => (disabledAt.get(id)?.disabled_at ?? null) !== null,
    /** C6: disables (at `at`) or enables (null) an account; false when there is no such officer. */
    setDisabled: (id: number, at: number | null): boolean => setDisabledAt.run(at, id).changes > 0,
    /** C6: a new PIN (its salted scrypt hash); false when there is no such officer. */
    resetPin: (id: number, pin: string): boolean => setPinHash.run(hashSecret(pin), id).changes > 0,
    rename: (id: number, name: string): void => void renameOne.run(name, id),
    remove: (id: number): void => void removeOne.run(id),
  };
}
export type OfficerRepository = ReturnType<typeof createOfficerRepository>;
