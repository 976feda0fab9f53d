import type { DisplayConfigured } from '@luot/shared';
import type { Db } from '../../db/open';
import type { CentreRepository } from '../centre/centre-repository';
import { createDisplayConfigs, type DisplayRecord } from './display-configs';

export interface DisplayConfigWatchOptions {
  db: Db;
  centre: CentreRepository;
  /** Called for each display whose stored configuration changed. */
  onChange(change: DisplayConfigured): void;
  intervalMs?: number;
}

/**
 * W6: pushes configuration written by another process — `luot display set` while the hub runs —
 * within `intervalMs`. SQLite's data_version moves only when another connection commits, so an
 * idle check is one pragma. Returns the function that stops watching.
 *
 * @example
 * const stop = watchDisplayConfigs({ db, centre, onChange: (c) => io.emit('display:configured', c) });
 */
export function watchDisplayConfigs(options: DisplayConfigWatchOptions): () => void {
  const { db } = options;
  const configs = createDisplayConfigs(db, options.centre);
  const version = (): unknown => db.pragma('data_version', { simple: true });
  const fingerprints = (records: DisplayRecord[]): Map<number, string> =>
    new Map(records.map((d) => [d.id, JSON.stringify(d.config)]));
  let seenVersion = version();
  let known = fingerprints(configs.all());

  const timer = setInterval(() => {
    const now = version();
    if (now === seenVersion) return;
    seenVersion = now;
    const records = configs.all();
    const next = fingerprints(records);
    for (const d of records) {
      if (known.get(d.id) !== next.get(d.id)) options.onChange({ displayId: d.id, config: d.config });
    }
    known = next;
  }, options.intervalMs ?? 2000);
  timer.unref();
  return () => clearInterval(timer);
}
