import { en, manualClock, retryAfterText } from '@luot/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from './limits';
import { createLockout } from './lockout';

const T0 = Date.UTC(2026, 10, 23, 1, 0, 0);
const MIN = 60_000;

describe('sign-in lockout', () => {
  it('L3: five failures lock for a minute; each failure after a lock doubles it, up to 15 minutes', () => {
    const clock = manualClock(T0);
    const lockout = createLockout(DEFAULT_LIMITS.signIn, clock);
    expect([1, 2, 3, 4].map(() => lockout.fail('officer:an'))).toEqual([0, 0, 0, 0]);
    expect(lockout.lockedFor('officer:an')).toBe(0);
    expect(lockout.fail('officer:an')).toBe(MIN);
    expect(lockout.lockedFor('officer:an')).toBe(MIN);
    clock.advance(45_000);
    expect(lockout.lockedFor('officer:an')).toBe(15_000);
    const locks: number[] = [];
    for (let i = 0; i < 6; i++) {
      clock.advance(lockout.lockedFor('officer:an'));
      expect(lockout.lockedFor('officer:an')).toBe(0);
      locks.push(lockout.fail('officer:an'));
    }
    expect(locks).toEqual([2 * MIN, 4 * MIN, 8 * MIN, 15 * MIN, 15 * MIN, 15 * MIN]);
    // Other keys are untouched.
    expect(lockout.lockedFor('officer:binh')).toBe(0);
  });

  it('L3: a success clears the key; an hour without failures starts afresh', () => {
    const clock = manualClock(T0);
    const lockout = createLockout(DEFAULT_LIMITS.signIn, clock);
    for (let i = 0; i < 4; i++) lockout.fail('device:7');
    lockout.succeed('device:7');
    expect([1, 2, 3, 4].map(() => lockout.fail('device:7'))).toEqual([0, 0, 0, 0]);
    expect(lockout.fail('device:7')).toBe(MIN);
    clock.advance(60 * MIN);
    expect(lockout.lockedFor('device:7')).toBe(0);
    expect([1, 2, 3, 4].map(() => lockout.fail('device:7'))).toEqual([0, 0, 0, 0]);
    expect(lockout.fail('device:7')).toBe(MIN);
  });

  it('L3: failures while locked change nothing', () => {
    const clock = manualClock(T0);
    const lockout = createLockout(DEFAULT_LIMITS.signIn, clock);
    for (let i = 0; i < 5; i++) lockout.fail('k');
    for (let i = 0; i < 10; i++) expect(lockout.fail('k')).toBe(0);
    expect(lockout.lockedFor('k')).toBe(MIN);
  });

  it('L3 property: memory stays within maxKeys, and a lock never exceeds 15 minutes', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            key: fc.integer({ min: 0, max: 40 }),
            gap: fc.integer({ min: 0, max: 20 * MIN }),
            ok: fc.boolean(),
          }),
          {
            maxLength: 200,
          },
        ),
        (attempts) => {
          const clock = manualClock(T0);
          const lockout = createLockout(DEFAULT_LIMITS.signIn, clock, { maxKeys: 16 });
          for (const a of attempts) {
            clock.advance(a.gap);
            const key = `k${a.key}`;
            if (a.ok) lockout.succeed(key);
            else expect(lockout.fail(key)).toBeLessThanOrEqual(15 * MIN);
            expect(lockout.lockedFor(key)).toBeLessThanOrEqual(15 * MIN);
            expect(lockout.size()).toBeLessThanOrEqual(16);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("L3: the time left in words, as the refusal's detail", () => {
    expect(retryAfterText(0.2)).toBe('Vui lòng thử lại sau 1 giây.');
    expect(retryAfterText(45)).toBe('Vui lòng thử lại sau 45 giây.');
    expect(retryAfterText(60)).toBe('Vui lòng thử lại sau 1 phút.');
    expect(retryAfterText(90)).toBe('Vui lòng thử lại sau 1 phút 30 giây.');
    expect(retryAfterText(900)).toBe('Vui lòng thử lại sau 15 phút.');
    expect(retryAfterText(90, en)).toBe('Please try again in 1 min 30 s.');
  });
});
