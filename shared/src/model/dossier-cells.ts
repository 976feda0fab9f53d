/**
 * The cells of an imported dossier row, as a Vietnamese one-stop export writes them (SPEC D1, D9):
 * its columns, the Vietnamese values of levels and channels, and how a cell reads as text, an
 * instant or a calendar date. DossierRow (model/dossier) validates a row from these.
 */
import type { DossierChannel, DossierLevel } from './dossier-kinds';
import { foldVi } from '../i18n/fold';
import { isIsoDate, VN_OFFSET_MS, wallClockInstant } from '../time/civil-date';

/** Import columns: the JSON key, and the heading a Vietnamese one-stop export most often uses for it. */
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

/**
 * D17: the headings one-stop systems write for each column (besides the JSON key and the heading of
 * DOSSIER_COLUMNS), compared folded (headingKey): "HẠN TRẢ", "Han tra" and "Hạn trả:" are one.
 */
export const DOSSIER_COLUMN_HEADINGS: Readonly<Record<DossierColumn, readonly string[]>> = {
  code: ['Mã hồ sơ', 'Số hồ sơ', 'Mã số hồ sơ', 'Mã HS', 'Số HS', 'Mã biên nhận', 'Số biên nhận'],
  field: ['Lĩnh vực', 'Tên lĩnh vực', 'Lĩnh vực giải quyết'],
  level: ['Cấp', 'Cấp thực hiện', 'Cấp giải quyết', 'Cấp hành chính', 'Cấp thẩm quyền'],
  channel: [
    'Hình thức nộp',
    'Hình thức nộp hồ sơ',
    'Hình thức tiếp nhận',
    'Kênh tiếp nhận',
    'Kênh nộp',
    'Kênh nộp hồ sơ',
  ],
  receivedAt: [
    'Ngày tiếp nhận',
    'Ngày nhận',
    'Ngày nhận hồ sơ',
    'Ngày tiếp nhận hồ sơ',
    'Thời gian tiếp nhận',
    'Thời điểm tiếp nhận',
  ],
  processingDays: [
    'Số ngày giải quyết',
    'Số ngày xử lý',
    'Số ngày làm việc',
    'Thời hạn giải quyết (ngày)',
    'Thời gian giải quyết (ngày)',
    'Thời hạn xử lý (ngày)',
  ],
  dueDate: [
    'Ngày hẹn trả',
    'Ngày hẹn trả kết quả',
    'Ngày hẹn',
    'Hẹn trả',
    'Hạn trả',
    'Hạn trả kết quả',
    'Hạn xử lý',
    'Hạn giải quyết',
    'Hạn hoàn thành',
    'Ngày hết hạn',
  ],
  resolvedAt: [
    'Ngày trả kết quả',
    'Ngày trả KQ',
    'Ngày trả',
    'Ngày hoàn thành',
    'Ngày hoàn thành xử lý',
    'Ngày có kết quả',
    'Ngày kết thúc',
    'Ngày giải quyết xong',
    'Thời gian trả kết quả',
  ],
};

/**
 * D17: columns one-stop exports carry that the figures do not need (who applied, which procedure,
 * the export's own status words…): recognised and skipped, never reported as unknown.
 */
export const SKIPPED_HEADINGS: readonly string[] = [
  'STT',
  'TT',
  'Số TT',
  'Số thứ tự',
  'Tên thủ tục',
  'Thủ tục',
  'Tên thủ tục hành chính',
  'Thủ tục hành chính',
  'Mã thủ tục',
  'Người nộp',
  'Tên người nộp',
  'Người nộp hồ sơ',
  'Người đứng tên',
  'Chủ hồ sơ',
  'Tên chủ hồ sơ',
  'Tổ chức/cá nhân',
  'Tên tổ chức/cá nhân',
  'Tổ chức, cá nhân nộp hồ sơ',
  'Số điện thoại',
  'Điện thoại',
  'SĐT',
  'Số ĐT',
  'Email',
  'Thư điện tử',
  'Địa chỉ',
  'Địa chỉ người nộp',
  'CMND/CCCD',
  'Số CCCD',
  'Số CMND',
  'Số giấy tờ tuỳ thân',
  'Trạng thái',
  'Trạng thái hồ sơ',
  'Tình trạng',
  'Tình trạng hồ sơ',
  'Tình trạng xử lý',
  'Kết quả',
  'Kết quả xử lý',
  'Kết quả giải quyết',
  'Số ngày quá hạn',
  'Số ngày trễ hạn',
  'Ghi chú',
  'Cán bộ tiếp nhận',
  'Người tiếp nhận',
  'Cán bộ xử lý',
  'Người xử lý',
  'Đơn vị tiếp nhận',
  'Đơn vị xử lý',
  'Cơ quan tiếp nhận',
  'Cơ quan giải quyết',
  'Cơ quan thực hiện',
  'Phí',
  'Lệ phí',
  'Phí, lệ phí',
  'Mức độ',
  'Mức độ dịch vụ công',
];

