import { z } from 'zod';
import { isWeekend } from '../rules/working-days';
import { isIsoDate, localDate } from '../time/local-date';

/** A dossier (hồ sơ) and the figures a centre is judged by (DOMAIN §7, shared/SPEC.md D…). */

export const DOSSIER_LEVELS = ['province', 'district', 'commune'] as const;
export const DossierLevel = z.enum(DOSSIER_LEVELS);
export type DossierLevel = z.infer<typeof DossierLevel>;

export const DOSSIER_CHANNELS = ['counter', 'online', 'postal'] as const;
export const DossierChannel = z.enum(DOSSIER_CHANNELS);
export type DossierChannel = z.infer<typeof DossierChannel>;

export const DOSSIER_GROUP_BY = ['level', 'field', 'channel'] as const;
export const DossierGroupBy = z.enum(DOSSIER_GROUP_BY);
export type DossierGroupBy = z.infer<typeof DossierGroupBy>;

export const DOSSIER_STATUSES = ['early', 'onTime', 'late', 'withinDeadline', 'overdue'] as const;
export const DossierStatus = z.enum(DOSSIER_STATUSES);
export type DossierStatus = z.infer<typeof DossierStatus>;

export const IsoDate = z.string().refine(isIsoDate, { error: 'YYYY-MM-DD' });

/** Bounds a calendar file: ten years of every day is more than any centre declares. */
const MAX_CALENDAR_DAYS = 3660;

/** The centre's working-day calendar, edited each year (D2). */
export const WorkingCalendar = z
  .strictObject({
    holidays: z.array(IsoDate).max(MAX_CALENDAR_DAYS),
    workingWeekends: z.array(IsoDate).max(MAX_CALENDAR_DAYS),
  })
  .superRefine((cal, ctx) => {
    const holidays = new Set(cal.holidays);
    cal.workingWeekends.forEach((d, i) => {
      if (!isWeekend(d)) ctx.addIssue({ code: 'custom', path: ['workingWeekends', i], message: 'notWeekend' });
      if (holidays.has(d)) ctx.addIssue({ code: 'custom', path: ['workingWeekends', i], message: 'alsoHoliday' });
    });
  });
export type WorkingCalendar = z.infer<typeof WorkingCalendar>;

/** Why an imported row is not a valid dossier (D9). Texts in i18n `dossierRejects`. */
export const DOSSIER_REJECT_REASONS = [
  'notAnObject',
  'columnCount',
  'codeMissing',
  'codeTooLong',
  'fieldMissing',
  'fieldTooLong',
  'levelUnknown',
  'channelUnknown',
  'receivedAtInvalid',
  'processingDaysInvalid',
  'dueDateInvalid',
  'resolvedAtInvalid',
  'deadlineMissing',
  'dueBeforeReceived',
  'resolvedBeforeReceived',
] as const;
export type DossierRejectReason = (typeof DOSSIER_REJECT_REASONS)[number];

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

export const MAX_PROCESSING_DAYS = 1000;

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
const enumValue = (values: Record<string, string>) => (v: unknown): string => {
  const s = cellText(v);
  return values[s] ?? values[fold(s)] ?? s;
};

/** Text with combining marks (as exports from a Mac write Vietnamese) needs NFC; most cells do not. */
const DECOMPOSED = /[\u0300-\u036f]/;

/** A cell or JSON value as text: trimmed, NFC; '' when absent. */
export function cellText(v: unknown): string {
  if (typeof v === 'string') return (DECOMPOSED.test(v) ? v.normalize('NFC') : v).trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}

const VN_OFFSET_MIN = 7 * 60;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/;
const VN_DATE_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * The instant of a wall-clock time at a UTC offset (minutes), or NaN when it is not a real time.
 * Plain arithmetic, no Date parsing: it runs for two cells of every row of a million-row import.
 */
