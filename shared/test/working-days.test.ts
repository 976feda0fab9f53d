import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDossierRow } from '../src/model/dossier';
import { dossierFacts } from '../src/rules/dossier-status';
import { EMPTY_CALENDAR, workingDays, type CalendarDays } from '../src/rules/working-days';
import { isWeekend, localDate } from '../src/time/civil-date';

/** 2024 as the Government declared it: 30/4–1/5 bridged by Monday 29/4, made up on Saturday 4/5; 2/9 with 3/9. */
const VN_2024: CalendarDays = {
  holidays: ['2024-01-01', '2024-04-18', '2024-04-29', '2024-04-30', '2024-05-01', '2024-09-02', '2024-09-03'],
  workingWeekends: ['2024-05-04'],
};

const addDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const dateArb = fc
  .integer({ min: Date.parse('2023-01-01'), max: Date.parse('2026-12-31') })
  .map((t) => new Date(t).toISOString().slice(0, 10));

const calendarArb = fc
  .tuple(fc.uniqueArray(dateArb, { maxLength: 40 }), fc.uniqueArray(dateArb, { maxLength: 10 }))
  .map(([holidays, weekends]): CalendarDays => ({
    holidays,
    workingWeekends: weekends.filter((d) => isWeekend(d) && !holidays.includes(d)),
  }));

describe('working-day calendar', () => {
  it('D2: Monday–Friday work, weekends rest, holidays rest, declared make-up weekend days work', () => {
    const w = workingDays(VN_2024);
    expect(w.isWorkingDay('2024-03-15')).toBe(true); // Friday
    expect(w.isWorkingDay('2024-03-16')).toBe(false); // Saturday
    expect(w.isWorkingDay('2024-03-17')).toBe(false); // Sunday
    expect(w.isWorkingDay('2024-04-18')).toBe(false); // Hùng Kings, a Thursday
    expect(w.isWorkingDay('2024-05-04')).toBe(true); // make-up Saturday
    expect(w.isWorkingDay('2024-05-11')).toBe(false); // an ordinary Saturday
  });

  it('D3: the N-th working day strictly after the receipt date, the receipt day not counted', () => {
    const plain = workingDays(EMPTY_CALENDAR);
    expect(plain.due('2024-03-15', 1)).toBe('2024-03-18'); // Friday → Monday
    expect(plain.due('2024-03-15', 5)).toBe('2024-03-22');
    expect(plain.due('2024-03-16', 1)).toBe('2024-03-18'); // received online on Saturday
    expect(plain.due('2024-03-18', 10)).toBe('2024-04-01');
  });

  it('D3: holidays are skipped and make-up Saturdays count', () => {
    const w = workingDays(VN_2024);
    // 26/4 Fri; 27–28 weekend; 29/4–1/5 holidays; 2/5, 3/5, then Saturday 4/5 is a working day.
    expect(w.due('2024-04-26', 3)).toBe('2024-05-04');
    expect(w.due('2024-04-26', 4)).toBe('2024-05-06');
    expect(w.due('2024-08-30', 1)).toBe('2024-09-04');
  });

  it('D4: with 0 days the term ends on the receipt day, or on the next working day when that is a rest day', () => {
    const w = workingDays(VN_2024);
    expect(w.due('2024-03-15', 0)).toBe('2024-03-15');
    expect(w.due('2024-03-16', 0)).toBe('2024-03-18');
    expect(w.due('2024-04-29', 0)).toBe('2024-05-02');
    expect(w.due('2024-05-04', 0)).toBe('2024-05-04');
  });

  it('D3: exactly N working days lie in (receipt, due], and the due date is a working day', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, fc.integer({ min: 1, max: 60 }), (cal, received, n) => {
        const w = workingDays(cal);
        const due = w.due(received, n);
        expect(due > received).toBe(true);
        expect(w.isWorkingDay(due)).toBe(true);
        let count = 0;
        for (let d = addDays(received, 1); d <= due; d = addDays(d, 1)) if (w.isWorkingDay(d)) count += 1;
        expect(count).toBe(n);
      }),
      { numRuns: 300 },
    );
  });

  it('D3/D4: one more processing day gives a later due date (or the same, from 0 days on a rest day); the memo never changes an answer', () => {
    fc.assert(
      fc.property(calendarArb, dateArb, fc.integer({ min: 0, max: 60 }), (cal, received, n) => {
        const w = workingDays(cal);
        const due = w.due(received, n);
        const sameAllowed = n === 0 && !w.isWorkingDay(received);
        expect(sameAllowed ? w.due(received, n + 1) >= due : w.due(received, n + 1) > due).toBe(true);
        expect(w.due(received, n)).toBe(workingDays(cal).due(received, n));
      }),
      { numRuns: 300 },
    );
  });

  it('D3: a long run of holidays is crossed, however long', () => {
    const holidays = Array.from({ length: 400 }, (_, i) => addDays('2024-01-01', i));
    expect(workingDays({ holidays, workingWeekends: [] }).due('2023-12-29', 1)).toBe('2025-02-04');
  });
});

describe('local dates whatever the machine zone', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = savedTz;
  });

  for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
    it(`D1: under TZ=${tz} a receipt at 00:30 in Hà Nội is still that day, and its due date unchanged`, () => {
      process.env.TZ = tz;
      // Proves the zone really changed for this process, so the assertions below can fail.
      expect(new Date(2024, 0, 1).getTimezoneOffset()).toBe(
        { 'America/Los_Angeles': 480, 'Pacific/Kiritimati': -840, UTC: 0 }[tz],
      );
      const parsed = parseDossierRow({
        code: 'HS-1',
        field: 'Đất đai',
        level: 'commune',
        channel: 'online',
        receivedAt: '16/03/2024 00:30',
        processingDays: 1,
        resolvedAt: '2024-03-15T23:59:00+07:00',
      });
      // 15/03 23:59 is before 16/03 00:30 only if 00:30 was read in Hà Nội.
      expect(parsed).toMatchObject({ ok: false, reason: 'resolvedBeforeReceived' });
      const ok = parseDossierRow({
        code: 'HS-1',
        field: 'Đất đai',
        level: 'commune',
        channel: 'online',
        receivedAt: '2024-03-15T17:30:00Z',
        processingDays: 1,
        resolvedAt: new Date(Date.UTC(2024, 2, 18, 23, 50)), // a spreadsheet cell: 18/03 23:50 wall-clock
      });
      if (!ok.ok) throw new Error(ok.reason);
      expect(dossierFacts(ok.dossier, workingDays(EMPTY_CALENDAR))).toMatchObject({
        receivedDate: '2024-03-16',
        dueDate: '2024-03-18',
        resolvedDate: '2024-03-18',
      });
      expect(localDate(Date.parse('2024-12-31T17:00:00Z'))).toBe('2025-01-01');
    });
  }
});
