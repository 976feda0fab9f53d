import type { DossierChannel, DossierLevel, DossierRecord, DossierStatus } from '../model/dossier';
import { localDate } from '../time/civil-date';
import type { WorkingDays } from './working-days';

/** A dossier reduced to what the rules use: its group keys, its local dates (D1) and its due date. */
export interface DossierFacts {
  code: string;
  level: DossierLevel;
  field: string;
  channel: DossierChannel;
  /** 'YYYY-MM-DD' in Asia/Ho_Chi_Minh. */
  receivedDate: string;
  dueDate: string;
  resolvedDate: string | null;
}

/**
 * D1, D3–D5: local dates in Asia/Ho_Chi_Minh, and the due date, explicit one first.
 * @example dossierFacts(record, workingDays(calendar)).dueDate // '2024-03-29'
 */
export function dossierFacts(d: DossierRecord, days: WorkingDays): DossierFacts {
  const receivedDate = localDate(d.receivedAt);
  return {
    code: d.code,
    level: d.level,
    field: d.field,
    channel: d.channel,
    receivedDate,
    // DossierRow guarantees one of the two; 0 days is the fallback only for a type that cannot say so.
    dueDate: d.dueDate ?? days.due(receivedDate, d.processingDays ?? 0),
    resolvedDate: d.resolvedAt === null ? null : localDate(d.resolvedAt),
  };
}

/**
 * D6: status as of local date `asOf`. Resolved on D ≤ asOf: early (D < due), onTime (D = due),
 * late (D > due); otherwise withinDeadline while asOf ≤ due, then overdue.
 * @example dossierStatus({ dueDate: '2024-03-29', resolvedDate: null }, '2024-04-01') // 'overdue'
 */
export function dossierStatus(d: Pick<DossierFacts, 'dueDate' | 'resolvedDate'>, asOf: string): DossierStatus {
  if (d.resolvedDate !== null && d.resolvedDate <= asOf) {
    if (d.resolvedDate < d.dueDate) return 'early';
    return d.resolvedDate === d.dueDate ? 'onTime' : 'late';
  }
  return asOf <= d.dueDate ? 'withinDeadline' : 'overdue';
}
