import { dayNumber, localDate, weekdayOf } from '../time/civil-date';
import { vi, type Messages } from './vi';

/**
 * Vietnamese number format (F1): "." between thousands, "," before decimals.
 * @example formatNumberVi(14607) // "14.607"
 */
export function formatNumberVi(n: number, decimals = 0): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const [int = '0', frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${n < 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/**
 * A fraction as a Vietnamese percentage.
 * @example formatPercentVi(0.847) // "84,7%"
 */
export function formatPercentVi(fraction: number, decimals = 1): string {
  return `${formatNumberVi(fraction * 100, decimals)}%`;
}

/** A catalogue message with its `{name}` placeholders filled; a placeholder without a value stays as it is. */
export function fillMessage(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/**
 * How long to wait after RATE_LIMITED or OFFICER_LOCKED, as the refusal's `detail` (L3): whole
 * seconds under a minute, else minutes and the seconds left over.
 * @example retryAfterText(90) // "Vui lòng thử lại sau 1 phút 30 giây."
 */
export function retryAfterText(seconds: number, messages: Pick<Messages, 'wait'> = vi): string {
  const s = Math.max(1, Math.ceil(seconds));
  const w = messages.wait;
  const time =
    s < 60
      ? fillMessage(w.seconds, { n: s })
      : s % 60 === 0
        ? fillMessage(w.minutes, { n: s / 60 })
        : fillMessage(w.minutesSeconds, { m: Math.floor(s / 60), s: s % 60 });
  return fillMessage(w.retryAfter, { time });
}

/** The catalogue's keys of the days of the week, Sunday first (as `weekdayOf` counts them). */
export const WEEKDAY_KEYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/**
 * T5: the weekday of an instant's local date in Asia/Ho_Chi_Minh, as a key of the catalogue's
 * `weekdays`: the wall writes it from the catalogue ("Chủ nhật"), not from Intl, whose Vietnamese
 * data capitalises "Chủ Nhật".
 * @example weekdayKey(Date.parse('2026-11-22T03:00:00Z')) // 'sunday'
 */
export function weekdayKey(ms: number): WeekdayKey {
  return WEEKDAY_KEYS[weekdayOf(dayNumber(localDate(ms)))] ?? 'sunday';
}

/**
 * T5: the Vietnamese weekday of an instant (Asia/Ho_Chi_Minh).
 * @example weekdayVi(Date.parse('2026-11-22T03:00:00Z')) // 'Chủ nhật'
 */
export function weekdayVi(ms: number, messages: Pick<Messages, 'weekdays'> = vi): string {
  return messages.weekdays[weekdayKey(ms)];
}

/**
 * I4: which text tells an estimated wait: none without an estimate, "sắp đến lượt" for 0 minutes
 * (never "khoảng 0 phút"), else the minutes. The keys are those of the catalogue's `phone` and
 * `printedTicket` groups.
 * @example waitKey(0) // 'waitSoon'
 */
export function waitKey(minutes: number | null): 'noEstimate' | 'waitSoon' | 'estimatedWait' {
  if (minutes === null) return 'noEstimate';
  return minutes <= 0 ? 'waitSoon' : 'estimatedWait';
}
