import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Db } from '../../db/open';
import {
  BackupError,
  checkDatabaseFile,
  localStamp,
  removeDatabaseFile,
  syncFile,
  type DatabaseCheck,
} from './backup-file';

const IN_USE =
  'Cơ sở dữ liệu đang được sử dụng: hub đang chạy trên tệp này (hoặc một lệnh luot khác đang mở nó). Hãy dừng hub trước khi khôi phục; không có gì bị thay đổi.';

/**
 * B6: takes the database file for this process alone, or says it is in use. Every connection in WAL
 * mode holds a shared lock on the file for as long as it is open (the hub from its first statement
 * on), so an exclusive lock is granted only when no hub or command has it open, and a hub that
 * starts meanwhile cannot open it. Returns the connection holding the lock (closing it releases
 * it), or null when the file is not a database SQLite can read (nothing could be running on it).
 */
function takeExclusive(path: string, waitMs: number): Db | null {
  const db = new Database(path, { fileMustExist: true, timeout: waitMs });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return db;
  } catch (e) {
    db.close();
    if (e instanceof Database.SqliteError && /^SQLITE_(BUSY|LOCKED)/.test(e.code)) throw new BackupError(IN_USE);
    return null;
  }
}

/** B6: refuses when a hub (or another command) has the database open; nothing is changed. */
export function assertNotInUse(target: string, waitMs = 500): void {
  if (!existsSync(target)) return;
  takeExclusive(target, waitMs)?.close();
}

export interface RestorePlan {
  source: string;
  target: string;
  /** The checked copy, next to the target, waiting to replace it. */
  staged: string;
  check: DatabaseCheck;
  /** Drops the staged copy: nothing was changed. */
  cancel(): void;
}

/**
 * B5: checks a backup before anything is replaced. The file is copied beside the target (so the
 * final rename is atomic and the operator's file is never touched) and the copy checked (B2);
 * a file that fails is refused with the reason and the copy removed: nothing changed.
 */
export async function prepareRestore(source: string, target: string, now: number): Promise<RestorePlan> {
  const from = resolve(source);
  const to = resolve(target);
  if (!existsSync(from) || !statSync(from).isFile()) throw new BackupError(`Không tìm thấy tệp sao lưu "${source}".`);
  if (from === to) throw new BackupError('Tệp sao lưu chính là cơ sở dữ liệu cần khôi phục.');
  const targetDirExisted = existsSync(dirname(to));
  mkdirSync(dirname(to), { recursive: true });
  const { date, time, seconds } = localStamp(now);
  const staged = join(dirname(to), `.${basename(to)}.restore-${date}-${time}${seconds}.partial`);
  const cancel = (): void => {
    removeDatabaseFile(staged);
    if (!targetDirExisted) {
      try {
        rmdirSync(dirname(to)); // only if still empty
      } catch {
        // Something is in it now: it stays.
      }
    }
  };
  try {
    removeDatabaseFile(staged);
    copyFileSync(from, staged);
    const check = await checkDatabaseFile(staged, { standalone: true });
    return { source: from, target: to, staged, check, cancel };
  } catch (e) {
    cancel();
    throw e;
  }
}

export interface RestoreResult {
  target: string;
  /** Where the database that was replaced is kept; null when there was none. */
  previous: string | null;
  check: DatabaseCheck;
}

/**
 * B5, B6: replaces the target with the staged copy. Under an exclusive lock (refused while a hub
 * has it open) the current database is checkpointed and copied to `<db>.before-restore-<time>`;
 * then the copy takes its place and stale -wal/-shm files go, so the next open (which runs any
 * newer migrations) sees only the restored data.
 */
export function commitRestore(plan: RestorePlan, now: number): RestoreResult {
  const { target, staged } = plan;
  let previous: string | null = null;
  try {
    if (existsSync(target)) {
      const { date, time, seconds } = localStamp(now);
      previous = `${target}.before-restore-${date}-${time}${seconds}`;
      const held = takeExclusive(target, 500);
      try {
        // The hub's last writes may still be in the WAL: fold them in so the kept copy has them.
        held?.pragma('wal_checkpoint(TRUNCATE)');
        copyFileSync(target, previous);
        if (!held && existsSync(`${target}-wal`)) copyFileSync(`${target}-wal`, `${previous}-wal`);
        syncFile(previous);
      } finally {
        held?.close();
      }
    }
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(target + suffix, { force: true });
    renameSync(staged, target);
    syncFile(target);
    return { target, previous, check: plan.check };
  } catch (e) {
    removeDatabaseFile(staged);
    throw e;
  }
}
