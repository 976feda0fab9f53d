import {
  dateOfDay,
  dayNumber,
  DOSSIER_CHANNELS,
  DOSSIER_LEVELS,
  statsOf,
  type DossierFacts,
  type DossierGroupBy,
  type DossierStats,
  type FigureCounts,
} from '@luot/shared';
import type { Db } from '../../db/open';

/**
 * The SQL path of the figures (D13), kept equal to the pure reference `dossierFigures` by test.
 *
 * dossier_daily holds, per grouping dim, key and local day:
 *   received            dossiers received that day
 *   early/on_time/late  dossiers resolved that day, by outcome (fixed once resolved: D6)
 *   due_all             dossiers due that day
 *   due_met             of those, resolved on or before that day (early or on time)
 * so that, for a period [from, to], every figure is a sum over days ≤ to:
 *   pending   = received(≤ to) − resolved(≤ to)       (a dossier is resolved after it is received)
 *   overdue   = due_all(< to) − due_met(< to) − late(≤ to)
 *     (the dossiers due before `to` not resolved by `to`: a late one resolved by `to` was due before
 *      it; one resolved early or on time by its due date before `to` is in due_met)
 *   carried   = received(< from) − resolved(< from)
 */

/** The grouping summed for the total: three channels make the fewest rows per day. */
const TOTAL_DIM: DossierGroupBy = 'channel';

/** What a dossier's contributions depend on. */
export type Contributing = Pick<
  DossierFacts,
  'level' | 'field' | 'channel' | 'receivedDate' | 'dueDate' | 'resolvedDate'
>;

/** The Contributing columns of a dossiers-shaped table, as `prefix`.column. */
export const contributingColumns = (prefix: string): string =>
  `${prefix}level AS level, ${prefix}field AS field, ${prefix}channel AS channel, ${prefix}received_date AS receivedDate,
   ${prefix}due_date AS dueDate, ${prefix}resolved_date AS resolvedDate`;

const RECEIVED = 0;
const EARLY = 1;
const ON_TIME = 2;
const LATE = 3;
const DUE_ALL = 4;
const DUE_MET = 5;
const SEP = '\u0000';

/** received, early, on_time, late, due_all, due_met */
type Counts = [number, number, number, number, number, number];

/**
 * Changes to dossier_daily, summed in memory as rows go by (a million dossiers fall into some
 * hundred thousand (level, field, channel, day) cells), then rolled up per grouping and written in
 * one pass: cheaper than a GROUP BY over the rows, which SQLite has to sort. A row costs one
 * lookup by its field and three by day number (small integers): no key strings are built.
 */
export class DailyDelta {
  /** field → [level index · 3 + channel index] → day number → counts */
  private readonly cells = new Map<string, (Map<number, Counts> | undefined)[]>();

  /** Adds (sign 1) or takes away (sign −1) one dossier's contributions. */
  add(d: Contributing, sign: 1 | -1): void {
    let slots = this.cells.get(d.field);
    if (!slots) this.cells.set(d.field, (slots = []));
    const slot = DOSSIER_LEVELS.indexOf(d.level) * 3 + DOSSIER_CHANNELS.indexOf(d.channel);
    let days = slots[slot];
    if (!days) slots[slot] = days = new Map();
    const resolved = d.resolvedDate;
    cell(days, dayNumber(d.receivedDate))[RECEIVED] += sign;
    const due = cell(days, dayNumber(d.dueDate));
    due[DUE_ALL] += sign;
    if (resolved === null) return;
    if (resolved <= d.dueDate) due[DUE_MET] += sign;
    cell(days, dayNumber(resolved))[resolved < d.dueDate ? EARLY : resolved === d.dueDate ? ON_TIME : LATE] += sign;
  }

