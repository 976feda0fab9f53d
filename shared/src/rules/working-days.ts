/** The working-day rules of a centre's calendar (SPEC D2–D4); the date arithmetic is time/civil-date. */
import { dateOfDay, dayNumber, weekdayOf } from '../time/civil-date';

/** The days a centre declares: public holidays, and weekend days the government makes working days. */
export interface CalendarDays {
  readonly holidays: readonly string[];
  readonly workingWeekends: readonly string[];
}

export const EMPTY_CALENDAR: CalendarDays = { holidays: [], workingWeekends: [] };

export interface WorkingDays {
  /** D2: Monday–Friday except holidays, plus declared make-up working weekend days. */
  isWorkingDay(date: string): boolean;
  /**
   * D3/D4: the due date of a dossier received on local date `received` with `days` processing days:
   * the days-th working day strictly after it; with 0 days, the receipt day itself when it is a
   * working day, else the next working day (a term never ends on a rest day).
   * @example workingDays(EMPTY_CALENDAR).due('2024-03-15', 1) // '2024-03-18' (Friday → Monday)
   */
  due(received: string, days: number): string;
}

/** Memo bound: distinct (receipt day, days) pairs of several years of dossiers fit many times over. */
const MEMO_LIMIT = 200_000;

/** The working-day rules of one calendar. Due dates are memoised: a million rows share a few thousand. */
export function workingDays(calendar: CalendarDays): WorkingDays {
  const holidays = new Set(calendar.holidays.map(dayNumber));
  const makeUp = new Set(calendar.workingWeekends.map(dayNumber));
  // Keyed by receipt day · 4096 + days (days ≤ 1000): a small-integer key, no string to build.
  const memo = new Map<number, string>();

  const working = (day: number): boolean => {
    if (makeUp.has(day)) return true;
    const w = weekdayOf(day);
    return w !== 0 && w !== 6 && !holidays.has(day);
  };

  const computeDue = (received: string, days: number): string => {
    let day = dayNumber(received);
    // Any 7 days hold 5 weekdays and each holiday removes at most one: 2·(days + holidays) + 14
    // days always hold enough working days.
    const limit = 2 * (days + holidays.size) + 14;
    let left = days;
    if (left === 0 && working(day)) return received;
    for (let step = 0; step < limit; step++) {
      day += 1;
      if (working(day) && --left <= 0) return dateOfDay(day);
    }
    throw new Error(`no due date within ${limit} days of ${received}`);
  };

  return {
    isWorkingDay: (date) => working(dayNumber(date)),
    due(received, days) {
      if (days >= 4096) return computeDue(received, days);
      const key = dayNumber(received) * 4096 + days;
      let due = memo.get(key);
      if (due === undefined) {
        if (memo.size >= MEMO_LIMIT) memo.clear();
        due = computeDue(received, days);
        memo.set(key, due);
      }
      return due;
    },
  };
}
