import {
  dossierCodeKey,
  workingDays,
  type CalendarDays,
  type DossierFacts,
  type DossierGroupBy,
  type DossierStats,
} from '@luot/shared';
import { writeTransaction, type Db } from '../../db/open';
import { createFiguresQuery, rebuildAggregates } from './dossier-aggregates';
import { parseCalendar, readCalendar, recomputeDueDates, writeCalendar } from './dossier-calendar';
import { createStage, type DossierStage } from './dossier-stage';

interface FactsRow {
  code: string;
  level: DossierFacts['level'];
  field: string;
  channel: DossierFacts['channel'];
  received_date: string;
  due_date: string;
  resolved_date: string | null;
}

const factsOf = (r: FactsRow): DossierFacts => ({
  code: r.code,
  level: r.level,
  field: r.field,
  channel: r.channel,
  receivedDate: r.received_date,
  dueDate: r.due_date,
  resolvedDate: r.resolved_date,
});

/** The dossiers, their aggregates and the calendar in the hub's SQLite (D10–D13, D19). */
export function createDossierStore(db: Db) {
  const FACTS = 'SELECT code, level, field, channel, received_date, due_date, resolved_date FROM dossiers';
  const byCode = db.prepare<[string], FactsRow>(`${FACTS} WHERE code = ?`);
  // Two rows at most: a second one makes the key ambiguous (D19).
  const byKey = db.prepare<[string], FactsRow>(`${FACTS} WHERE code_key = ? ORDER BY code LIMIT 2`);
  const figures = createFiguresQuery(db);

  const setCalendar = writeTransaction(db, (calendar: CalendarDays) => {
    writeCalendar(db, calendar);
    recomputeDueDates(db, workingDays(calendar));
    rebuildAggregates(db);
  });

  return {
    calendar: (): CalendarDays => readCalendar(db),
    /** D11: replaces the calendar and moves the due dates it decides, in one transaction. */
    setCalendar(raw: unknown): CalendarDays {
      const calendar = parseCalendar(raw);
      setCalendar(calendar);
      return calendar;
    },
    /** The dossier of exactly this code. */
    find(code: string): DossierFacts | null {
      const r = byCode.get(code);
      return r ? factsOf(r) : null;
    },
    /**
     * D19: the dossier a code typed or scanned by a citizen names: the code itself, else the one
     * dossier whose key (case, spaces and dashes aside) is the same; none when several share it.
     */
    findTyped(code: string): DossierFacts | null {
      const exact = byCode.get(code);
      if (exact) return factsOf(exact);
      const [first, second] = byKey.all(dossierCodeKey(code));
      return first && !second ? factsOf(first) : null;
    },
    stats: (period: { from: string; to: string }, groupBy: DossierGroupBy | null): DossierStats =>
      figures(period, groupBy),
    /** Staging for one import; the caller drops it whatever happens. */
    stage: (): DossierStage => createStage(db),
    /** For tests and repair: recounts the aggregates from the dossiers. */
    rebuildAggregates: (): void => writeTransaction(db, () => rebuildAggregates(db))(),
  };
}
export type DossierStore = ReturnType<typeof createDossierStore>;
