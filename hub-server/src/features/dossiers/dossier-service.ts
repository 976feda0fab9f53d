import {
  DomainError,
  DossierPeriod,
  dossierStatus,
  IsoDate,
  localDate,
  panelPeriods,
  type CalendarDays,
  type Clock,
  type DossierImportResult,
  type DossierLookup,
  type DossierPanel,
  type DossierStats,
  type DossierStatus,
} from '@luot/shared';
import type { Db } from '../../db/open';
import { createDossierStore } from './dossier-store';
import { importDossiers, type ImportOptions } from './import/import-dossiers';

/**
 * Dossier figures for the CLI, the REST edge and the wall panel. Imports run one at a time
 * (they share the connection's staging table); reads never wait for them.
 */
export function createDossierService(db: Db, clock: Clock) {
  const store = createDossierStore(db);
  let last: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(job: () => Promise<T>): Promise<T> => {
    const run = last.then(job, job);
    last = run.catch(() => undefined);
    return run;
  };
  const today = (): string => localDate(clock.now());

  return {
    import: (source: AsyncIterable<Uint8Array>, opts: ImportOptions): Promise<DossierImportResult> =>
      oneAtATime(() => importDossiers(store, source, opts)),

    /** D7/D8 for a period from untrusted input (a query string, flags): PERIOD_INVALID unless valid. */
    stats(q: { from?: unknown; to?: unknown; groupBy?: unknown }): DossierStats {
      const parsed = DossierPeriod.safeParse({ from: q.from, to: q.to, groupBy: q.groupBy ?? null });
      if (!parsed.success) throw new DomainError('PERIOD_INVALID');
      return store.stats(parsed.data, parsed.data.groupBy);
    },

    /** D6 for one dossier as of a local date (today when not given). */
    status(code: string, asOf: string = today()): { code: string; due: string; status: DossierStatus } {
      if (!IsoDate.safeParse(asOf).success) throw new DomainError('BAD_REQUEST');
      const d = store.find(code);
      if (!d) throw new DomainError('DOSSIER_NOT_FOUND');
      return { code: d.code, due: d.dueDate, status: dossierStatus(d, asOf) };
    },

    /** What a citizen may see of a dossier today; the code as typed or scanned (D16, D19). */
    lookup(code: string): DossierLookup {
      const d = store.findTyped(code);
      if (!d) throw new DomainError('DOSSIER_NOT_FOUND');
      return { code: d.code, status: dossierStatus(d, today()), field: d.field, due: d.dueDate };
    },

    /** D14: the wall panel as of today in Asia/Ho_Chi_Minh: this month and this year, per field. */
    panel(): DossierPanel {
      const asOf = today();
      const { month, year } = panelPeriods(asOf);
      return { asOf, month: store.stats(month, 'field'), year: store.stats(year, 'field') };
    },

    calendar: (): CalendarDays => store.calendar(),
    setCalendar: (raw: unknown): CalendarDays => store.setCalendar(raw),
  };
}
export type DossierService = ReturnType<typeof createDossierService>;
