import { localDate, startOfLocalDay, type Clock, type HubAlert } from '@luot/shared';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Db } from '../../db/open';
import { BackupError, backupDatabase, localStamp, type BackupReport } from './backup-file';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Where and how the hub keeps its own backups (B4). */
export interface BackupSettings {
  /** The folder of the nightly copies (and of a download while it is made): `<db folder>/backups` by default. */
  dir: string;
  /** How many nightly copies are kept, newest first: 7 by default, at least 1. */
  keep: number;
  /** Local time of the nightly copy, minutes after 00:00 Asia/Ho_Chi_Minh: 02:00 by default. */
  atMinute?: number;
  /**
   * How often the timer looks at the clock; by default the time left until the next copy (at most
   * an hour). Tests set a few milliseconds and move a manual clock.
   */
  pollMs?: number;
}

export const DEFAULT_BACKUP_KEEP = 7;
const DEFAULT_AT_MINUTE = 2 * 60;

/** A nightly copy's name: luot-YYYYMMDD.db, the local date it was made. Only these are ever pruned. */
const NIGHTLY = /^luot-(\d{8})\.db$/;
export const nightlyName = (ms: number): string => `luot-${localStamp(ms).date}.db`;

export interface HubBackupsDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  settings: BackupSettings;
  /** Tells the admins' screens (hub:alert) that a nightly copy failed. */
  alert(alert: HubAlert): void;
}

export interface HubBackups {
  /** B3: a fresh, checked copy in the backup folder, by the hub's own connection; the caller deletes it. */
  snapshot(): Promise<BackupReport>;
  /** B4: makes tonight's copy now and prunes the old ones (what the timer does at 02:00). */
  nightly(): Promise<BackupReport>;
  /** Stops the timer and abandons copies in progress, waiting for them to let go of the database. */
  close(): Promise<void>;
}

/** The next time of day `atMinute` (local) strictly after `ms`. */
export function nextBackupTime(ms: number, atMinute = DEFAULT_AT_MINUTE): number {
  const today = startOfLocalDay(localDate(ms)) + atMinute * 60_000;
  return today > ms ? today : today + DAY_MS;
}

/**
 * B3, B4: the hub's backups. Copies go through the hub's own connection, page by page, so the hub
 * keeps answering and its own writes during the copy are in it. Every night at 02:00 local time a
 * copy is written to the backup folder as luot-YYYYMMDD.db and only the newest `keep` nightly
 * copies are kept. A failed night is logged and told to the admins (hub:alert BACKUP_FAILED); the
 * hub goes on and tries again the next night. The timer runs on the injected clock.
 */
export function createHubBackups(deps: HubBackupsDeps): HubBackups {
  const { db, clock, logger, settings } = deps;
  const keep = Math.max(1, Math.trunc(settings.keep));
  let closing = false;
  const running = new Set<Promise<unknown>>();
  let timer: NodeJS.Timeout | undefined;
  let due = nextBackupTime(clock.now(), settings.atMinute);

  const copy = (file: string): Promise<BackupReport> => {
    if (closing) return Promise.reject(new BackupError('Hub đang dừng.'));
    mkdirSync(settings.dir, { recursive: true });
    const done = backupDatabase(db, file, {
      now: () => clock.now(),
      onStep: () => {
        if (closing) throw new BackupError('Hub đang dừng: bản sao lưu dở dang đã được bỏ.');
      },
    });
    const tracked = done.catch(() => undefined);
    running.add(tracked);
    void tracked.then(() => running.delete(tracked));
    return done;
  };

  const prune = (): void => {
    const nightly = readdirSync(settings.dir, { withFileTypes: true })
      .filter((f) => f.isFile() && NIGHTLY.test(f.name))
      .map((f) => f.name)
      .sort()
      .reverse();
    for (const old of nightly.slice(keep)) rmSync(join(settings.dir, old), { force: true });
  };

  const nightly = async (): Promise<BackupReport> => {
    const report = await copy(join(settings.dir, nightlyName(clock.now())));
    prune();
    return report;
  };

  const arm = (): void => {
    if (closing) return;
    const wait = settings.pollMs ?? Math.min(HOUR_MS, Math.max(1000, due - clock.now()));
    timer = setTimeout(tick, wait);
    timer.unref();
  };

  function tick(): void {
    const now = clock.now();
    if (now < due) return arm();
    // Tomorrow's time is set first: a failure waits for the next night, a slow copy is not started twice.
    due = nextBackupTime(now, settings.atMinute);
    nightly()
      .then(
        (r) => logger.info({ file: r.file, bytes: r.bytes, ms: r.ms, tickets: r.tickets }, 'nightly backup written'),
        (e: unknown) => {
          if (closing) return;
          logger.error({ err: e, dir: settings.dir }, 'nightly backup failed; trying again next night');
          deps.alert({ code: 'BACKUP_FAILED', at: new Date(clock.now()).toISOString() });
        },
      )
      .finally(arm);
  }

  // What a hub killed in the middle of a copy left behind: half-written, never a backup.
  try {
    for (const f of readdirSync(settings.dir)) {
      if (/^(\.download-.+\.db|luot-\d{8}\.db\.partial)(-journal|-wal|-shm)?$/.test(f))
        rmSync(join(settings.dir, f), { force: true });
    }
  } catch {
    // No folder yet: the first copy makes it.
  }
  arm();
  return {
    snapshot: () => {
      const { date, time, seconds } = localStamp(clock.now());
      const rand = Math.random().toString(36).slice(2, 10);
      return copy(join(settings.dir, `.download-${date}-${time}${seconds}-${rand}.db`));
    },
    nightly,
    close: async () => {
      closing = true;
      clearTimeout(timer);
      await Promise.all(running);
    },
  };
}
