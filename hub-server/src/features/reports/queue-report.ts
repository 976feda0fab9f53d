import { isIsoDate, quantile, DomainError, type QueueFigures, type QueueReport } from '@luot/shared';
import type { Db } from '../../db/open';
import type { CentreRepository } from '../centre/centre-repository';

interface Row {
  service_id: number;
  counter_id: number | null;
  officer_id: number | null;
  status: string;
  queued_at: number;
  called_at: number | null;
  served_at: number | null;
  ended_at: number | null;
  transferred_from: number | null;
}

/**
 * Q11: figures of the tickets of the local days [from, to]. Waiting time is from the number
 * being issued to its first call (a transferred leg is not counted again); service time is from
 * the start of service (or the call, when the officer skipped "start") to the finish.
 */
function figures(rows: readonly Row[]): QueueFigures {
  const waits: number[] = [];
  const services: number[] = [];
  let issued = 0;
  let called = 0;
  let served = 0;
  let noShows = 0;
  let transferred = 0;
  for (const r of rows) {
    if (r.transferred_from === null) issued++;
    if (r.called_at !== null) {
      called++;
      if (r.transferred_from === null) waits.push((r.called_at - r.queued_at) / 1000);
    }
    // Q19: served means service started (served_at set): a ticket only called is never counted.
    if (r.status === 'done' && r.served_at !== null) {
      served++;
      if (r.ended_at !== null) services.push((r.ended_at - r.served_at) / 1000);
    }
    if (r.status === 'noShow') noShows++;
    if (r.status === 'transferred') transferred++;
  }
  return {
    issued,
    called,
    served,
    noShows,
    transferred,
    waitMedianSeconds: quantile(waits, 0.5),
    waitP90Seconds: quantile(waits, 0.9),
    serviceMedianSeconds: quantile(services, 0.5),
    serviceP90Seconds: quantile(services, 0.9),
  };
}

export function createQueueReport(db: Db, centre: CentreRepository) {
  const rowsIn = db.prepare<[string, string], Row>(
    `SELECT service_id, counter_id, officer_id, status, queued_at, called_at, served_at, ended_at, transferred_from
     FROM tickets WHERE day BETWEEN ? AND ?`,
  );
  const officerNames = db.prepare<[], { id: number; name: string }>('SELECT id, name FROM officers');

  return function report(from: string, to: string, groupBy: QueueReport['groupBy']): QueueReport {
    if (!isIsoDate(from) || !isIsoDate(to) || from > to) throw new DomainError('BAD_REQUEST', 'period');
    const rows = rowsIn.all(from, to);
    const names = new Map<number, string>(
      groupBy === 'service'
        ? centre.services().map((s) => [s.id, s.name])
        : groupBy === 'counter'
          ? centre.counters().map((c) => [c.id, c.name])
          : officerNames.all().map((o) => [o.id, o.name]),
    );
    const keyOf = (r: Row): number | null =>
      groupBy === 'service' ? r.service_id : groupBy === 'counter' ? r.counter_id : r.officer_id;
    const byKey = new Map<number, Row[]>();
    const ungrouped: Row[] = [];
    for (const r of rows) {
      const key = keyOf(r);
      if (key === null) {
        ungrouped.push(r);
        continue;
      }
      const list = byKey.get(key);
      if (list) list.push(r);
      else byKey.set(key, [r]);
    }
    const groups = [...byKey.entries()]
      .sort(([a], [b]) => a - b)
      .map(([key, list]) => ({ key, name: names.get(key) ?? String(key), ...figures(list) }));
    // Q25: every ticket has a service; by counter or officer the rest is its own line.
    return {
      from,
      to,
      groupBy,
      total: figures(rows),
      groups,
      ungrouped: groupBy === 'service' ? null : figures(ungrouped),
    };
  };
}
export type QueueReportFn = ReturnType<typeof createQueueReport>;
