/**
 * Calendar dates and Asia/Ho_Chi_Minh local time, by plain arithmetic (SPEC T1, T3, T4, D1–D3).
 *
 * Local time in Asia/Ho_Chi_Minh: Vietnam has kept UTC+7 without daylight saving since 1975,
 * so a fixed offset is exact for every date the product handles and needs no tz database
 * (and is fast enough for a million-row import). Dates are 'YYYY-MM-DD' strings; a day number
 * counts days since 1970-01-01.
 */
export const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const digit = (s: string, i: number): number => s.charCodeAt(i) - 48;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether a string is a real calendar date 'YYYY-MM-DD'. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
}

/**
 * Days since 1970-01-01 of a valid 'YYYY-MM-DD' date, by integer arithmetic (H. Hinnant's
 * days_from_civil): no Date, no process zone, and cheap enough for three dates of every row of a
 * million-row import.
 * @example dayNumber('1970-01-02') // 1
 */
export function dayNumber(date: string): number {
  const y = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const m = digit(date, 5) * 10 + digit(date, 6);
  const d = digit(date, 8) * 10 + digit(date, 9);
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** The 'YYYY-MM-DD' date of a day number. */
export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The weekday of a day number, 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday: day 0 → 4. */
export const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;

/** Whether a 'YYYY-MM-DD' date is a Saturday or a Sunday. */
export function isWeekend(date: string): boolean {
  const w = weekdayOf(dayNumber(date));
  return w === 0 || w === 6;
}

/**
 * The instant of a wall-clock time at a UTC offset (minutes), or NaN when it is not a real time.
 * Plain arithmetic, no Date parsing: it runs for two cells of every row of a million-row import.
 */
export function wallClockInstant(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  offsetMin: number,
): number {
  const leap = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const real = y >= 1900 && mo >= 1 && mo <= 12 && d >= 1 && d <= (DAYS_IN_MONTH[mo - 1] ?? 0) + (leap ? 1 : 0);
  if (!real || h > 23 || mi > 59 || s > 59) return Number.NaN;
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMin * 60_000;
}

/**
 * 'YYYY-MM-DD' of an instant, in Asia/Ho_Chi_Minh. Integer civil-date arithmetic (H. Hinnant's
 * days-to-civil) rather than a Date: an import calls this millions of times.
 */
export function localDate(ms: number): string {
  const z = Math.floor((ms + VN_OFFSET_MS) / DAY_MS) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** The instant local midnight begins on a 'YYYY-MM-DD' date. */
export function startOfLocalDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - VN_OFFSET_MS;
}

/** The instant of the next local midnight after `ms`. */
export function nextLocalMidnight(ms: number): number {
  return startOfLocalDay(localDate(ms)) + DAY_MS;
}
