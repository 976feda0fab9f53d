import Database from 'better-sqlite3';

/**
 * H3: the storage failures a person can act on, as our error codes: another writer holds the lock
 * (SQLITE_BUSY, try again soon) or the disk is full (SQLITE_FULL, an administrator must free space).
 * Anything else is not ours to explain and stays INTERNAL.
 */
export function storageErrorCode(e: unknown): 'DB_BUSY' | 'DISK_FULL' | null {
  if (!(e instanceof Database.SqliteError)) return null;
  if (e.code.startsWith('SQLITE_BUSY') || e.code.startsWith('SQLITE_LOCKED')) return 'DB_BUSY';
  if (e.code.startsWith('SQLITE_FULL')) return 'DISK_FULL';
  return null;
}
