/** Dates and times as shown, in Asia/Ho_Chi_Minh (SPEC T2). */
import { localDate, VN_OFFSET_MS } from './civil-date';

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
