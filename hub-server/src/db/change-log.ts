import type { Logger } from 'pino';
import type { Db } from './open';

/** What another process can change that a running hub's screens show. */
export const CHANGE_TOPICS = ['displays', 'dossiers', 'devices', 'officers', 'centre'] as const;
export type ChangeTopic = (typeof CHANGE_TOPICS)[number];

/** Rows older than this are of no use to any hub and are pruned by the next writer. */
const KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * H2: records, once the writer has committed, that a process other than the hub (the `luot`
 * command) changed something screens show. The running hub follows the log and tells its screens.
 */
export function recordChange(db: Db, topic: ChangeTopic, subject: number | null = null, at = Date.now()): void {
  db.prepare('INSERT INTO change_log (topic, subject, at) VALUES (?, ?, ?)').run(topic, subject, at);
  db.prepare('DELETE FROM change_log WHERE at < ?').run(at - KEEP_MS);
}

export interface FollowOptions {
  /**
   * What to do for each topic that changed, with the subjects named (a display's id…; null for
   * "the topic as a whole"); a topic without a handler is skipped.
   */
  handlers: Partial<Record<ChangeTopic, (subjects: ReadonlySet<number | null>) => void>>;
  logger: Logger;
  intervalMs?: number;
}

/**
 * H2: the hub side. SQLite's `data_version` moves only when another connection commits, so an
 * idle check is one pragma; when it moves, the new change-log rows say which topics to refresh,
 * each once however many rows name it, with the subjects they name. Returns the function that stops following.
 */
export function followChanges(db: Db, options: FollowOptions): () => void {
  const version = (): unknown => db.pragma('data_version', { simple: true });
  const newer = db.prepare<[number], { id: number; topic: string; subject: number | null }>(
    'SELECT id, topic, subject FROM change_log WHERE id > ? ORDER BY id',
  );
  const last = db.prepare<[], { id: number | null }>('SELECT MAX(id) AS id FROM change_log');
  let seenVersion = version();
  let seenId = last.get()?.id ?? 0;

  const timer = setInterval(() => {
    try {
      const now = version();
      if (now === seenVersion) return;
      seenVersion = now;
      const rows = newer.all(seenId);
      if (rows.length === 0) return;
      seenId = rows[rows.length - 1]!.id;
      const subjects = new Map<string, Set<number | null>>();
      for (const r of rows) subjects.set(r.topic, (subjects.get(r.topic) ?? new Set()).add(r.subject));
      for (const [topic, named] of subjects) options.handlers[topic as ChangeTopic]?.(named);
    } catch (e) {
      // A busy database or a failing handler must not stop the hub; the next tick tries again.
      options.logger.error({ err: e }, 'following the change log failed');
    }
  }, options.intervalMs ?? 1000);
  timer.unref();
  return () => clearInterval(timer);
}
