import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOfDay, dayNumber, isIsoDate, localDate, nextLocalMidnight, startOfLocalDay } from './civil-date';

describe('local time in Asia/Ho_Chi_Minh', () => {
  it('T1: the local date turns at 17:00 UTC', () => {
    expect(localDate(Date.parse('2026-11-23T16:59:59Z'))).toBe('2026-11-23');
    expect(localDate(Date.parse('2026-11-23T17:00:00Z'))).toBe('2026-11-24');
  });
  it('T1 property: the integer arithmetic agrees with the calendar for years 1000–9999', () => {
    const min = Date.parse('1000-01-01T00:00:00Z');
    const max = Date.parse('9999-12-31T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min, max }), (ms) => {
        expect(localDate(ms)).toBe(new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10));
      }),
      { numRuns: 20_000 },
    );
    expect(localDate(Date.parse('2028-02-28T17:00:00Z'))).toBe('2028-02-29');
    expect(localDate(Date.parse('2100-02-28T17:00:00Z'))).toBe('2100-03-01');
  });
  it('T3: local midnight', () => {
    expect(new Date(startOfLocalDay('2026-11-24')).toISOString()).toBe('2026-11-23T17:00:00.000Z');
    expect(new Date(nextLocalMidnight(Date.parse('2026-11-23T10:00:00Z'))).toISOString()).toBe(
      '2026-11-23T17:00:00.000Z',
    );
  });
  it('T4: calendar dates are checked, not just their shape', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('26-02-01')).toBe(false);
  });
});

describe('day numbers', () => {
  it('D3: day numbers are plain calendar arithmetic, the same as the UTC calendar, both ways', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('1900-01-01'), max: Date.parse('2199-12-31') }), (t) => {
        const date = new Date(t).toISOString().slice(0, 10);
        expect(dayNumber(date)).toBe(Math.floor(t / 86_400_000));
        expect(dateOfDay(dayNumber(date))).toBe(date);
      }),
      { numRuns: 2000 },
    );
  });
});