/**
 * A heading as compared (D17): folded (foldVi: no diacritics, "đ" as "d", lower case) and with
 * punctuation read as a space, so "Thời hạn giải quyết (ngày)" and "thoi han giai quyet ngay:"
 * are one. "uỷ" and "ủy" (two accepted spellings) fold alike too.
 */
export const headingKey = (heading: string): string =>
  foldVi(heading)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Each accepted heading, folded, to its column, or 'skip' for a column the figures do not need. */
const HEADINGS = new Map<string, DossierColumn | 'skip'>([
  ...SKIPPED_HEADINGS.map((h) => [headingKey(h), 'skip'] as const),
  ...(Object.keys(DOSSIER_COLUMNS) as DossierColumn[]).flatMap((col) =>
    [col, DOSSIER_COLUMNS[col], ...DOSSIER_COLUMN_HEADINGS[col]].map((h) => [headingKey(h), col] as const),
  ),
]);

/** D17: the column a heading names, 'skip' for one the figures do not need, null when unknown. */
export function columnOfHeading(heading: string): DossierColumn | 'skip' | null {
  return HEADINGS.get(headingKey(heading)) ?? null;
}

/** Text with combining marks (as exports from a Mac write Vietnamese) needs NFC; most cells do not. */
const DECOMPOSED = /[\u0300-\u036f]/;

/** A cell or JSON value as text: trimmed, NFC; '' when absent. */
export function cellText(v: unknown): string {
  if (typeof v === 'string') return (DECOMPOSED.test(v) ? v.normalize('NFC') : v).trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}

/**
 * D18: the words a one-stop export writes for a level, folded, in order: a cell names the level
 * when, folded and without a leading "cấp " or "UBND ", it is one of them or begins with one and a
 * space ("Phường Đồng Tâm", "Thị trấn Yên Bình"). A bare "thành phố" is either a provincial
 * city (district level) or a centrally-run one (province level): refused, not guessed.
 */
const LEVEL_WORDS: readonly (readonly [string, DossierLevel])[] = [
  ['province', 'province'],
  ['district', 'district'],
  ['commune', 'commune'],
  ['tinh', 'province'],
  ['thanh pho truc thuoc trung uong', 'province'],
  ['huyen', 'district'],
  ['quan', 'district'],
  ['thi xa', 'district'],
  ['thanh pho thuoc tinh', 'district'],
  ['xa', 'commune'],
  ['phuong', 'commune'],
  ['thi tran', 'commune'],
  ['dac khu', 'commune'],
];
/** D18: the channel words, read as the level words are (after a leading "nộp " or "hình thức "). */
const CHANNEL_WORDS: readonly (readonly [string, DossierChannel])[] = [
  ['counter', 'counter'],
  ['online', 'online'],
  ['postal', 'postal'],
  ['truc tiep', 'counter'],
  ['tai quay', 'counter'],
  ['tai bo phan mot cua', 'counter'],
  ['truc tuyen', 'online'],
  ['qua mang', 'online'],
  ['dich vu cong truc tuyen', 'online'],
  ['qua dich vu cong truc tuyen', 'online'],
  ['cong dich vu cong', 'online'],
  ['qua cong dich vu cong', 'online'],
  ['dvc truc tuyen', 'online'],
  ['buu chinh', 'postal'],
  ['qua buu chinh', 'postal'],
  ['dich vu buu chinh', 'postal'],
  ['bcci', 'postal'],
  ['buu dien', 'postal'],
  ['qua buu dien', 'postal'],
];

const wordValue =
  <T extends string>(words: readonly (readonly [string, T])[], prefixes: RegExp) =>
  (v: unknown): string => {
    const s = cellText(v);
    const folded = foldVi(s).replace(prefixes, '');
    const hit = words.find(([w]) => folded === w || folded.startsWith(`${w} `));
    return hit ? hit[1] : s;
  };

/** A level cell as its canonical value when it names one (Cấp tỉnh → province, Phường X → commune), else its text. */
export const levelOfCell: (v: unknown) => string = wordValue(LEVEL_WORDS, /^(?:cap |ubnd |uy ban nhan dan )+/);
/** A channel cell as its canonical value when it names one (Qua mạng → online), else its text. */
export const channelOfCell: (v: unknown) => string = wordValue(CHANNEL_WORDS, /^(?:nop |hinh thuc |ho so )+/);

const VN_OFFSET_MIN = VN_OFFSET_MS / 60_000;
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/;
/** dd/MM/yyyy[ HH:mm[:ss]], the time also on a 12-hour clock as Excel writes it in Vietnamese (SA = AM, CH = PM). */
const VN_DATE_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*(SA|CH|AM|PM))?)?$/i;

/** The hour of a 24-hour clock; NaN for a 12-hour time that is not one (13 CH). */
function hour24(h: string | undefined, half: string | undefined): number {
  const n = Number(h ?? 0);
  if (half === undefined) return n;
  if (n < 1 || n > 12) return Number.NaN;
  const pm = /^(ch|pm)$/i.test(half);
  return (n % 12) + (pm ? 12 : 0);
}

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
  const [, d, mo, y, h, mi, sec, half] = vn;
  return wallClockInstant(
    Number(y),
    Number(mo),
    Number(d),
    hour24(h, half),
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
