import {
  DEFAULT_DISPLAY_CONFIG,
  DisplayConfig,
  DomainError,
  type DisplayConfigureInput,
  type DisplayConfigured,
} from '@luot/shared';
import { writeTransaction, type Db } from '../../db/open';
import type { CentreRepository } from '../centre/centre-repository';

export interface DisplayRecord {
  id: number;
  name: string;
  config: DisplayConfig;
}

interface DisplayRow {
  id: number;
  name: string;
  config: string;
}

/** A stored configuration that no longer parses (hand-edited, older schema) falls back to the defaults. */
function readConfig(text: string): DisplayConfig {
  try {
    const parsed = DisplayConfig.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : DEFAULT_DISPLAY_CONFIG;
  } catch {
    return DEFAULT_DISPLAY_CONFIG;
  }
}

/** Each wall's configuration in `displays.config` (SPEC W6). */
export function createDisplayConfigs(db: Db, centre: CentreRepository) {
  const one = db.prepare<[number], DisplayRow>('SELECT id, name, config FROM displays WHERE id = ?');
  const all = db.prepare<[], DisplayRow>('SELECT id, name, config FROM displays ORDER BY id');
  const save = db.prepare<[string, number]>('UPDATE displays SET config = ? WHERE id = ?');
  const toRecord = (r: DisplayRow): DisplayRecord => ({ id: r.id, name: r.name, config: readConfig(r.config) });

  return {
    get(displayId: number): DisplayRecord | null {
      const row = one.get(displayId);
      return row ? toRecord(row) : null;
    },
    all: (): DisplayRecord[] => all.all().map(toRecord),
    /** The stored configuration of each display named (H2: pushed after another process changed them). */
    changes(ids: readonly (number | null)[]): DisplayConfigured[] {
      return ids.flatMap((id) => {
        const row = id === null ? undefined : one.get(id);
        return row ? [{ displayId: row.id, config: readConfig(row.config) }] : [];
      });
    },
    /**
     * W6: merges the change into the stored configuration in one transaction. Unknown display →
     * NOT_FOUND; a counter number the centre does not have → COUNTER_NOT_FOUND. The input is
     * already parsed by DisplayConfigureInput.
     */
    configure: writeTransaction(db, (input: DisplayConfigureInput): DisplayConfigured => {
      const row = one.get(input.displayId);
      if (!row) throw new DomainError('NOT_FOUND', `màn hình ${input.displayId}`);
      const { displayId, ...change } = input;
      const known = new Set(centre.counters().map((c) => c.number));
      const unknown = (change.counters ?? []).filter((n) => !known.has(n));
      if (unknown.length > 0) throw new DomainError('COUNTER_NOT_FOUND', `quầy số ${unknown.join(', ')}`);
      const config = DisplayConfig.parse({ ...readConfig(row.config), ...definedOnly(change) });
      save.run(JSON.stringify(config), displayId);
      return { displayId, config };
    }),
  };
}
export type DisplayConfigs = ReturnType<typeof createDisplayConfigs>;

const definedOnly = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
