import { randomBytes } from 'node:crypto';
import {
  countAhead,
  DomainError,
  estimateWaitMinutes,
  localDate,
  median,
  nextPriorityStreak,
  pickNext,
  ticketLabel,
  ticketNumber,
  type CentreSettings,
  type Clock,
  type IssuedTicket,
  type IssueTicketInput,
  type QueuedTicket,
  type ServiceQueue,
  type Ticket,
} from '@luot/shared';
import type { Db } from '../../db/open';
import type { CentreRepository } from '../centre/centre-repository';
import { toTicket, type TicketRow } from './ticket-row';

/** Who asked: recorded in the queue event log with every change. */
export interface Actor {
  deviceId: number | null;
}

interface QueuedRow {
  id: number;
  service_id: number;
  priority: string | null;
  queued_at: number;
}
const toQueued = (r: QueuedRow): QueuedTicket => ({
  id: r.id,
  serviceId: r.service_id,
  priority: r.priority,
  queuedAt: r.queued_at,
});

/** How many recent services the median service time looks at. */
const RECENT_SERVICES = 30;

/** The queue: issuing and calling tickets, each change one SQLite transaction. */
export function createQueueService(db: Db, centre: CentreRepository, clock: Clock) {
  const stmt = {
    lastSeq: db.prepare<[string, number], { last_seq: number }>(
      'SELECT last_seq FROM sequences WHERE day = ? AND service_id = ?',
    ),
    putSeq: db.prepare(
      'INSERT INTO sequences (day, service_id, last_seq) VALUES (?, ?, ?) ON CONFLICT(day, service_id) DO UPDATE SET last_seq = excluded.last_seq',
    ),
    insertTicket: db.prepare(
      `INSERT INTO tickets (public_id, day, service_id, number, label, priority, status, issued_at, queued_at)
       VALUES (?, ?, ?, ?, ?, ?, 'waiting', ?, ?)`,
    ),
    ticket: db.prepare<[number], TicketRow>('SELECT * FROM tickets WHERE id = ?'),
    waitingIn: db.prepare<[number], QueuedRow>(
      "SELECT id, service_id, priority, queued_at FROM tickets WHERE status = 'waiting' AND service_id = ?",
    ),
    waitingCounts: db.prepare<[], { service_id: number; n: number }>(
      "SELECT service_id, COUNT(*) AS n FROM tickets WHERE status = 'waiting' GROUP BY service_id",
    ),
    currentAt: db.prepare<[number], TicketRow>(
      "SELECT * FROM tickets WHERE counter_id = ? AND status IN ('called', 'serving') ORDER BY called_at DESC LIMIT 1",
    ),
    recentServiceSeconds: db.prepare<[number, number], { s: number }>(
      `SELECT (ended_at - served_at) / 1000.0 AS s FROM tickets
       WHERE service_id = ? AND status = 'done' AND served_at IS NOT NULL ORDER BY ended_at DESC LIMIT ?`,
    ),
    callTicket: db.prepare(
      "UPDATE tickets SET status = 'called', counter_id = ?, called_at = ? WHERE id = ? AND status = 'waiting'",
    ),
    finishTicket: db.prepare(
      "UPDATE tickets SET status = 'done', served_at = COALESCE(served_at, called_at), ended_at = ? WHERE id = ?",
    ),
    setStreak: db.prepare('UPDATE counters SET priority_streak = ? WHERE id = ?'),
    insertCall: db.prepare('INSERT INTO calls (ticket_id, counter_id, kind, at) VALUES (?, ?, ?, ?)'),
    logEvent: db.prepare(
      'INSERT INTO queue_events (at, type, ticket_id, counter_id, device_id, data) VALUES (?, ?, ?, ?, ?, ?)',
    ),
  };

  function settings(): CentreSettings {
    const s = centre.settings();
    if (!s) throw new DomainError('INTERNAL', 'centre settings missing');
    return s;
  }

  function log(type: string, ticketId: number | null, counterId: number | null, actor: Actor, data?: object): void {
    stmt.logEvent.run(clock.now(), type, ticketId, counterId, actor.deviceId, data ? JSON.stringify(data) : null);
  }

  function openCountersFor(serviceId: number): number {
    return centre.counters().filter((c) => !c.paused && c.serviceIds.includes(serviceId)).length;
  }

  function medianServiceSeconds(serviceId: number, s: CentreSettings): number {
    const recent = stmt.recentServiceSeconds.all(serviceId, RECENT_SERVICES).map((r) => r.s);
    return median(recent) ?? s.defaultServiceSeconds;
  }

  function estimate(serviceId: number, ahead: number, s: CentreSettings): number | null {
    return estimateWaitMinutes(ahead, openCountersFor(serviceId), medianServiceSeconds(serviceId, s));
  }

  const issue = db.transaction((input: IssueTicketInput, actor: Actor): IssuedTicket => {
    const s = settings();
    const service = centre.service(input.serviceId);
    if (!service) throw new DomainError('SERVICE_NOT_FOUND');
    const priority = input.priority ?? null;
    if (priority !== null && !s.priorityCategories.some((c) => c.id === priority)) {
      throw new DomainError('PRIORITY_UNKNOWN');
    }
    const now = clock.now();
    const day = localDate(now);
    const seq = (stmt.lastSeq.get(day, service.id)?.last_seq ?? 0) + 1;
    const number = ticketNumber(service.block, seq, s.blockSize);
    if (number === null) throw new DomainError('BLOCK_EXHAUSTED');
    stmt.putSeq.run(day, service.id, seq);
    const label = ticketLabel(number, s.blockSize, s.numberFormat);
    const publicId = randomBytes(12).toString('base64url');
    const id = Number(
      stmt.insertTicket.run(publicId, day, service.id, number, label, priority, now, now).lastInsertRowid,
    );
    log('issued', id, null, actor, { number, priority });
    const waiting = stmt.waitingIn.all(service.id).map(toQueued);
    const ahead = countAhead(waiting, { id, serviceId: service.id, priority, queuedAt: now });
    const row = stmt.ticket.get(id) as TicketRow;
    return { ...toTicket(row), ahead, estimatedWaitMinutes: estimate(service.id, ahead, s) };
  });

  /**
   * Q7: "Gọi tiếp" ends the counter's current ticket as served (one button for the officer),
   * then calls the ticket the rules put first.
   */
  const callNext = db.transaction((counterId: number, actor: Actor): { ticket: Ticket; callSeq: number } => {
    const s = settings();
    const row = centre.counterRow(counterId);
    if (!row) throw new DomainError('COUNTER_NOT_FOUND');
    if (row.paused) throw new DomainError('COUNTER_PAUSED');
    const now = clock.now();
    const current = stmt.currentAt.get(counterId);
    if (current) {
      stmt.finishTicket.run(now, current.id);
      log('finished', current.id, counterId, actor);
    }
    const serviceOrder = JSON.parse(row.service_ids) as number[];
    const waiting = serviceOrder.flatMap((id) => stmt.waitingIn.all(id).map(toQueued));
    const next = pickNext(waiting, {
      serviceOrder,
      priorityStreak: row.priority_streak,
      maxPriorityInRow: s.maxPriorityInRow,
    });
    if (!next) throw new DomainError('QUEUE_EMPTY');
    stmt.callTicket.run(counterId, now, next.id);
    stmt.setStreak.run(nextPriorityStreak(row.priority_streak, next), counterId);
    const callSeq = Number(stmt.insertCall.run(next.id, counterId, 'call', now).lastInsertRowid);
    log('called', next.id, counterId, actor);
    return { ticket: toTicket(stmt.ticket.get(next.id) as TicketRow), callSeq };
  });

  return {
    issue,
    callNext,
    current(counterId: number): Ticket | null {
      const row = stmt.currentAt.get(counterId);
      return row ? toTicket(row) : null;
    },
    queues(): ServiceQueue[] {
      const s = settings();
      const counts = new Map(stmt.waitingCounts.all().map((r) => [r.service_id, r.n]));
      return centre.services().map((svc) => {
        const waiting = counts.get(svc.id) ?? 0;
        return { serviceId: svc.id, waiting, estimatedWaitMinutes: estimate(svc.id, waiting, s) };
      });
    },
  };
}
export type QueueService = ReturnType<typeof createQueueService>;