function instantAt(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMin: number): number {
  const leap = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const real = y >= 1900 && mo >= 1 && mo <= 12 && d >= 1 && d <= (DAYS_IN_MONTH[mo - 1] ?? 0) + (leap ? 1 : 0);
  if (!real || h > 23 || mi > 59 || s > 59) return Number.NaN;
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMin * 60_000;
}

/**
 * An instant from an import cell: ISO-8601 with an offset, dd/MM/yyyy[ HH:mm[:ss]] read as
 * Asia/Ho_Chi_Minh wall-clock, or a spreadsheet date (whose UTC fields hold the wall-clock).
 * undefined when empty, NaN when unreadable.
 */
export function parseInstant(v: unknown): number | undefined {
  if (v instanceof Date) return v.getTime() - VN_OFFSET_MIN * 60_000;
  const s = cellText(v);
  if (s === '') return undefined;
  const iso = ISO_INSTANT.exec(s);
  if (iso) {
    const [, y, mo, d, h, mi, sec, frac, sign, oh, om] = iso;
    const offset = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
    const ms = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
    return instantAt(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(sec ?? 0), ms, offset);
  }
  const vn = VN_DATE_TIME.exec(s);
  if (!vn) return Number.NaN;
  const [, d, mo, y, h, mi, sec] = vn;
  return instantAt(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(sec ?? 0), 0, VN_OFFSET_MIN);
}

/** A calendar date from an import cell: YYYY-MM-DD, dd/MM/yyyy (any time part ignored) or a spreadsheet date. */
export function parseLocalDate(v: unknown): string | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString().slice(0, 10);
  const s = cellText(v);
  if (s === '') return undefined;
  if (isIsoDate(s)) return s;
  const vn = VN_DATE_TIME.exec(s);
  const t = vn ? instantAt(Number(vn[3]), Number(vn[2]), Number(vn[1]), 0, 0, 0, 0, 0) : Number.NaN;
  return Number.isNaN(t) ? 'invalid' : new Date(t).toISOString().slice(0, 10);
}

const required = (missing: DossierRejectReason, tooLong: DossierRejectReason, max: number) =>
  z.preprocess(cellText, z.string().min(1, { error: missing }).max(max, { error: tooLong }));

/** z.number() refuses NaN, which is how parseInstant says "unreadable". */
const instant = (reason: DossierRejectReason) => z.preprocess(parseInstant, z.number({ error: reason }));

/**
 * One imported row (any format, canonical keys) → a valid dossier, or the reason it is not (D9).
 * Each issue's message is a DossierRejectReason.
 */
export const DossierRow = z
  .object({
    code: required('codeMissing', 'codeTooLong', 100),
    field: required('fieldMissing', 'fieldTooLong', 200),
    level: z.preprocess(enumValue(LEVEL_VALUES), DossierLevel),
    channel: z.preprocess(enumValue(CHANNEL_VALUES), DossierChannel),
    receivedAt: instant('receivedAtInvalid'),
    processingDays: z.preprocess((v) => {
      const s = cellText(v);
      return s === '' ? null : /^\d+$/.test(s) ? Number(s) : Number.NaN;
    }, z.number().int().min(0).max(MAX_PROCESSING_DAYS).nullable()),
    dueDate: z.preprocess((v) => parseLocalDate(v) ?? null, IsoDate.nullable()),
    resolvedAt: z.preprocess((v) => parseInstant(v) ?? null, z.number().nullable()),
  })
  .superRefine((r, ctx) => {
    const message: DossierRejectReason | null =
      r.processingDays === null && r.dueDate === null
        ? 'deadlineMissing'
        : r.dueDate !== null && r.dueDate < localDate(r.receivedAt)
          ? 'dueBeforeReceived'
          : r.resolvedAt !== null && r.resolvedAt < r.receivedAt
            ? 'resolvedBeforeReceived'
            : null;
    if (message) ctx.addIssue({ code: 'custom', message });
  });
