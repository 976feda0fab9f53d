import { manualClock } from '@luot/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './token-bucket';

const T0 = Date.UTC(2026, 10, 23, 1, 0, 0);

describe('token bucket', () => {
  it('L1: a quiet key gets its burst at once, then one request per refill interval', () => {
    const clock = manualClock(T0);
    const limiter = createRateLimiter({ perMinute: 60, burst: 10 }, clock);
    const first = Array.from({ length: 15 }, () => limiter.take('kiosk-1').ok);
    expect(first.filter(Boolean)).toHaveLength(10);
    expect(first.slice(10)).toEqual([false, false, false, false, false]);
    const refused = limiter.take('kiosk-1');
    expect(refused).toEqual({ ok: false, retryAfterMs: 1000, first: false });
    clock.advance(999);
    expect(limiter.take('kiosk-1').ok).toBe(false);
    clock.advance(1);
    expect(limiter.take('kiosk-1').ok).toBe(true);
    expect(limiter.take('kiosk-1').ok).toBe(false);
    // Another key has its own bucket.
    expect(limiter.take('kiosk-2').ok).toBe(true);
  });

  it('L1: only the first refusal of a burst is flagged for the log; a full bucket starts a new burst', () => {
    const clock = manualClock(T0);
    const limiter = createRateLimiter({ perMinute: 60, burst: 2 }, clock);
    limiter.take('a');
    limiter.take('a');
    const refusals = Array.from({ length: 5 }, () => limiter.take('a'));
    expect(refusals.map((r) => !r.ok && r.first)).toEqual([true, false, false, false, false]);
    // A token comes back but the flood goes on: still the same burst.
    clock.advance(1000);
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a')).toMatchObject({ ok: false, first: false });
    // Quiet until full again: the next flood is logged once more.
    clock.advance(2000);
    limiter.take('a');
    limiter.take('a');
    expect(limiter.take('a')).toMatchObject({ ok: false, first: true });
  });

  it('L1: a refunded token can be used again; a clock set back neither adds nor takes tokens', () => {
    const clock = manualClock(T0);
    const limiter = createRateLimiter({ perMinute: 6, burst: 1 }, clock);
    expect(limiter.take('k').ok).toBe(true);
    limiter.refund('k');
    expect(limiter.take('k').ok).toBe(true);
    expect(limiter.take('k').ok).toBe(false);
    clock.set(T0 - 3_600_000);
    expect(limiter.take('k').ok).toBe(false);
    // The refill goes on from the new time: no hour-long wait for the clock to catch up.
    clock.advance(10_000);
    expect(limiter.take('k').ok).toBe(true);
  });

  it('L1: idle keys are forgotten and no more than maxKeys are kept', () => {
    const clock = manualClock(T0);
    const limiter = createRateLimiter({ perMinute: 60, burst: 10 }, clock, { maxKeys: 100 });
    for (let i = 0; i < 1000; i++) limiter.take(`addr-${i}`);
    expect(limiter.size()).toBe(100);
    // A bucket fills from empty in 10 s: after that nobody needs remembering.
    clock.advance(10_000);
    limiter.take('late');
    expect(limiter.size()).toBe(1);
  });

  it('L1 property: over any window of t ms a key is granted at most burst + rate·t', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 1, max: 30 }),
        fc.array(
          fc.record({
            gap: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 20_000 })),
            key: fc.integer({ min: 0, max: 2 }),
          }),
          {
            maxLength: 300,
          },
        ),
        (perMinute, burst, requests) => {
          const clock = manualClock(T0);
          const limiter = createRateLimiter({ perMinute, burst }, clock);
          const granted = new Map<number, number[]>();
          for (const r of requests) {
            clock.advance(r.gap);
            if (limiter.take(String(r.key)).ok) granted.set(r.key, [...(granted.get(r.key) ?? []), clock.now()]);
          }
          for (const times of granted.values()) {
            for (let i = 0; i < times.length; i++) {
              for (let j = i; j < times.length; j++) {
                const window = times[j]! - times[i]!;
                expect(j - i + 1).toBeLessThanOrEqual(burst + (perMinute * window) / 60_000 + 1e-9);
              }
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('L1 property: a key that keeps to the rate is never refused, and a refused key waiting as told is served', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 100 }),
        (perMinute, burst, extra) => {
          const clock = manualClock(T0);
          const limiter = createRateLimiter({ perMinute, burst }, clock);
          const interval = Math.ceil(60_000 / perMinute);
          for (const e of extra) {
            expect(limiter.take('steady').ok).toBe(true);
            clock.advance(interval + e);
          }
          for (let i = 0; i < burst; i++) limiter.take('flood');
          const refused = limiter.take('flood');
          if (refused.ok) throw new Error('a bucket emptied by its burst still granted');
          clock.advance(refused.retryAfterMs);
          expect(limiter.take('flood').ok).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
