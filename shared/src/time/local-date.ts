/**
 * Local time in Asia/Ho_Chi_Minh. Vietnam has kept UTC+7 without daylight saving since 1975,
 * so a fixed offset is exact for every date the product handles and needs no tz database
 * (and is fast enough for a million-row import).
 */
export const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

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

/** dd/MM/yyyy of an instant, in Asia/Ho_Chi_Minh. */
export function formatDateVi(ms: number): string {
  const [y, m, d] = localDate(ms).split('-');
  return `${d}/${m}/${y}`;
}

/** HH:mm (24-hour) of an instant, in Asia/Ho_Chi_Minh. */
export function formatTimeVi(ms: number, withSeconds = false): string {
  const iso = new Date(ms + VN_OFFSET_MS).toISOString();
  return withSeconds ? iso.slice(11, 19) : iso.slice(11, 16);
}

/** dd/MM/yyyy HH:mm of an instant, in Asia/Ho_Chi_Minh. */
export function formatDateTimeVi(ms: number): string {
  return `${formatDateVi(ms)} ${formatTimeVi(ms)}`;
}

/** Whether a string is a real calendar date 'YYYY-MM-DD'. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
}