export type DossierRecord = z.infer<typeof DossierRow>;

/** Reasons for the enum-typed keys whose zod messages are not ours. */
const REASON_BY_KEY: Partial<Record<string, DossierRejectReason>> = {
  level: 'levelUnknown',
  channel: 'channelUnknown',
  processingDays: 'processingDaysInvalid',
  dueDate: 'dueDateInvalid',
  resolvedAt: 'resolvedAtInvalid',
};

/** Validates one row; the first failing rule, in column order, is its reason. */
export function parseDossierRow(
  raw: unknown,
): { ok: true; dossier: DossierRecord } | { ok: false; reason: DossierRejectReason; code: string | null } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'notAnObject', code: null };
  const parsed = DossierRow.safeParse(raw);
  if (parsed.success) return { ok: true, dossier: parsed.data };
  const issue = parsed.error.issues[0];
  const key = String(issue?.path[0] ?? '');
  const own = (DOSSIER_REJECT_REASONS as readonly string[]).includes(issue?.message ?? '');
  const reason = (REASON_BY_KEY[key] ?? (own ? issue?.message : 'notAnObject')) as DossierRejectReason;
  const code = cellText((raw as Record<string, unknown>).code);
  return { ok: false, reason, code: code === '' ? null : code };
}

const Count = z.number().int().min(0);

/** D7: the figures of a period, for the whole centre or one group. */
export const DossierFigures = z.object({
  received: Count,
  resolved: Count,
  resolvedEarly: Count,
  resolvedOnTime: Count,
  resolvedLate: Count,
  pending: Count,
  pendingOverdue: Count,
  /** (early + on time) ÷ resolved, a fraction; null when nothing was resolved. */
  onTimeRate: z.number().min(0).max(1).nullable(),
  /** Received before the period and not resolved before it (the national report form's column). */
  carriedOver: Count,
});
export type DossierFigures = z.infer<typeof DossierFigures>;

/** A period [from, to] of local dates, both included. */
export const DossierPeriod = z
  .strictObject({ from: IsoDate, to: IsoDate, groupBy: DossierGroupBy.nullable() })
  .refine((p) => p.from <= p.to, { error: 'fromAfterTo' });
export type DossierPeriod = z.infer<typeof DossierPeriod>;

/** `luot dossiers stats --json` and GET /api/stats/dossiers. groups is {} when groupBy is null. */
export const DossierStats = z.object({
  from: IsoDate,
  to: IsoDate,
  groupBy: DossierGroupBy.nullable(),
  total: DossierFigures,
  groups: z.record(z.string(), DossierFigures),
});
export type DossierStats = z.infer<typeof DossierStats>;

/**
 * The wall panel (DOMAIN §5, §7): this month and this year up to today, per field.
 * Payload of the `dossiers:updated` notification.
 */
export const DossierPanel = z.object({
  asOf: IsoDate,
  month: DossierStats,
  year: DossierStats,
});
export type DossierPanel = z.infer<typeof DossierPanel>;

/** What a citizen may see of a dossier (public GET /api/dossiers/:code, kiosk look-up). */
export const DossierLookup = z.object({
  code: z.string(),
  status: DossierStatus,
  field: z.string(),
  due: IsoDate,
});
export type DossierLookup = z.infer<typeof DossierLookup>;

export const DossierRejection = z.object({
  /** CSV line / spreadsheet row (header = 1), or 1-based position in a JSON list. */
  row: z.number().int().positive(),
  code: z.string().nullable(),
  /** Vietnamese text of the reason. */
  reason: z.string(),
});
export type DossierRejection = z.infer<typeof DossierRejection>;

/** accepted: new dossiers; updated: dossiers already known (or repeated in the file); rejected rows. */
export const DossierImportResult = z.object({
  accepted: Count,
  updated: Count,
  rejected: z.array(DossierRejection),
});
export type DossierImportResult = z.infer<typeof DossierImportResult>;
