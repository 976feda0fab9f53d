/**
 * Q23, Q24: when a service issues numbers — its sessions on each weekday, never on a holiday of the
 * centre's calendar, Monday's sessions on a make-up working weekend day — and when it opens next.
 * Times are Asia/Ho_Chi_Minh (T1), whatever the machine's zone.
 */
import type { Service, ServiceSchedule, ServiceSession } from '../model/service';
import { dateOfDay, dayNumber, localDate, startOfLocalDay, weekdayOf } from '../time/civil-date';
import { vi } from '../i18n/vi';
import type { CalendarDays } from './working-days';

const MINUTE_MS = 60_000;
/** How far ahead nextOpening looks: a service closed for more than a year is closed. */
const HORIZON_DAYS = 400;

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** A service's schedule; without one, a session opensAt–closesAt Monday to Friday (Q23). */
export function scheduleOf(service: Pick<Service, 'opensAt' | 'closesAt' | 'schedule'>): ServiceSchedule {
  if (service.schedule) return service.schedule;
  const day = [{ from: service.opensAt, to: service.closesAt }];
  return { week: [[], day, day, day, day, day, []] };
}

/** The sessions of a local date: none on a holiday, Monday's on a make-up working weekend day. */
export function sessionsOn(schedule: ServiceSchedule, calendar: CalendarDays, date: string): readonly ServiceSession[] {
  if (calendar.holidays.includes(date)) return [];
  if (calendar.workingWeekends.includes(date)) return schedule.week[1] ?? [];
  return schedule.week[weekdayOf(dayNumber(date))] ?? [];
}

/** Issuing windows of a date as [start, end) instants: from the session's start to its last-number time. */
function windowsOn(schedule: ServiceSchedule, calendar: CalendarDays, date: string): [number, number][] {
  const midnight = startOfLocalDay(date);
  return sessionsOn(schedule, calendar, date)
    .map((s): [number, number] => [
      midnight + minutesOf(s.from) * MINUTE_MS,
      midnight + minutesOf(s.lastNumberAt ?? s.to) * MINUTE_MS,
    ])
    .filter(([a, b]) => a < b)
    .sort((x, y) => x[0] - y[0]);
}

/** Q23: whether a number may be issued at `now` (the daily cap aside). */
export function isOpenAt(schedule: ServiceSchedule, calendar: CalendarDays, now: number): boolean {
  return windowsOn(schedule, calendar, localDate(now)).some(([a, b]) => a <= now && now < b);
}

/**
 * Q24: the first instant at or after `now` when the service issues numbers: `now` itself when it is
 * open, else the start of its next session (a later session today, or the first of a later day that
 * has one), or null when it has none within about a year. `closedToday` (the daily cap is reached)
 * skips the rest of today.
 */
export function nextOpening(
  schedule: ServiceSchedule,
  calendar: CalendarDays,
  now: number,
  closedToday = false,
): number | null {
  const today = dayNumber(localDate(now));
  for (let d = 0; d <= HORIZON_DAYS; d++) {
    if (d === 0 && closedToday) continue;
    for (const [a, b] of windowsOn(schedule, calendar, dateOfDay(today + d))) {
      if (now < b) return Math.max(a, now);
    }
  }
  return null;
}

const PART_OF_DAY = (minutes: number): string =>
  minutes < 12 * 60 ? vi.opening.morning : minutes < 18 * 60 ? vi.opening.afternoon : vi.opening.evening;
const WEEKDAY_KEYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
/** Inside a sentence: "thứ Hai", and "Chủ nhật" as it is (T5). */
const weekdayInSentence = (w: number): string => vi.weekdays[WEEKDAY_KEYS[w]!].replace(/^Thứ/, 'thứ');

/**
 * Q24: when a service opens next, in words a citizen understands.
 * @example openingText(Date.parse('2026-11-30T00:30:00Z')) // "7:30 sáng thứ Hai, 30/11/2026"
 */
export function openingText(at: number): string {
  const date = localDate(at);
  const minutes = Math.round((at - startOfLocalDay(date)) / MINUTE_MS);
  const hm = `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
  const [y, m, d] = date.split('-');
  return `${hm} ${PART_OF_DAY(minutes)} ${weekdayInSentence(weekdayOf(dayNumber(date)))}, ${d}/${m}/${y}`;
}

/** Q24: "Mời công dân quay lại lúc 7:30 sáng thứ Hai, 30/11/2026." */
export const comeBackText = (next: number): string => vi.opening.comeBack.replace('{time}', openingText(next));

/** Q24: the kiosk's whole sentence for a closed service. */
export function closedServiceText(next: number | null): string {
  return next === null ? vi.errors.SERVICE_CLOSED : `${vi.errors.SERVICE_CLOSED} ${comeBackText(next)}`;
}
