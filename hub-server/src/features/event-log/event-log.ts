import type { Clock, PrintOutcome, RatingLevel, RatingScale, RatingSource } from '@luot/shared';
import type { Db } from '../../db/open';

/** Where an event happened and who did it; every field the table has a column for. */
interface EventWhere {
  ticketId?: number | null;
  counterId?: number | null;
  /** The device that asked (null for the hub's own timers). */
  deviceId?: number | null;
  officerId?: number | null;
}

/** Every kind of entry in `queue_events`, with the data each carries. */
export type QueueEvent = EventWhere &
  (
    | { type: 'issued'; data: { number: number; priority: string | null } }
    | { type: 'called' | 'recalled' | 'started' | 'finished' | 'noShow'; data?: undefined }
    /** Q21: a number called out of order, chosen by the officer. */
    | { type: 'called'; data: { outOfOrder: true; number: number } }
    /** Q22: a no-show who came back, called again. */
    | { type: 'recalled'; data: { fromNoShow: true } }
    /** Q27: a called ticket back in the queue, as its officer left the counter. */
    | { type: 'requeued'; data: { reason: 'signedOut' | 'moved' } }
    /** Q18: the officer moved to another counter, which signed them out of this one. */
    | { type: 'signedOut'; data: { movedTo: number } }
    | { type: 'transferred'; data: { to: number; serviceId: number } }
    | { type: 'paused' | 'resumed' | 'signedIn' | 'signedOut'; data?: undefined }
    | { type: 'dayClosed'; data: { day: string; expired: number } }
    | { type: 'printed'; data: { printer: string } & Extract<PrintOutcome, { ok: true }> }
    | { type: 'printFailed'; data: { printer: string; code: string } }
    | { type: 'cancelled'; data: { reason: string } }
    | { type: 'rateLimited'; data: { limit: 'ticketIssue' } }
    | { type: 'signInFailed'; data: { name: string } }
    | { type: 'officerLocked'; data: { name: string; scope: 'officer' | 'device'; seconds: number } }
    /** RT5: a satisfaction rating of the ticket (never of a person). */
    | { type: 'rated'; data: { level: RatingLevel; scale: RatingScale; source: RatingSource; reason: string | null } }
  );
export type QueueEventType = QueueEvent['type'];

/**
 * The queue's event log: who did what, when, from which device. The one writer of `queue_events`;
 * call it inside the transaction that made the change, so the log and the state never disagree.
 */
export function createEventLog(db: Db, clock: Clock) {
  const insert = db.prepare(
    `INSERT INTO queue_events (at, type, ticket_id, counter_id, device_id, officer_id, data)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  return {
    record(e: QueueEvent): void {
      insert.run(
        clock.now(),
        e.type,
        e.ticketId ?? null,
        e.counterId ?? null,
        e.deviceId ?? null,
        e.officerId ?? null,
        e.data === undefined ? null : JSON.stringify(e.data),
      );
    },
  };
}
export type EventLog = ReturnType<typeof createEventLog>;
