import { z } from 'zod';
import { RatingLevel, RatingReason, RatingScale, RatingSource } from '../model/rating';
import { Id } from './common';

/**
 * RT4: a rating from the counter's rating page (a `counter` device bound to that counter): the
 * ticket it was shown, the level, and a reason after an unhappy level (RT3).
 */
export const RatingSubmitInput = z.strictObject({
  counterId: Id,
  ticketId: Id,
  level: RatingLevel,
  reason: RatingReason.optional(),
});
export type RatingSubmitInput = z.infer<typeof RatingSubmitInput>;

/** RT8: the phone page's rating of its own ticket (`POST /api/public/tickets/<publicId>/rating`). */
export const PublicRatingInput = z.strictObject({ level: RatingLevel, reason: RatingReason.optional() });
export type PublicRatingInput = z.infer<typeof PublicRatingInput>;

/** RT6: a ticket the counter's rating page asks the citizen to rate, until `expiresAt`. */
export const RatingRequest = z.object({
  counterId: z.number().int().positive(),
  counterNumber: z.number().int().positive(),
  ticketId: z.number().int().positive(),
  label: z.string(),
  /** ISO-8601 instant the window closes (RT2). */
  expiresAt: z.string(),
  /**
   * Whole seconds left when the hub sent it: what the page counts down with, since a tablet's own
   * clock may be wrong on a centre's network without time servers.
   */
  secondsLeft: z.number().int().min(0),
  scale: RatingScale,
  /** RT3: the centre's reasons for an unhappy level. */
  reasons: z.array(z.string()),
});
export type RatingRequest = z.infer<typeof RatingRequest>;

/** RT7: `rating:pending`: the ticket the counter's page may still have rated, or null (it says so). */
export const RatingPending = RatingRequest.nullable();
export type RatingPending = z.infer<typeof RatingPending>;

/** RT5: a recorded rating: the ticket, never a person. */
export const Rating = z.object({
  ticketId: z.number().int().positive(),
  level: RatingLevel,
  scale: RatingScale,
  reason: z.string().nullable(),
  source: RatingSource,
  at: z.string(),
});
export type Rating = z.infer<typeof Rating>;

/** RT8: what the phone page shows of the rating: whether it may rate now, and what was given. */
export const PublicRating = z.object({
  canRate: z.boolean(),
  level: RatingLevel.nullable(),
  scale: RatingScale,
  reasons: z.array(z.string()),
});
export type PublicRating = z.infer<typeof PublicRating>;
