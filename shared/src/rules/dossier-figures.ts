import type { DossierFigures, DossierGroupBy, DossierStats } from '../protocol/dossier-results';
import { dossierStatus, type DossierFacts } from './dossier-status';

/** The counts behind a DossierFigures; resolved and the rate follow from them. */
export interface FigureCounts {
  received: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  pending: number;
  pendingOverdue: number;
  carriedOver: number;
}

const zeroCounts = (): FigureCounts => ({
  received: 0,
  resolvedEarly: 0,
  resolvedOnTime: 0,
  resolvedLate: 0,
  pending: 0,
  pendingOverdue: 0,
  carriedOver: 0,
});

const COUNT_KEYS = Object.keys(zeroCounts()) as (keyof FigureCounts)[];

/** D7: resolved = early + on time + late; on-time rate = (early + on time) ÷ resolved, null when none. */
export function figuresOf(c: FigureCounts): DossierFigures {
  const resolved = c.resolvedEarly + c.resolvedOnTime + c.resolvedLate;
  return {
    received: c.received,
    resolved,
    resolvedEarly: c.resolvedEarly,
    resolvedOnTime: c.resolvedOnTime,
    resolvedLate: c.resolvedLate,
    pending: c.pending,
    pendingOverdue: c.pendingOverdue,
    onTimeRate: resolved === 0 ? null : (c.resolvedEarly + c.resolvedOnTime) / resolved,
    carriedOver: c.carriedOver,
  };
}

/**
 * D8: assembles the stats of a period from per-group counts (any grouping covering every dossier
 * once): total = sum of groups; a group with nothing to count is left out; groups is {} without groupBy.
 * Both the reference below and the SQL path of the hub go through here.
 */
export function statsOf(
  period: { from: string; to: string },
  groupBy: DossierGroupBy | null,
  groups: ReadonlyMap<string, FigureCounts>,
): DossierStats {
  const total = zeroCounts();
  const out: Record<string, DossierFigures> = {};
  for (const [key, c] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (COUNT_KEYS.every((k) => c[k] === 0)) continue;
    for (const k of COUNT_KEYS) total[k] += c[k];
    if (groupBy !== null) out[key] = figuresOf(c);
  }
  return { from: period.from, to: period.to, groupBy, total: figuresOf(total), groups: out };
}

/**
 * D7: the reference computation of the figures for [from, to] (local dates, both included):
 * received = received in the period; resolved in the period split early / on time / late by the
 * resolution date against the due date; pending = received by `to` and not resolved by `to`, of
 * which overdue = past due as of `to`; carried over = received before `from`, not resolved before it.
 * @example dossierFigures(facts, { from: '2024-01-01', to: '2024-06-30' }, 'field').total.onTimeRate
 */
export function dossierFigures(
  dossiers: Iterable<DossierFacts>,
  period: { from: string; to: string },
  groupBy: DossierGroupBy | null,
): DossierStats {
  const { from, to } = period;
  const groups = new Map<string, FigureCounts>();
  for (const d of dossiers) {
    const key = groupBy === null ? '' : d[groupBy];
    let c = groups.get(key);
    if (!c) groups.set(key, (c = zeroCounts()));
    const resolved = d.resolvedDate;
    const status = dossierStatus(d, to);
    if (d.receivedDate >= from && d.receivedDate <= to) c.received += 1;
    if (resolved !== null && resolved >= from && resolved <= to) {
      if (status === 'early') c.resolvedEarly += 1;
      else if (status === 'onTime') c.resolvedOnTime += 1;
      else c.resolvedLate += 1;
    }
    if (d.receivedDate <= to && (status === 'withinDeadline' || status === 'overdue')) {
      c.pending += 1;
      if (status === 'overdue') c.pendingOverdue += 1;
    }
    if (d.receivedDate < from && (resolved === null || resolved >= from)) c.carriedOver += 1;
  }
  return statsOf(period, groupBy, groups);
}

/** D14: the wall panel's periods as of local date `today`: this month and this year, up to today. */
export function panelPeriods(today: string): {
  month: { from: string; to: string };
  year: { from: string; to: string };
} {
  return {
    month: { from: `${today.slice(0, 8)}01`, to: today },
    year: { from: `${today.slice(0, 5)}01-01`, to: today },
  };
}
