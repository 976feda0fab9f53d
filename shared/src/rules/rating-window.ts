import { RATING_LEVELS, UNHAPPY_LEVELS, type RatingLevel, type RatingScale, type RatingSource } from '../model/rating';
import type { TicketStatus } from '../model/ticket';
import { nextLocalMidnight } from '../time/civil-date';

/** What the rating rules need to know of a ticket. */
export interface RatableTicket {
  status: TicketStatus;
  /** When it was finished (epoch ms); null while it was not. */
  endedAt: number | null;
  /** Whether a rating is recorded for it already. */
  rated: boolean;
}

export type RatingRefusal = 'NOTHING_TO_RATE' | 'RATING_DONE' | 'RATING_CLOSED';

/**
 * RT2: until when a ticket finished at `endedAt` may be rated from `source`: the counter's page and
 * a pad for `windowSeconds`, the phone until the end of that local day.
 *
 * @example ratingExpiresAt(finished, 'counter', 120) === finished + 120_000
 */
export function ratingExpiresAt(endedAt: number, source: RatingSource, windowSeconds: number): number {
  return source === 'phone' ? nextLocalMidnight(endedAt) : endedAt + windowSeconds * 1000;
}

/**
 * RT2, RT4: why a rating of this ticket from `source` at `now` is refused, or null when it may be
 * rated: only a finished ticket (done), once, within its window.
 */
export function ratingRefusal(
  ticket: RatableTicket,
  source: RatingSource,
  now: number,
  windowSeconds: number,
): RatingRefusal | null {
  if (ticket.status !== 'done' || ticket.endedAt === null) return 'NOTHING_TO_RATE';
  if (ticket.rated) return 'RATING_DONE';
  if (now >= ratingExpiresAt(ticket.endedAt, source, windowSeconds)) return 'RATING_CLOSED';
  return null;
}

/**
 * RT1, RT3: whether a rating is one the centre's scale offers, its reason (if any) one of the
 * centre's reasons and given only with an unhappy level.
 */
export function ratingAllowed(
  scale: RatingScale,
  reasons: readonly string[],
  level: RatingLevel,
  reason: string | undefined,
): boolean {
  if (!RATING_LEVELS[scale].includes(level)) return false;
  if (reason === undefined) return true;
  return UNHAPPY_LEVELS.includes(level) && reasons.includes(reason);
}
