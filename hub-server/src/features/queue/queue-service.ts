import { randomBytes } from 'node:crypto';
import {
  comeBackText,
  compareTickets,
  DEFAULT_NO_SHOW_AFTER_SECONDS,
  EMPTY_CALENDAR,
  isOpenAt,
  nextOpening,
  scheduleOf,
  type CalendarDays,
  DomainError,
  ExplainedError,
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
  type TicketStatus,
} from '@luot/shared';
import { writeTransaction, type Db } from '../../db/open';
import type { CentreRepository } from '../centre/centre-repository';
import type { EventLog, QueueEvent } from '../event-log/event-log';
import { queueStatements, type QueuedRow } from './queue-statements';
import { toTicket, type TicketRow } from './ticket-row';

/** Who asked: recorded in the queue event log with every change. */
export interface Actor {
  deviceId: number | null;
}

const toQueued = (r: QueuedRow): QueuedTicket => ({
  id: r.id,
  serviceId: r.service_id,
  priority: r.priority,
  queuedAt: r.queued_at,
});

/** Q20's refusal says how long is left, in Vietnamese. */
const noShowWaitText = (seconds: number): string =>
  `Công dân được gọi chưa lâu: có thể đánh dấu vắng mặt sau ${seconds} giây nữa, hoặc gọi lại ngay.`;

/** How many recent services the median service time looks at. */
const RECENT_SERVICES = 30;
const newPublicId = (): string => randomBytes(12).toString('base64url');

export interface TicketWait {
  /** Null once the ticket no longer waits. */
  ahead: number | null;
  estimatedWaitMinutes: number | null;
}

export interface CallResult {
  ticket: Ticket;
  callSeq: number;
}

