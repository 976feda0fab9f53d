/**
 * The cells of an imported dossier row, as a Vietnamese one-stop export writes them (SPEC D1, D9):
 * its columns, the Vietnamese values of levels and channels, and how a cell reads as text, an
 * instant or a calendar date. DossierRow (model/dossier) validates a row from these.
 */
import type { DossierChannel, DossierLevel } from './dossier';
import { isIsoDate, VN_OFFSET_MS, wallClockInstant } from '../time/civil-date';

/** Import columns: the JSON key, and the header a Vietnamese one-stop export uses for it. */
export const DOSSIER_COLUMNS = {
  code: 'Mã hồ sơ',
  field: 'Lĩnh vực',
  level: 'Cấp',
  channel: 'Hình thức nộp',
  receivedAt: 'Ngày tiếp nhận',
  processingDays: 'Số ngày giải quyết',
  dueDate: 'Ngày hẹn trả',
  resolvedAt: 'Ngày trả kết quả',
} as const;
export type DossierColumn = keyof typeof DOSSIER_COLUMNS;

/** Text with combining marks (as exports from a Mac write Vietnamese) needs NFC; most cells do not. */
const DECOMPOSED = /[\u0300-\u036f]/;

/** A cell or JSON value as text: trimmed, NFC; '' when absent. */
export function cellText(v: unknown): string {
  if (typeof v === 'string') return (DECOMPOSED.test(v) ? v.normalize('NFC') : v).trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}

const fold = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ');

/** Canonical values, and what a one-stop export writes in Vietnamese, folded, to the canonical value. */
const LEVEL_VALUES: Record<string, DossierLevel> = {
  province: 'province',
  district: 'district',
  commune: 'commune',
  tỉnh: 'province',
  'cấp tỉnh': 'province',
  huyện: 'district',
  'cấp huyện': 'district',
  xã: 'commune',
  'cấp xã': 'commune',
};
const CHANNEL_VALUES: Record<string, DossierChannel> = {
  counter: 'counter',
  online: 'online',
  postal: 'postal',
  'trực tiếp': 'counter',
  'trực tuyến': 'online',
  'bưu chính': 'postal',
  'bưu chính công ích': 'postal',
  bcci: 'postal',
};
const enumValue =
  (values: Record<string, string>) =>
  (v: unknown): string => {
    const s = cellText(v);
    return values[s] ?? values[fold(s)] ?? s;
  };

/** A level cell as its canonical value when it names one (Cấp tỉnh → province), else its text. */
export const levelOfCell: (v: unknown) => string = enumValue(LEVEL_VALUES);
/** A channel cell as its canonical value when it names one (Trực tuyến → online), else its text. */
export const channelOfCell: (v: unknown) => string = enumValue(CHANNEL_VALUES);

const VN_OFFSET_MIN = VN_OFFSET_MS / 60_000;
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/;
const VN_DATE_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * An instant from an import cell: ISO-8601 with an offset, dd/MM/yyyy[ HH:mm[:ss]] read as
 * Asia/Ho_Chi_Minh wall-clock, or a spreadsheet date (whose UTC fields hold the wall-clock).
 * undefined when empty, NaN when unreadable.
 */
export function parseInstant(v: unknown): number | undefined {
  if (v instanceof Date) return v.getTime() - VN_OFFSET_MS;
  const s = cellText(v);
  if (s === '') return undefined;
  const iso = ISO_INSTANT.exec(s);
  if (iso) {
    const [, y, mo, d, h, mi, sec, frac, sign, oh, om] = iso;
    const offset = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
    const ms = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
    return wallClockInstant(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(sec ?? 0), ms, offset);
  }
  const vn = VN_DATE_TIME.exec(s);
  if (!vn) return Number.NaN;
  const [, d, mo, y, h, mi, sec] = vn;
  return wallClockInstant(
    Number(y),
    Number(mo),
    Number(d),
    Number(h ?? 0),
    Number(mi ?? 0),
    Number(sec ?? 0),
    0,
    VN_OFFSET_MIN,
  );
}

/** A calendar date from an import cell: YYYY-MM-DD, dd/MM/yyyy (any time part ignored) or a spreadsheet date. */
export function parseLocalDate(v: unknown): string | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString().slice(0, 10);
  const s = cellText(v);
  if (s === '') return undefined;
  if (isIsoDate(s)) return s;
  const vn = VN_DATE_TIME.exec(s);
  const t = vn ? wallClockInstant(Number(vn[3]), Number(vn[2]), Number(vn[1]), 0, 0, 0, 0, 0) : Number.NaN;
  return Number.isNaN(t) ? 'invalid' : new Date(t).toISOString().slice(0, 10);
}