  /** Writes the sums into dossier_daily, per grouping. Inside the caller's transaction. */
  flush(db: Db): void {
    const rolled = new Map<string, Map<number, Counts>>();
    const addTo = (target: string, days: Map<number, Counts>): void => {
      let sums = rolled.get(target);
      if (!sums) rolled.set(target, (sums = new Map<number, Counts>()));
      for (const [day, counts] of days) {
        const sum = cell(sums, day);
        for (let i = 0; i < 6; i++) sum[i] = (sum[i] as number) + (counts[i] as number);
      }
    };
    for (const [field, slots] of this.cells) {
      slots.forEach((days, slot) => {
        if (!days) return;
        addTo(`level${SEP}${DOSSIER_LEVELS[Math.floor(slot / 3)]}`, days);
        addTo(`field${SEP}${field}`, days);
        addTo(`channel${SEP}${DOSSIER_CHANNELS[slot % 3]}`, days);
      });
    }
    const upsert = db.prepare(
      `INSERT INTO dossier_daily (dim, key, day, received, early, on_time, late, due_all, due_met)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (dim, day, key) DO UPDATE SET
         received = received + excluded.received, early = early + excluded.early,
         on_time = on_time + excluded.on_time, late = late + excluded.late,
         due_all = due_all + excluded.due_all, due_met = due_met + excluded.due_met`,
    );
    for (const [target, sums] of rolled) {
      const [dim, key] = target.split(SEP);
      for (const [day, counts] of sums) upsert.run(dim, key, dateOfDay(day), ...counts);
    }
    this.cells.clear();
  }
}

function cell(days: Map<number, Counts>, day: number): Counts {
  let counts = days.get(day);
  if (!counts) days.set(day, (counts = [0, 0, 0, 0, 0, 0]));
  return counts;
}

/** Adds the contributions of every row a SELECT of contributingColumns returns. */
export function addRows(delta: DailyDelta, db: Db, select: string, sign: 1 | -1): void {
  for (const row of db.prepare<[], Contributing>(select).iterate()) delta.add(row, sign);
}

/** Recounts dossier_daily from the dossiers (after the calendar moved due dates). Inside a transaction. */
export function rebuildAggregates(db: Db): void {
  db.exec('DELETE FROM dossier_daily');
  const delta = new DailyDelta();
  addRows(delta, db, `SELECT ${contributingColumns('')} FROM dossiers`, 1);
  delta.flush(db);
}

interface CountRow {
  key: string;
  received: number;
  early: number;
  onTime: number;
  late: number;
  pending: number;
  overdue: number;
  carried: number;
}

/** Prepared once per database: the period query reads only the aggregate rows of days ≤ to. */
export function createFiguresQuery(db: Db) {
  const query = db.prepare<{ dim: string; from: string; to: string }, CountRow>(
    `SELECT key,
       SUM(CASE WHEN day >= @from THEN received ELSE 0 END) AS received,
       SUM(CASE WHEN day >= @from THEN early ELSE 0 END) AS early,
       SUM(CASE WHEN day >= @from THEN on_time ELSE 0 END) AS onTime,
       SUM(CASE WHEN day >= @from THEN late ELSE 0 END) AS late,
       SUM(received - early - on_time - late) AS pending,
       SUM(CASE WHEN day < @to THEN due_all - due_met ELSE 0 END) - SUM(late) AS overdue,
       SUM(CASE WHEN day < @from THEN received - early - on_time - late ELSE 0 END) AS carried
     FROM dossier_daily WHERE dim = @dim AND day <= @to
     GROUP BY key`,
  );
  return (period: { from: string; to: string }, groupBy: DossierGroupBy | null): DossierStats => {
    const groups = new Map<string, FigureCounts>();
    for (const r of query.all({ dim: groupBy ?? TOTAL_DIM, from: period.from, to: period.to })) {
      groups.set(r.key, {
        received: r.received,
        resolvedEarly: r.early,
        resolvedOnTime: r.onTime,
        resolvedLate: r.late,
        pending: r.pending,
        pendingOverdue: r.overdue,
        carriedOver: r.carried,
      });
    }
    return statsOf(period, groupBy, groups);
  };
}
