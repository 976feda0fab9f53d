import type { Migration } from './migration';

/**
 * Dossiers keep their local dates and due date as written (D1, D3), so figures never re-derive them.
 * dossier_daily holds, per grouping (dim = level | field | channel), key and local day, the counts
 * the figures of any period are sums of (D7); it is maintained at write time, so a period costs a
 * scan of days, not of dossiers (see features/dossiers/dossier-aggregates.ts).
 */
export const dossiers: Migration = {
  version: 2,
  name: 'dossiers, their daily aggregates and the working-day calendar',
  sql: `
CREATE TABLE dossiers (
  code TEXT PRIMARY KEY,
  field TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  channel TEXT NOT NULL CHECK (channel IN ('counter', 'online', 'postal')),
  received_at INTEGER NOT NULL,
  received_date TEXT NOT NULL,
  processing_days INTEGER,
  explicit_due TEXT,
  due_date TEXT NOT NULL,
  resolved_at INTEGER,
  resolved_date TEXT,
  CHECK (processing_days IS NOT NULL OR explicit_due IS NOT NULL)
) WITHOUT ROWID;
CREATE TABLE dossier_daily (
  dim TEXT NOT NULL,
  key TEXT NOT NULL,
  day TEXT NOT NULL,
  received INTEGER NOT NULL,
  early INTEGER NOT NULL,
  on_time INTEGER NOT NULL,
  late INTEGER NOT NULL,
  due_all INTEGER NOT NULL,
  due_met INTEGER NOT NULL,
  PRIMARY KEY (dim, day, key)
) WITHOUT ROWID;
CREATE TABLE calendar_days (
  date TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workingWeekend'))
) WITHOUT ROWID;
`,
};
