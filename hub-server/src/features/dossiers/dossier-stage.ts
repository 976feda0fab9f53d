import { dossierCodeKey, workingDays, type CalendarDays, type DossierFacts, type DossierRecord } from '@luot/shared';
import { writeTransaction, type Db } from '../../db/open';
import { addRows, contributingColumns, DailyDelta, rebuildAggregates } from './dossier-aggregates';
import { readCalendar, recomputeDueDates, writeCalendar } from './dossier-calendar';

/** A validated dossier and what the rules derived from it. */
export interface StagedDossier {
  record: DossierRecord;
  facts: DossierFacts;
}

export interface DossierStage {
  /** Stages dossiers (a later one with the same code replaces the earlier one). */
  add(dossiers: readonly StagedDossier[]): void;
  /**
   * Writes every staged dossier in one transaction (D10, D12), with the calendar first when one came
   * with the import. `stagedUnder` is the calendar the staged due dates were derived with: if the
   * stored one changed meanwhile (`luot calendar set` during a long import), due dates are redone.
   * accepted = new codes; updated = codes already stored, plus repeats in the import.
   */
  merge(calendar: CalendarDays | null, stagedUnder: CalendarDays): { accepted: number; updated: number };
  drop(): void;
}

const COLUMNS = [
  'code',
  'field',
  'level',
  'channel',
  'received_at',
  'received_date',
  'processing_days',
  'explicit_due',
  'due_date',
  'resolved_at',
  'resolved_date',
  'code_key',
] as const;
const COLUMN_LIST = COLUMNS.join(', ');
const UPDATE_SET = COLUMNS.filter((c) => c !== 'code')
  .map((c) => `${c} = excluded.${c}`)
  .join(', ');

/** Rows per INSERT: one statement per 64 rows cuts the per-statement cost of a million-row import. */
const ROWS_PER_INSERT = 64;

/**
 * An import's staging area: a TEMP table, private to this connection and outside the hub's
 * database file, so staging a long file takes no lock that would hold up ticket writes, and a
 * failed import leaves the stored dossiers untouched (D12). One stage at a time per connection.
 */
export function createStage(db: Db): DossierStage {
  db.exec(`DROP TABLE IF EXISTS temp.dossier_stage;
    CREATE TEMP TABLE dossier_stage (
      code TEXT PRIMARY KEY, field TEXT NOT NULL, level TEXT NOT NULL, channel TEXT NOT NULL,
      received_at INTEGER NOT NULL, received_date TEXT NOT NULL, processing_days INTEGER,
      explicit_due TEXT, due_date TEXT NOT NULL, resolved_at INTEGER, resolved_date TEXT,
      code_key TEXT NOT NULL, repeats INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID`);
  const insertSql = (n: number): string =>
    `INSERT INTO temp.dossier_stage (${COLUMN_LIST}) VALUES ${Array(n)
      .fill(`(${COLUMNS.map(() => '?').join(', ')})`)
      .join(', ')}
     ON CONFLICT (code) DO UPDATE SET ${UPDATE_SET}, repeats = repeats + 1`;
  const insertMany = db.prepare(insertSql(ROWS_PER_INSERT));
  const insertOne = db.prepare(insertSql(1));

  // Contributions of the staged rows, summed as they are staged: the rows are already in hand.
  const streamed = new DailyDelta();
  // One parameter array, refilled for each statement (binding is synchronous): no array per row.
  const params: unknown[] = new Array(ROWS_PER_INSERT * COLUMNS.length);
  const add = writeTransaction(db, (dossiers: readonly StagedDossier[]) => {
    let i = 0;
    for (; i + ROWS_PER_INSERT <= dossiers.length; i += ROWS_PER_INSERT) {
      for (let j = 0; j < ROWS_PER_INSERT; j++) fill(params, j * COLUMNS.length, dossiers[i + j] as StagedDossier);
      insertMany.run(params);
    }
    const one: unknown[] = new Array(COLUMNS.length);
    for (; i < dossiers.length; i++) insertOne.run(fill(one, 0, dossiers[i] as StagedDossier));
    for (const d of dossiers) streamed.add(d.facts, 1);
  });

  const count = (sql: string): number => (db.prepare(sql).pluck().get() as number | null) ?? 0;

  const merge = writeTransaction(
    db,
    (fileCalendar: CalendarDays | null, stagedUnder: CalendarDays, staged: DailyDelta) => {
      const stored = readCalendar(db);
      const calendar = fileCalendar ?? (sameCalendar(stored, stagedUnder) ? null : stored);
      // A first import into an empty store skips a million look-ups.
      const empty = count('SELECT NOT EXISTS (SELECT 1 FROM dossiers)') === 1;
      const known = empty
        ? 0
        : count('SELECT COUNT(*) FROM temp.dossier_stage AS s JOIN dossiers AS d ON d.code = s.code');
      const total = count('SELECT COUNT(*) FROM temp.dossier_stage');
      if (calendar === null && known > 0) {
        const replaced = `SELECT ${contributingColumns('d.')} FROM dossiers AS d JOIN temp.dossier_stage AS s ON s.code = d.code`;
        addRows(staged, db, replaced, -1);
      }
      db.exec(`INSERT INTO dossiers (${COLUMN_LIST}) SELECT ${COLUMN_LIST} FROM temp.dossier_stage WHERE true
      ON CONFLICT (code) DO UPDATE SET ${UPDATE_SET}`);
      if (calendar === null) {
        staged.flush(db);
      } else {
        // The calendar may have come after some dossiers in the file, and moves stored ones too.
        writeCalendar(db, calendar);
        recomputeDueDates(db, workingDays(calendar));
        rebuildAggregates(db);
      }
      return { accepted: total - known, updated: known };
    },
  );

  return {
    add: (dossiers) => {
      if (dossiers.length > 0) add(dossiers);
    },
    merge: (calendar, stagedUnder) => {
      const repeats = count('SELECT SUM(repeats) FROM temp.dossier_stage');
      let staged = streamed;
      if (repeats > 0) {
        // A code repeated in the file replaced its earlier row, whose contributions were summed
        // too: sum the final rows again (before the write lock: the stage is private).
        staged = new DailyDelta();
        addRows(staged, db, `SELECT ${contributingColumns('')} FROM temp.dossier_stage`, 1);
      }
      const counts = merge(calendar, stagedUnder, staged);
      return { accepted: counts.accepted, updated: counts.updated + repeats };
    },
    drop: () => db.exec('DROP TABLE IF EXISTS temp.dossier_stage'),
  };
}

/** Writes a dossier's column values (COLUMNS order) into `out` from `at`. */
function fill(out: unknown[], at: number, { record, facts }: StagedDossier): unknown[] {
  out[at] = facts.code;
  out[at + 1] = facts.field;
  out[at + 2] = facts.level;
  out[at + 3] = facts.channel;
  out[at + 4] = record.receivedAt;
  out[at + 5] = facts.receivedDate;
  out[at + 6] = record.processingDays;
  out[at + 7] = record.dueDate;
  out[at + 8] = facts.dueDate;
  out[at + 9] = record.resolvedAt;
  out[at + 10] = facts.resolvedDate;
  out[at + 11] = dossierCodeKey(facts.code); // D19
  return out;
}

const sameCalendar = (a: CalendarDays, b: CalendarDays): boolean =>
  a.holidays.join() === b.holidays.join() && a.workingWeekends.join() === b.workingWeekends.join();
