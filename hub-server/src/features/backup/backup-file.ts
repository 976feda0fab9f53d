import { VN_OFFSET_MS } from '@luot/shared';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Db } from '../../db/open';
import { storageErrorCode } from '../../db/storage-errors';
import { MIGRATIONS, type Migration } from '../../db/migrations/index';

/** A backup or a restore that cannot go on: the Vietnamese text says why, for the operator as it is. */
export class BackupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupError';
  }
}

/** What a checked copy holds (B2). */
export interface DatabaseCheck {
  /** Its schema version (`PRAGMA user_version`): at most the code's, older ones are migrated when opened. */
  userVersion: number;
  tickets: number;
  dossiers: number;
  bytes: number;
}

export interface BackupReport extends DatabaseCheck {
  file: string;
  /** How long the copy and its check took. */
  ms: number;
}

/** The newest schema this code knows. */
export const CODE_SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

/**
 * The tables a Lượt database has at a schema version: those its migrations up to it create and do
 * not drop. Read from the migrations themselves, so a new table is expected without editing this.
 */
export function expectedTables(version: number, migrations: readonly Migration[] = MIGRATIONS): Set<string> {
  const tables = new Set<string>();
  for (const m of migrations) {
    if (m.version > version) continue;
    for (const [, verb, name] of m.sql.matchAll(
      /\b(CREATE|DROP)\s+TABLE\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?["`]?(\w+)/gi,
    )) {
      if (verb!.toUpperCase() === 'CREATE') tables.add(name!);
      else tables.delete(name!);
    }
  }
  return tables;
}

const NOT_SQLITE = 'Tệp không phải là cơ sở dữ liệu SQLite hợp lệ, hoặc đã bị hỏng hay bị cắt cụt';

/** What the worker reads of a file; judged by checkDatabaseFile. */
interface FileFacts {
  /** The file could not be opened at all. */
  openError?: string;
  /** SQLite refused to read it (not a database, malformed). */
  readError?: string;
  integrity: string[];
  userVersion: number;
  tables: string[];
  tickets: number;
  dossiers: number;
}

/**
 * The worker that reads a file's facts. `integrity_check` reads every page: on a large database it
 * takes seconds, which the hub's event loop must not spend (B3), so it runs in a thread of its
 * own, on its own connection. Plain JavaScript, run from this string: the built hub is one file.
 */
const FACTS_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
function facts() {
  const Database = require(workerData.module);
  const out = { integrity: [], userVersion: 0, tables: [], tickets: 0, dossiers: 0 };
  let db;
  try {
    db = new Database(workerData.path, { fileMustExist: true, timeout: 5000 });
  } catch (e) {
    return { ...out, openError: String(e && e.message) };
  }
  try {
    out.integrity = db.pragma('integrity_check').map((r) => String(r.integrity_check));
    out.userVersion = db.pragma('user_version', { simple: true });
    out.tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    const count = (t) => (out.tables.includes(t) ? db.prepare('SELECT COUNT(*) FROM "' + t + '"').pluck().get() : 0);
    out.tickets = count('tickets');
    out.dossiers = count('dossiers');
    if (workerData.standalone && out.integrity.length === 1 && out.integrity[0] === 'ok') db.pragma('journal_mode = DELETE');
    return out;
  } catch (e) {
    return { ...out, readError: String(e && e.message) };
  } finally {
    db.close();
  }
}
parentPort.postMessage(facts());
`;

function readFacts(path: string, standalone: boolean): Promise<FileFacts> {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(FACTS_WORKER, { eval: true, workerData: { module, path, standalone } });
    worker.once('message', (facts: FileFacts) => resolve(facts));
    worker.once('error', (e) => reject(new BackupError(`Không kiểm tra được tệp "${path}": ${e.message}`)));
    worker.once('exit', (code) => {
      if (code !== 0) reject(new BackupError(`Không kiểm tra được tệp "${path}" (mã thoát ${code}).`));
    });
  });
}

/**
 * B2: checks a database file before it is trusted as a backup or restored: it opens as SQLite,
 * passes `PRAGMA integrity_check`, is a Lượt database (every table of its schema version, and a
 * version this code supports). With `standalone` the file is also switched to a rollback journal,
 * so the copy is one self-contained file (no -wal beside it); only for a file of our own.
 * The reading runs in a worker thread. Rejects with BackupError, the reason in Vietnamese.
 */
export async function checkDatabaseFile(path: string, options: { standalone?: boolean } = {}): Promise<DatabaseCheck> {
  const facts = await readFacts(path, options.standalone ?? false);
  if (facts.openError !== undefined) throw new BackupError(`Không mở được tệp "${path}": ${facts.openError}`);
  if (facts.readError !== undefined) throw new BackupError(`${NOT_SQLITE} (${facts.readError}).`);
  const problems = facts.integrity;
  if (problems.length !== 1 || problems[0] !== 'ok') {
    throw new BackupError(`${NOT_SQLITE}: kiểm tra toàn vẹn báo lỗi (${problems.slice(0, 3).join('; ')}).`);
  }
  const { userVersion } = facts;
  const present = new Set(facts.tables);
  if (userVersion < 1 || !present.has('tickets')) {
    throw new BackupError('Tệp là cơ sở dữ liệu SQLite nhưng không phải cơ sở dữ liệu của Lượt.');
  }
  if (userVersion > CODE_SCHEMA_VERSION) {
    throw new BackupError(
      `Cơ sở dữ liệu do một phiên bản Lượt mới hơn tạo ra (lược đồ ${userVersion}, phiên bản này hỗ trợ đến ${CODE_SCHEMA_VERSION}). Hãy cập nhật Lượt trước.`,
    );
  }
  const missing = [...expectedTables(userVersion)].filter((t) => !present.has(t));
  if (missing.length > 0) {
    throw new BackupError(`Tệp không phải cơ sở dữ liệu Lượt đầy đủ: thiếu bảng ${missing.join(', ')}.`);
  }
  return { userVersion, tickets: facts.tickets, dossiers: facts.dossiers, bytes: statSync(path).size };
}

/** A failure that is the disk being full (SQLite's SQLITE_FULL or the file system's ENOSPC), seen through BackupError. */
export function isDiskFull(e: unknown): boolean {
  const inner = e instanceof BackupError && e.cause !== undefined ? e.cause : e;
  return storageErrorCode(inner) === 'DISK_FULL' || (inner as NodeJS.ErrnoException | null)?.code === 'ENOSPC';
}

/** Removes a file and the journal files SQLite may have left beside it. */
export function removeDatabaseFile(path: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/** Flushes a file, then its folder (so a rename is durable too); a folder that cannot be opened is skipped (Windows). */
export function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    const dir = openSync(dirname(path), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // Windows cannot open a folder for fsync; NTFS makes the rename durable by itself.
  }
}

export interface BackupOptions {
  /** Pages copied per step (B1): between steps the event loop runs and writers go on. */
  pagesPerStep?: number;
  /** Called between steps; throwing from it abandons the backup (a hub that is stopping). */
  onStep?(): void;
  now?: () => number;
}

/**
 * B1: copies the database `db` is connected to into `file` with SQLite's online backup, page by
 * page, while others keep writing; then checks the copy (B2) and makes it one self-contained file.
 * The copy is written to FILE.partial and renamed only once checked, so a failure leaves no file
 * behind (and an older FILE untouched). When another connection writes between two steps SQLite
 * starts the copy again; after two such restarts the rest is copied in one step, which in WAL
 * mode still lets writers go on (it only holds a read snapshot).
 */
export async function backupDatabase(db: Db, file: string, options: BackupOptions = {}): Promise<BackupReport> {
  const now = options.now ?? Date.now;
  const started = now();
  const partial = `${file}.partial`;
  removeDatabaseFile(partial);
  const step = Math.max(1, options.pagesPerStep ?? 100);
  let restarts = 0;
  let lastRemaining = Infinity;
  try {
    try {
      await db.backup(partial, {
        progress: ({ remainingPages }) => {
          options.onStep?.();
          if (remainingPages > lastRemaining) restarts++;
          lastRemaining = remainingPages;
          return restarts >= 2 ? 0x7fffffff : step;
        },
      });
    } catch (e) {
      if (e instanceof BackupError) throw e;
      throw new BackupError(`Sao lưu không thành công: ${(e as Error).message}`, { cause: e });
    }
    const check = await checkDatabaseFile(partial, { standalone: true });
    syncFile(partial);
    renameSync(partial, file);
    syncFile(file);
    return { ...check, file, ms: now() - started };
  } catch (e) {
    removeDatabaseFile(partial);
    throw e;
  }
}

/** `YYYYMMDD` and `HHmm` of an instant in Asia/Ho_Chi_Minh (T1: a fixed UTC+7), for file names. */
export function localStamp(ms: number): { date: string; time: string; seconds: string } {
  const iso = new Date(ms + VN_OFFSET_MS).toISOString();
  return {
    date: iso.slice(0, 10).replaceAll('-', ''),
    time: iso.slice(11, 16).replace(':', ''),
    seconds: iso.slice(17, 19),
  };
}

/** B3: the name a downloaded backup is offered under: luot-YYYYMMDD-HHmm.db, local time. */
export function downloadName(ms: number): string {
  const { date, time } = localStamp(ms);
  return `luot-${date}-${time}.db`;
}

/** Megabytes with a Vietnamese decimal comma, for the operator. */
export function sizeVi(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(2).replace('.', ',')} MB`;
}
