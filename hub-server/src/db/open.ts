import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIONS, type Migration } from './migrations/index';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the hub's database and brings its schema up to date.
 * WAL with synchronous=FULL: a committed change survives a power cut, so a number is never
 * handed out twice.
 */
export interface OpenOptions {
  migrations?: readonly Migration[];
  /**
   * How long one statement waits for another writer's lock. The `luot` command waits its 5 s;
   * the hub waits briefly and retries its action later (H3), so its event loop is never held.
   */
  busyTimeoutMs?: number;
}

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
  migrate(db, options.migrations ?? MIGRATIONS);
  return db;
}

function migrate(db: Db, migrations: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/**
 * A write transaction: BEGIN IMMEDIATE takes the write lock first, so a second writer (the `luot`
 * command, a backup) makes it wait under the busy timeout instead of failing half-way when a read
 * tries to become a write (SQLITE_BUSY). Nested calls become savepoints, as with db.transaction.
 */
export function writeTransaction<A extends unknown[], R>(db: Db, fn: (...args: A) => R): (...args: A) => R {
  const transaction = db.transaction(fn);
  return (...args) => transaction.immediate(...args);
}
