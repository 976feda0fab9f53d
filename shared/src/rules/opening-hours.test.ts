import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ServiceSchedule, ServiceSession } from '../model/service';
import { localDate, startOfLocalDay } from '../time/civil-date';
import { closedServiceText, isOpenAt, nextOpening, scheduleOf, sessionsOn } from './opening-hours';
import { EMPTY_CALENDAR, type CalendarDays } from './working-days';

const at = (date: string, hhmm: string): number =>
  startOfLocalDay(date) + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000;
const day = [
  { from: '07:30', to: '11:30', lastNumberAt: '11:00' },
  { from: '13:30', to: '17:00', lastNumberAt: '16:30' },
];
/** A commune centre: Monday–Friday mornings and afternoons, Saturday mornings. */
const WEEK: ServiceSchedule = { week: [[], day, day, day, day, day, [day[0]!]] };
const CAL: CalendarDays = { holidays: ['2026-12-01', '2027-01-01'], workingWeekends: ['2026-12-06'] };

describe('opening hours', () => {
  it('Q23: open inside a session before its last-number time; closed before, between and after', () => {
    expect(isOpenAt(WEEK, CAL, at('2026-11-30', '07:30'))).toBe(true); // Monday
    expect(isOpenAt(WEEK, CAL, at('2026-11-30', '07:29'))).toBe(false);
    expect(isOpenAt(WEEK, CAL, at('2026-11-30', '10:59'))).toBe(true);
    expect(isOpenAt(WEEK, CAL, at('2026-11-30', '11:00'))).toBe(false); // last number at 11:00
    expect(isOpenAt(WEEK, CAL, at('2026-11-30', '12:00'))).toBe(false);
    expect(isOpenAt(WEEK, CAL, at('2026-11-30', '13:30'))).toBe(true);
    expect(isOpenAt(WEEK, CAL, at('2026-11-30', '16:30'))).toBe(false);
    expect(isOpenAt(WEEK, CAL, at('2026-11-29', '09:00'))).toBe(false); // Sunday
    expect(isOpenAt(WEEK, CAL, at('2026-11-28', '09:00'))).toBe(true); // Saturday morning
    expect(isOpenAt(WEEK, CAL, at('2026-11-28', '14:00'))).toBe(false);
  });

  it('Q23: a holiday is closed all day; a make-up working weekend day has Monday’s sessions', () => {
    expect(sessionsOn(WEEK, CAL, '2026-12-01')).toEqual([]); // a Tuesday holiday
    expect(isOpenAt(WEEK, CAL, at('2026-12-01', '09:00'))).toBe(false);
    expect(sessionsOn(WEEK, CAL, '2026-12-06')).toEqual(day); // a Sunday made a working day
    expect(isOpenAt(WEEK, CAL, at('2026-12-06', '14:00'))).toBe(true);
  });

  it('Q23: without a schedule, opensAt–closesAt Monday to Friday', () => {
    const s = scheduleOf({ opensAt: '07:30', closesAt: '17:00' });
    expect(isOpenAt(s, EMPTY_CALENDAR, at('2026-11-30', '07:30'))).toBe(true);
    expect(isOpenAt(s, EMPTY_CALENDAR, at('2026-11-29', '00:05'))).toBe(false); // 00:05 on a Sunday
  });

  it('Q24: the next opening, in words a citizen understands', () => {
    // 00:05 on Sunday 29/11/2026 → Monday 30/11 at 7:30.
    const next = nextOpening(WEEK, CAL, at('2026-11-29', '00:05'));
    expect(next).toBe(at('2026-11-30', '07:30'));
    expect(closedServiceText(next)).toBe(
      'Dịch vụ đang ngoài giờ tiếp nhận. Mời công dân quay lại lúc 7:30 sáng thứ Hai, 30/11/2026.',
    );
    // Between sessions: this afternoon; after the last number on Monday: Wednesday, as Tuesday is a holiday.
    expect(nextOpening(WEEK, CAL, at('2026-11-30', '11:10'))).toBe(at('2026-11-30', '13:30'));
    expect(closedServiceText(at('2026-11-30', '13:30'))).toContain('13:30 chiều thứ Hai, 30/11/2026');
    expect(nextOpening(WEEK, CAL, at('2026-11-30', '16:45'))).toBe(at('2026-12-02', '07:30'));
    // Open now: now. The daily cap reached: the next day's first session.
    expect(nextOpening(WEEK, CAL, at('2026-11-30', '08:00'))).toBe(at('2026-11-30', '08:00'));
    expect(nextOpening(WEEK, CAL, at('2026-11-30', '08:00'), true)).toBe(at('2026-12-02', '07:30'));
    // Saturday afternoon → the make-up Sunday.
    expect(closedServiceText(nextOpening(WEEK, CAL, at('2026-12-05', '12:00')))).toContain('Chủ nhật, 06/12/2026');
    expect(nextOpening({ week: [[], [], [], [], [], [], []] }, CAL, at('2026-11-30', '08:00'))).toBeNull();
    expect(closedServiceText(null)).toBe('Dịch vụ đang ngoài giờ tiếp nhận.');
  });

  // Any weekly schedule, any calendar, any instant.
  const hhmm = fc
    .integer({ min: 0, max: 24 * 60 })
    .map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  const session: fc.Arbitrary<ServiceSession> = fc
    .tuple(hhmm, hhmm, hhmm)
    .map(([a, b, c]) => [a, b, c].sort() as [string, string, string])
    .filter(([a, , c]) => a < c)
    .map(([a, b, c]) => ({ from: a, to: c, ...(a < b ? { lastNumberAt: b } : {}) }));
  const schedule: fc.Arbitrary<ServiceSchedule> = fc
    .array(fc.array(session, { maxLength: 2 }), { minLength: 7, maxLength: 7 })
    .map((week) => ({ week }));
  const START = Date.parse('2026-01-01T00:00:00Z');
  const instant = fc.integer({ min: START, max: START + 2 * 365 * 86_400_000 });
  const date = instant.map(localDate);
  const calendar: fc.Arbitrary<CalendarDays> = fc.record({
    holidays: fc.array(date, { maxLength: 30 }),
    workingWeekends: fc.array(date, { maxLength: 5 }),
  });

  it('Q24 property: the returned time is open, never inside a holiday, never before now, and nothing is open between now and it', () => {
    fc.assert(
      fc.property(schedule, calendar, instant, (s, cal, now) => {
        const next = nextOpening(s, cal, now);
        if (next === null) return;
        expect(next).toBeGreaterThanOrEqual(now);
        expect(isOpenAt(s, cal, next)).toBe(true);
        expect(cal.holidays).not.toContain(localDate(next));
        expect(sessionsOn(s, cal, localDate(next)).length).toBeGreaterThan(0);
        // Open now → now; else closed at every minute up to it (sampled).
        if (isOpenAt(s, cal, now)) expect(next).toBe(now);
        const step = Math.max(60_000, Math.floor((next - now) / 50));
        for (let t = now; t < next; t += step) expect(isOpenAt(s, cal, t)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('Q23 property: never open on a holiday, whatever the schedule', () => {
    fc.assert(
      fc.property(schedule, calendar, instant, (s, cal, now) => {
        if (cal.holidays.includes(localDate(now))) expect(isOpenAt(s, cal, now)).toBe(false);
      }),
    );
  });
});
