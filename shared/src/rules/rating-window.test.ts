import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RATING_SETTINGS,
  RATING_LEVELS,
  RatingLevel,
  ratingSettingsOf,
  UNHAPPY_LEVELS,
  type RatingSource,
} from '../model/rating';
import { ratingAllowed, ratingExpiresAt, ratingRefusal, type RatableTicket } from './rating-window';
import { localDate } from '../time/civil-date';
import { vi } from '../i18n/vi';
import { withAddressForm } from '../i18n/address-form';

// 10:00 in Hà Nội on 2 March 2026.
const FINISHED = Date.parse('2026-03-02T03:00:00Z');
const done: RatableTicket = { status: 'done', endedAt: FINISHED, rated: false };

describe('satisfaction ratings', () => {
  it('RT1: three levels by default, five as the option, best first, with their Vietnamese labels', () => {
    expect(ratingSettingsOf(null)).toEqual({ scale: 3, reasons: DEFAULT_RATING_SETTINGS.reasons, windowSeconds: 120 });
    expect(RATING_LEVELS[3].map((l) => vi.rating.levels[l])).toEqual(['Rất hài lòng', 'Hài lòng', 'Không hài lòng']);
    expect(RATING_LEVELS[5].map((l) => vi.rating.levels[l])).toEqual([
      'Rất hài lòng',
      'Hài lòng',
      'Bình thường',
      'Không hài lòng',
      'Rất không hài lòng',
    ]);
    expect(ratingAllowed(3, [], 'neutral', undefined)).toBe(false);
    expect(ratingAllowed(5, [], 'neutral', undefined)).toBe(true);
  });

  it('RT2: the counter page has the window after the finish, the phone until that day ends', () => {
    expect(ratingRefusal(done, 'counter', FINISHED + 119_999, 120)).toBeNull();
    expect(ratingRefusal(done, 'counter', FINISHED + 120_000, 120)).toBe('RATING_CLOSED');
    expect(ratingRefusal(done, 'pad', FINISHED + 30_000, 20)).toBe('RATING_CLOSED');
    // 23:59:59 local is still the day; midnight is not.
    expect(ratingRefusal(done, 'phone', Date.parse('2026-03-02T16:59:59Z'), 120)).toBeNull();
    expect(ratingRefusal(done, 'phone', Date.parse('2026-03-02T17:00:00Z'), 120)).toBe('RATING_CLOSED');
  });

  it('RT2/RT4: only a finished ticket, and only once', () => {
    for (const status of ['waiting', 'called', 'serving', 'noShow', 'transferred', 'expired', 'cancelled'] as const) {
      expect(ratingRefusal({ status, endedAt: FINISHED, rated: false }, 'counter', FINISHED, 120)).toBe(
        'NOTHING_TO_RATE',
      );
    }
    expect(ratingRefusal({ ...done, rated: true }, 'phone', FINISHED + 1000, 120)).toBe('RATING_DONE');
  });

  it('RT3: a reason only with an unhappy level, and only one of the centre’s', () => {
    const reasons = ['Phải chờ lâu'];
    expect(ratingAllowed(3, reasons, 'dissatisfied', 'Phải chờ lâu')).toBe(true);
    expect(ratingAllowed(5, reasons, 'veryDissatisfied', 'Phải chờ lâu')).toBe(true);
    expect(ratingAllowed(3, reasons, 'satisfied', 'Phải chờ lâu')).toBe(false);
    expect(ratingAllowed(3, reasons, 'dissatisfied', 'Tên tôi là An')).toBe(false);
    expect(ratingAllowed(3, reasons, 'dissatisfied', undefined)).toBe(true);
  });

  it('RT2 property: a counter rating is allowed exactly within the window; the phone’s exactly on the same local day', () => {
    const sources: RatingSource[] = ['counter', 'pad', 'phone'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2024-01-01'), max: Date.parse('2030-01-01') }),
        fc.integer({ min: 0, max: 3 * 86_400_000 }),
        fc.integer({ min: 10, max: 3600 }),
        fc.constantFrom(...sources),
        fc.boolean(),
        (endedAt, after, windowSeconds, source, rated) => {
          const now = endedAt + after;
          const refusal = ratingRefusal({ status: 'done', endedAt, rated }, source, now, windowSeconds);
          const open = source === 'phone' ? localDate(now) === localDate(endedAt) : after < windowSeconds * 1000;
          expect(now < ratingExpiresAt(endedAt, source, windowSeconds)).toBe(open);
          expect(refusal).toBe(rated ? 'RATING_DONE' : open ? null : 'RATING_CLOSED');
        },
      ),
    );
  });

  it('RT1/RT3 property: a reason is accepted only with a level of the scale that is unhappy', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(3 as const, 5 as const),
        fc.constantFrom(...RatingLevel.options),
        fc.option(fc.constantFrom(...DEFAULT_RATING_SETTINGS.reasons, 'khác'), { nil: undefined }),
        (scale, level, reason) => {
          const ok = ratingAllowed(scale, DEFAULT_RATING_SETTINGS.reasons, level, reason);
          const inScale = RATING_LEVELS[scale].includes(level);
          const reasonOk =
            reason === undefined ||
            (UNHAPPY_LEVELS.includes(level) && DEFAULT_RATING_SETTINGS.reasons.includes(reason));
          expect(ok).toBe(inScale && reasonOk);
        },
      ),
    );
  });

  it('RT7 I5: the rating page speaks in the centre’s register', () => {
    expect(withAddressForm(vi, 'ongBa').rating.idle).toBe('Mời Ông/Bà đánh giá sau khi được phục vụ');
    expect(withAddressForm(vi, 'ongBa').rating.thanks).toBe('Cảm ơn Ông/Bà đã đánh giá!');
  });
});
