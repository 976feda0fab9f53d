import {
  DomainError,
  PublicId,
  ratingAllowed,
  ratingExpiresAt,
  ratingRefusal,
  ratingSettingsOf,
  type Clock,
  type PublicRating,
  type Rating,
  type RatingLevel,
  type RatingRequest,
  type RatingSource,
} from '@luot/shared';
import { writeTransaction, type Db } from '../../db/open';
import type { CentreRepository } from '../centre/centre-repository';
import type { EventLog } from '../event-log/event-log';

/** What a rating needs of a ticket; no public id leaves this file. */
interface RatedTicketRow {
  id: number;
  label: string;
  status: string;
  counter_id: number | null;
  officer_id: number | null;
  service_id: number;
  ended_at: number | null;
  level: RatingLevel | null;
}

const TICKET = `SELECT t.id, t.label, t.status, t.counter_id, t.officer_id, t.service_id, t.ended_at, r.level
  FROM tickets t LEFT JOIN ratings r ON r.ticket_id = t.id`;

export interface RatingInput {
  level: RatingLevel;
  reason?: string;
}

/**
 * RT1–RT8: satisfaction ratings. One rating per ticket, written with its queue event in one
 * transaction; tied to the ticket, its counter, officer and service, never to a person.
 */
export function createRatingService(db: Db, centre: CentreRepository, events: EventLog, clock: Clock) {
  const byId = db.prepare<[number], RatedTicketRow>(`${TICKET} WHERE t.id = ?`);
  const byPublicId = db.prepare<[string], RatedTicketRow>(`${TICKET} WHERE t.public_id = ?`);
  // The counter's latest finished ticket: the only one its page may offer (RT7).
  const lastDone = db.prepare<[number], RatedTicketRow>(
    `${TICKET} WHERE t.counter_id = ? AND t.status = 'done' ORDER BY t.ended_at DESC, t.id DESC LIMIT 1`,
  );
  const insert = db.prepare(
    `INSERT INTO ratings (ticket_id, counter_id, officer_id, service_id, level, scale, reason, at, source)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const settings = () => ratingSettingsOf(centre.settings());
  const refusal = (row: RatedTicketRow, source: RatingSource) =>
    ratingRefusal(
      { status: row.status as never, endedAt: row.ended_at, rated: row.level !== null },
      source,
      clock.now(),
      settings().windowSeconds,
    );

  /** RT6: the request the counter's page shows for a ticket that may be rated there now, else null. */
  function requestOf(row: RatedTicketRow | undefined): RatingRequest | null {
    if (!row || row.counter_id === null || refusal(row, 'counter') !== null) return null;
    const counter = centre.counter(row.counter_id);
    if (!counter) return null;
    const { scale, reasons, windowSeconds } = settings();
    const expiresAt = ratingExpiresAt(row.ended_at as number, 'counter', windowSeconds);
    return {
      counterId: row.counter_id,
      counterNumber: counter.number,
      ticketId: row.id,
      label: row.label,
      expiresAt: new Date(expiresAt).toISOString(),
      secondsLeft: Math.ceil((expiresAt - clock.now()) / 1000),
      scale,
      reasons,
    };
  }

  const record = writeTransaction(
    db,
    (row: RatedTicketRow, input: RatingInput, source: RatingSource, deviceId: number | null): Rating => {
      const why = refusal(row, source);
      if (why) throw new DomainError(why);
      const { scale, reasons } = settings();
      if (!ratingAllowed(scale, reasons, input.level, input.reason)) throw new DomainError('BAD_REQUEST');
      const at = clock.now();
      const reason = input.reason ?? null;
      insert.run(row.id, row.counter_id, row.officer_id, row.service_id, input.level, scale, reason, at, source);
      events.record({
        type: 'rated',
        ticketId: row.id,
        counterId: row.counter_id,
        officerId: row.officer_id,
        deviceId,
        data: { level: input.level, scale, source, reason },
      });
      return { ticketId: row.id, level: input.level, scale, reason, source, at: new Date(at).toISOString() };
    },
  );

  return {
    /** RT6: what to push to the counter's devices once `ticketId` was finished (null: nothing). */
    requestFor: (ticketId: number): RatingRequest | null => requestOf(byId.get(ticketId)),
    /** RT7: the counter's ticket that may still be rated, or null. */
    pending: (counterId: number): RatingRequest | null => requestOf(lastDone.get(counterId)),
    /** RT4: a rating from a device bound to `counterId`: only that counter's ticket (else NOTHING_TO_RATE). */
    submitAtCounter(
      counterId: number,
      ticketId: number,
      input: RatingInput,
      source: 'counter' | 'pad',
      deviceId: number,
    ): Rating {
      const row = byId.get(ticketId);
      if (!row || row.counter_id !== counterId) throw new DomainError('NOTHING_TO_RATE');
      return record(row, input, source, deviceId);
    },
    /** RT8: the phone page's rating of its own ticket. */
    submitPublic(publicId: string, input: RatingInput): Rating {
      const row = PublicId.safeParse(publicId).success ? byPublicId.get(publicId) : undefined;
      if (!row) throw new DomainError('TICKET_NOT_FOUND');
      return record(row, input, 'phone', null);
    },
    /** RT8: what the phone page shows of the rating of its ticket. */
    publicRating(publicId: string): PublicRating {
      const row = byPublicId.get(publicId);
      const { scale, reasons } = settings();
      return { canRate: !!row && refusal(row, 'phone') === null, level: row?.level ?? null, scale, reasons };
    },
  };
}
export type RatingService = ReturnType<typeof createRatingService>;
