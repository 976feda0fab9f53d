import type { Db } from '../../db/open';
import type { TicketRow } from './ticket-row';

export interface QueuedRow {
  id: number;
  service_id: number;
  priority: string | null;
  queued_at: number;
}

/** Every statement the queue runs, prepared once. */
export function queueStatements(db: Db) {
  return {
    lastSeq: db.prepare<[string, number], { last_seq: number }>(
      'SELECT last_seq FROM sequences WHERE day = ? AND service_id = ?',
    ),
    putSeq: db.prepare(
      'INSERT INTO sequences (day, service_id, last_seq) VALUES (?, ?, ?) ON CONFLICT(day, service_id) DO UPDATE SET last_seq = excluded.last_seq',
    ),
    insertTicket: db.prepare(
      `INSERT INTO tickets (public_id, day, service_id, number, label, priority, status, issued_at, queued_at, transferred_from)
       VALUES (?, ?, ?, ?, ?, ?, 'waiting', ?, ?, ?)`,
    ),
    ticket: db.prepare<[number], TicketRow>('SELECT * FROM tickets WHERE id = ?'),
    byPublicId: db.prepare<[string], TicketRow>('SELECT * FROM tickets WHERE public_id = ?'),
    waitingIn: db.prepare<[number], QueuedRow>(
      "SELECT id, service_id, priority, queued_at FROM tickets WHERE status = 'waiting' AND service_id = ?",
    ),
    /** The head of each class of a service's queue: all that call-next ever needs to look at. */
    headsIn: db.prepare<[number, number], QueuedRow>(
      `SELECT * FROM (SELECT id, service_id, priority, queued_at FROM tickets
         WHERE status = 'waiting' AND service_id = ? AND priority IS NOT NULL ORDER BY queued_at, id LIMIT 1)
       UNION ALL
       SELECT * FROM (SELECT id, service_id, priority, queued_at FROM tickets
         WHERE status = 'waiting' AND service_id = ? AND priority IS NULL ORDER BY queued_at, id LIMIT 1)`,
    ),
    /** Q5 in SQL: waiting tickets of the service that Q1 puts before (priority?, queued_at, id). */
    countAhead: db.prepare<{ serviceId: number; id: number; priority: number; queuedAt: number }, { n: number }>(
      `SELECT COUNT(*) AS n FROM tickets WHERE status = 'waiting' AND service_id = @serviceId AND id != @id AND (
         (priority IS NOT NULL AND @priority = 0)
         OR ((priority IS NOT NULL) = (@priority = 1) AND (queued_at < @queuedAt OR (queued_at = @queuedAt AND id < @id))))`,
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
      "UPDATE tickets SET status = 'called', counter_id = ?, officer_id = ?, called_at = ? WHERE id = ? AND status = 'waiting'",
    ),
    startTicket: db.prepare("UPDATE tickets SET status = 'serving', served_at = ? WHERE id = ?"),
    finishTicket: db.prepare(
      "UPDATE tickets SET status = 'done', served_at = COALESCE(served_at, called_at), ended_at = ? WHERE id = ?",
    ),
    endTicket: db.prepare('UPDATE tickets SET status = ?, ended_at = ? WHERE id = ?'),
    transferOut: db.prepare(
      "UPDATE tickets SET status = 'transferred', served_at = COALESCE(served_at, called_at), ended_at = ?, public_id = ? WHERE id = ?",
    ),
    expireBefore: db.prepare(
      "UPDATE tickets SET status = 'expired', ended_at = ? WHERE day < ? AND status IN ('waiting', 'called', 'serving')",
    ),
    resetStreaks: db.prepare('UPDATE counters SET priority_streak = 0'),
    setStreak: db.prepare('UPDATE counters SET priority_streak = ? WHERE id = ?'),
    /** The latest ticket of the day with this number (a transfer keeps the number: the newest leg). */
    byNumber: db.prepare<[string, number], TicketRow>(
      'SELECT * FROM tickets WHERE day = ? AND number = ? ORDER BY id DESC LIMIT 1',
    ),
    recalledSince: db.prepare<[number, number], { n: number }>(
      "SELECT COUNT(*) AS n FROM calls WHERE ticket_id = ? AND kind = 'recall' AND at >= ?",
    ),
    /** Q22: a no-show called again. */
    callAgain: db.prepare(
      "UPDATE tickets SET status = 'called', counter_id = ?, officer_id = ?, called_at = ?, ended_at = NULL WHERE id = ? AND status = 'noShow'",
    ),
    /** Q19: the officer says the called citizen came and was served: service time from the call. */
    finishAsServed: db.prepare("UPDATE tickets SET status = 'done', served_at = called_at, ended_at = ? WHERE id = ?"),
    insertCall: db.prepare('INSERT INTO calls (ticket_id, counter_id, kind, at) VALUES (?, ?, ?, ?)'),
    closedDay: db.prepare<[], { value: string }>("SELECT value FROM hub_state WHERE key = 'closedDay'"),
    setClosedDay: db.prepare(
      "INSERT INTO hub_state (key, value) VALUES ('closedDay', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ),
  };
}