/** The queue (SPEC Q1–Q16): every change one SQLite transaction, logged with who did it. */
export function createQueueService(
  db: Db,
  centre: CentreRepository,
  clock: Clock,
  events: EventLog,
  /** The centre's holidays and make-up working days (the dossiers' calendar, D2), for Q23. */
  calendar: () => CalendarDays = () => EMPTY_CALENDAR,
) {
  const stmt = queueStatements(db);
  /** The local day whose close is known to be committed; a hint that spares a read, never the truth. */
  let closedDay = '';

  function settings(): CentreSettings {
    const s = centre.settings();
    if (!s) throw new DomainError('INTERNAL', 'centre settings missing');
    return s;
  }

  /** Logs a change at a counter (or a kiosk's issue) with the officer sitting there. */
  function log(e: QueueEvent & { ticketId: number }, actor: Actor): void {
    const officerId = e.counterId == null ? null : (centre.counterRow(e.counterId)?.officer_id ?? null);
    events.record({ ...e, deviceId: actor.deviceId, officerId });
  }

  /**
   * Q8: at 00:00 Asia/Ho_Chi_Minh every ticket still open is closed as `expired` and every
   * sequence restarts (sequences are keyed by day). Runs lazily in the first transaction of a
   * new day, so a late timer or a hub that was off at midnight changes nothing. Q15: the closed
   * day is stored in the same transaction, so a close that fails is tried again by the next one.
   */
  const rollover = writeTransaction(db, (): boolean => {
    const day = localDate(clock.now());
    if (day === closedDay) return false;
    if (stmt.closedDay.get()?.value === day) {
      closedDay = day;
      return false;
    }
    const expired = stmt.expireBefore.run(clock.now(), day).changes;
    stmt.setClosedDay.run(day);
    // Yesterday's priority run says nothing about today's queue.
    stmt.resetStreaks.run();
    if (expired > 0) events.record({ type: 'dayClosed', deviceId: null, data: { day, expired } });
    return expired > 0;
  });

  /** Counters open (not paused) per service; read once per request, not once per service. */
  function openCounters(): Map<number, number> {
    const open = new Map<number, number>();
    for (const c of centre.counters()) {
      if (c.paused) continue;
      for (const id of c.serviceIds) open.set(id, (open.get(id) ?? 0) + 1);
    }
    return open;
  }

  function estimate(serviceId: number, ahead: number, s: CentreSettings, open = openCounters()): number | null {
    const recent = stmt.recentServiceSeconds.all(serviceId, RECENT_SERVICES).map((r) => r.s);
    return estimateWaitMinutes(ahead, open.get(serviceId) ?? 0, median(recent) ?? s.defaultServiceSeconds);
  }

  function counterOrThrow(counterId: number) {
    const row = centre.counterRow(counterId);
    if (!row) throw new DomainError('COUNTER_NOT_FOUND');
    return row;
  }

  /** Q18: nobody is called to a counter where no officer is signed in. */
  function staffed(counterId: number) {
    const row = counterOrThrow(counterId);
    if (row.officer_id === null) throw new DomainError('OFFICER_REQUIRED');
    return row;
  }

  /**
   * Q20: a no-show only once the citizen had time to come: `noShowAfterSeconds` since the call, or
   * at once after a recall made since then.
   */
  function checkNoShowAllowed(t: TicketRow): void {
    const wait = (settings().noShowAfterSeconds ?? DEFAULT_NO_SHOW_AFTER_SECONDS) * 1000;
    const calledAt = t.called_at ?? 0;
    const left = calledAt + wait - clock.now();
    if (left <= 0 || stmt.recalledSince.get(t.id, calledAt)!.n > 0) return;
    throw new ExplainedError('NO_SHOW_TOO_EARLY', noShowWaitText(Math.ceil(left / 1000)));
  }

  function markNoShow(t: TicketRow, counterId: number, actor: Actor): void {
    checkNoShowAllowed(t);
    stmt.endTicket.run('noShow', clock.now(), t.id);
    log({ type: 'noShow', ticketId: t.id, counterId }, actor);
  }

  function waitingFor(serviceOrder: readonly number[]): QueuedTicket[] {
    return serviceOrder.flatMap((id) => stmt.waitingIn.all(id).map(toQueued));
  }

  const ticket = (id: number): Ticket => toTicket(stmt.ticket.get(id) as TicketRow);

  /** Q5 and Q6 for a waiting ticket: people ahead of it and the estimated wait. */
  function waitOfRow(row: TicketRow, s: CentreSettings): TicketWait {
    if (row.status !== 'waiting') return { ahead: null, estimatedWaitMinutes: null };
    const ahead = stmt.countAhead.get({
      serviceId: row.service_id,
      id: row.id,
      priority: row.priority === null ? 0 : 1,
      queuedAt: row.queued_at,
    })!.n;
    return { ahead, estimatedWaitMinutes: estimate(row.service_id, ahead, s) };
  }

  const issue = writeTransaction(db, (input: IssueTicketInput, actor: Actor): IssuedTicket => {
    rollover();
    const s = settings();
    const service = centre.service(input.serviceId);
    if (!service) throw new DomainError('SERVICE_NOT_FOUND');
    const priority = input.priority ?? null;
    if (priority !== null && !s.priorityCategories.some((c) => c.id === priority)) {
      throw new DomainError('PRIORITY_UNKNOWN');
    }
    const now = clock.now();
    const today = localDate(now);
    const issuedToday = stmt.lastSeq.get(today, service.id)?.last_seq ?? 0;
    // Q23: only within the service's sessions, never on a holiday, up to its daily cap.
    const schedule = scheduleOf(service);
    const days = calendar();
    // The refusal's detail says when to come back (Q24); the kiosk shows it after the code's text.
    const refuse = (code: 'SERVICE_CLOSED' | 'SERVICE_DAILY_CAP', next: number | null): never => {
      if (next === null) throw new DomainError(code);
      throw new ExplainedError(code, comeBackText(next));
    };
    if (!isOpenAt(schedule, days, now)) refuse('SERVICE_CLOSED', nextOpening(schedule, days, now));
    if (schedule.dailyCap !== undefined && issuedToday >= schedule.dailyCap) {
      refuse('SERVICE_DAILY_CAP', nextOpening(schedule, days, now, true));
    }
    const seq = issuedToday + 1;
    const number = ticketNumber(service.block, seq, s.blockSize);
    if (number === null) throw new DomainError('BLOCK_EXHAUSTED');
    stmt.putSeq.run(today, service.id, seq);
    const label = ticketLabel(number, s.blockSize, s.numberFormat);
    const id = Number(
      stmt.insertTicket.run(newPublicId(), today, service.id, number, label, priority, now, now, null).lastInsertRowid,
    );
    log({ type: 'issued', ticketId: id, data: { number, priority } }, actor);
    const wait = waitOfRow(stmt.ticket.get(id) as TicketRow, s);
    return { ...ticket(id), ahead: wait.ahead ?? 0, estimatedWaitMinutes: wait.estimatedWaitMinutes };
  });

  /**
   * Q7, Q19: "Gọi tiếp" first ends the counter's current ticket (one button for the officer): one
   * being served as done; one only called as the officer says (`resolve`: served or no-show, Q20),
   * CURRENT_NOT_RESOLVED when they did not say. Then it calls the ticket the rules put first (Q1–Q3).
   */
  const callNext = writeTransaction(
    db,
    (counterId: number, actor: Actor, resolve?: 'served' | 'noShow'): CallResult => {
      rollover();
      const s = settings();
      const row = staffed(counterId);
      if (row.paused) throw new DomainError('COUNTER_PAUSED');
      const serviceOrder = JSON.parse(row.service_ids) as number[];
      // pickNext only ever takes the head of a class of a service, so the heads are enough.
      const heads = serviceOrder.flatMap((id) => stmt.headsIn.all(id, id).map(toQueued));
      const next = pickNext(heads, {
        serviceOrder,
        priorityStreak: row.priority_streak,
        maxPriorityInRow: s.maxPriorityInRow,
      });
      // Nobody waiting: nothing changes, the current ticket stays as it was (Q7).
      if (!next) throw new DomainError('QUEUE_EMPTY');
      const now = clock.now();
      const current = stmt.currentAt.get(counterId);
      if (current?.status === 'serving') {
        stmt.finishTicket.run(now, current.id);
        log({ type: 'finished', ticketId: current.id, counterId }, actor);
      } else if (current) {
        if (resolve === undefined) throw new DomainError('CURRENT_NOT_RESOLVED');
        if (resolve === 'noShow') markNoShow(current, counterId, actor);
        else {
          // The officer says service happened: it started at the call (Q19).
          stmt.finishAsServed.run(now, current.id);
          log({ type: 'started', ticketId: current.id, counterId }, actor);
          log({ type: 'finished', ticketId: current.id, counterId }, actor);
        }
      }
      return callTicket(row, next, now, actor);
    },
  );

  /** Calls one waiting ticket to the counter; the status guard makes a double call impossible (Q12). */
  function callTicket(
    row: { id: number; officer_id: number | null; priority_streak: number },
    next: QueuedTicket,
    now: number,
    actor: Actor,
    outOfOrder?: number,
  ): CallResult {
    const counterId = row.id;
    if (stmt.callTicket.run(counterId, row.officer_id, now, next.id).changes !== 1)
      throw new DomainError('STALE_TICKET');
    stmt.setStreak.run(nextPriorityStreak(row.priority_streak, next), counterId);
    const callSeq = Number(stmt.insertCall.run(next.id, counterId, 'call', now).lastInsertRowid);
    if (outOfOrder === undefined) log({ type: 'called', ticketId: next.id, counterId }, actor);
    else log({ type: 'called', ticketId: next.id, counterId, data: { outOfOrder: true, number: outOfOrder } }, actor);
    return { ticket: ticket(next.id), callSeq };
  }

  /** Today's ticket with this number that may be acted on at the counter (its services only). */
  function todaysNumber(serviceIds: readonly number[], number: number): TicketRow {
    const t = stmt.byNumber.get(localDate(clock.now()), number);
    if (!t) throw new DomainError('TICKET_NOT_FOUND');
    if (!serviceIds.includes(t.service_id)) throw new DomainError('SERVICE_NOT_AT_COUNTER');
    return t;
  }

  /** Q21: the officer calls one waiting number of the counter's services out of order. */
  const callNumber = writeTransaction(db, (counterId: number, number: number, actor: Actor): CallResult => {
    rollover();
    const row = staffed(counterId);
    if (row.paused) throw new DomainError('COUNTER_PAUSED');
    if (stmt.currentAt.get(counterId)) throw new DomainError('COUNTER_BUSY');
    const t = todaysNumber(JSON.parse(row.service_ids) as number[], number);
    if (t.status !== 'waiting') throw new DomainError('ACTION_OUT_OF_ORDER');
    return callTicket(
      row,
      { id: t.id, serviceId: t.service_id, priority: t.priority, queuedAt: t.queued_at },
      clock.now(),
      actor,
      number,
    );
  });

  /** Q22: a no-show of today who came back is called again to this counter (announced as a recall). */
  const recallNoShow = writeTransaction(
    db,
    (counterId: number, which: { ticketId: number } | { number: number }, actor: Actor): CallResult => {
      rollover();
      const row = staffed(counterId);
      if (row.paused) throw new DomainError('COUNTER_PAUSED');
      if (stmt.currentAt.get(counterId)) throw new DomainError('COUNTER_BUSY');
      const serviceIds = JSON.parse(row.service_ids) as number[];
      let t: TicketRow;
      if ('number' in which) t = todaysNumber(serviceIds, which.number);
      else {
        const byId = stmt.ticket.get(which.ticketId);
        if (!byId) throw new DomainError('TICKET_NOT_FOUND');
        if (!serviceIds.includes(byId.service_id)) throw new DomainError('SERVICE_NOT_AT_COUNTER');
        t = byId;
      }
      // Only today's: Q8 expired the rest, and an earlier day's no-show took a new number since.
      if (t.status !== 'noShow' || t.day !== localDate(clock.now())) throw new DomainError('ACTION_OUT_OF_ORDER');
      const now = clock.now();
      if (stmt.callAgain.run(counterId, row.officer_id, now, t.id).changes !== 1) throw new DomainError('STALE_TICKET');
      const callSeq = Number(stmt.insertCall.run(t.id, counterId, 'recall', now).lastInsertRowid);
      log({ type: 'recalled', ticketId: t.id, counterId, data: { fromNoShow: true } }, actor);
      return { ticket: ticket(t.id), callSeq };
    },
  );

  /** The counter's current ticket, checked against what the officer's screen showed. */
  function currentFor(counterId: number, ticketId: number | undefined, allowed: readonly TicketStatus[]): TicketRow {
    counterOrThrow(counterId);
    const current = stmt.currentAt.get(counterId);
    if (ticketId !== undefined && current?.id !== ticketId) {
      throw new DomainError(stmt.ticket.get(ticketId) ? 'STALE_TICKET' : 'TICKET_NOT_FOUND');
    }
    if (!current) throw new DomainError('NO_CURRENT_TICKET');
    if (!allowed.includes(current.status)) throw new DomainError('ACTION_OUT_OF_ORDER');
    return current;
  }

  /** Q9: a recall announces the called ticket again. */
  const recall = writeTransaction(db, (counterId: number, ticketId: number | undefined, actor: Actor): CallResult => {
    rollover();
    staffed(counterId);
    const t = currentFor(counterId, ticketId, ['called']);
    const callSeq = Number(stmt.insertCall.run(t.id, counterId, 'recall', clock.now()).lastInsertRowid);
    log({ type: 'recalled', ticketId: t.id, counterId }, actor);
    return { ticket: ticket(t.id), callSeq };
  });

  const start = writeTransaction(db, (counterId: number, ticketId: number | undefined, actor: Actor): Ticket => {
    rollover();
    const t = currentFor(counterId, ticketId, ['called']);
    stmt.startTicket.run(clock.now(), t.id);
    log({ type: 'started', ticketId: t.id, counterId }, actor);
    return ticket(t.id);
  });

  /** Finishing a called ticket counts it as served from the call (the officer skipped "start"). */
  const finish = writeTransaction(db, (counterId: number, ticketId: number | undefined, actor: Actor): Ticket => {
    rollover();
    const t = currentFor(counterId, ticketId, ['called', 'serving']);
    stmt.finishTicket.run(clock.now(), t.id);
    // Q19: the officer says service happened; it started at the call, and the log says so.
    if (t.status === 'called') log({ type: 'started', ticketId: t.id, counterId }, actor);
    log({ type: 'finished', ticketId: t.id, counterId }, actor);
    return ticket(t.id);
  });

  const noShow = writeTransaction(db, (counterId: number, ticketId: number | undefined, actor: Actor): Ticket => {
    rollover();
    const t = currentFor(counterId, ticketId, ['called']);
    markNoShow(t, counterId, actor);
    return ticket(t.id);
  });

  /**
   * Q4: a transfer ends the ticket as `transferred` and creates a waiting ticket for the other
   * service that keeps the number and the original issue time, so it goes ahead of every ticket
   * issued after it. The citizen's status page (publicId) follows the new ticket.
   */
  const transfer = writeTransaction(
    db,
    (counterId: number, serviceId: number, ticketId: number | undefined, actor: Actor): Ticket => {
      rollover();
      staffed(counterId);
      const t = currentFor(counterId, ticketId, ['called', 'serving']);
      if (!centre.service(serviceId)) throw new DomainError('SERVICE_NOT_FOUND');
      if (serviceId === t.service_id) throw new DomainError('BAD_REQUEST', 'transfer to the same service');
      const now = clock.now();
      stmt.transferOut.run(now, newPublicId(), t.id);
      const id = Number(
        stmt.insertTicket.run(
          t.public_id,
          t.day,
          serviceId,
          t.number,
          t.label,
          t.priority,
          t.issued_at,
          t.queued_at,
          t.id,
        ).lastInsertRowid,
      );
      log({ type: 'transferred', ticketId: t.id, counterId, data: { to: id, serviceId } }, actor);
      return ticket(id);
    },
  );

  /**
   * Q17: an admin cancels a `waiting` or `called` ticket, with a reason; a called ticket leaves its
   * counter with no current ticket. Any other status is ACTION_OUT_OF_ORDER.
   */
  const cancel = writeTransaction(db, (ticketId: number, reason: string, actor: Actor): Ticket => {
    rollover();
    const t = stmt.ticket.get(ticketId);
    if (!t) throw new DomainError('TICKET_NOT_FOUND');
    if (t.status !== 'waiting' && t.status !== 'called') throw new DomainError('ACTION_OUT_OF_ORDER');
    stmt.endTicket.run('cancelled', clock.now(), t.id);
    log({ type: 'cancelled', ticketId: t.id, counterId: t.counter_id, data: { reason } }, actor);
    return ticket(t.id);
  });

  /** Q17: every ticket still waiting for the service is cancelled, each logged; how many. */
  const cancelWaiting = writeTransaction(db, (serviceId: number, reason: string, actor: Actor): number => {
    rollover();
    if (!centre.service(serviceId)) throw new DomainError('SERVICE_NOT_FOUND');
    const ids = stmt.waitingIn
      .all(serviceId)
      .map((r) => r.id)
      .sort((a, b) => a - b);
    const now = clock.now();
    for (const id of ids) {
      stmt.endTicket.run('cancelled', now, id);
      log({ type: 'cancelled', ticketId: id, data: { reason } }, actor);
    }
    return ids.length;
  });

  return {
    rollover,
    issue,
    cancel,
    cancelWaiting,
    callNext,
    callNumber,
    recallNoShow,
    recall,
    start,
    finish,
    noShow,
    transfer,
    current(counterId: number): Ticket | null {
      const row = stmt.currentAt.get(counterId);
      return row ? toTicket(row) : null;
    },
    /** The next `limit` tickets a counter would call, in order (ignoring the priority cap). */
    upcoming(serviceOrder: readonly number[], limit: number): Ticket[] {
      const rank = new Map(serviceOrder.map((id, i) => [id, i]));
      return waitingFor(serviceOrder)
        .sort((a, b) => (rank.get(a.serviceId) ?? 0) - (rank.get(b.serviceId) ?? 0) || compareTickets(a, b))
        .slice(0, limit)
        .map((q) => ticket(q.id));
    },
    queues(): ServiceQueue[] {
      const s = settings();
      const counts = new Map(stmt.waitingCounts.all().map((r) => [r.service_id, r.n]));
      const open = openCounters();
      return centre.services().map((svc) => {
        const waiting = counts.get(svc.id) ?? 0;
        return { serviceId: svc.id, waiting, estimatedWaitMinutes: estimate(svc.id, waiting, s, open) };
      });
    },
    waitOf(ticketId: number): TicketWait {
      const row = stmt.ticket.get(ticketId);
      return row ? waitOfRow(row, settings()) : { ahead: null, estimatedWaitMinutes: null };
    },
    byPublicId(publicId: string): Ticket | null {
      const row = stmt.byPublicId.get(publicId);
      return row ? toTicket(row) : null;
    },
  };
}
export type QueueService = ReturnType<typeof createQueueService>;
