/**
 * A dossier (hồ sơ): its levels, channels and statuses, the centre's working calendar, and a valid
 * imported row (SPEC D1–D9). How its cells read is model/dossier-cells; what the hub answers about
 * dossiers (figures, panel, look-up, import result) is protocol/dossier-results.
 */
import { z } from 'zod';
import { cellText, channelOfCell, levelOfCell, parseInstant, parseLocalDate } from './dossier-cells';
import { DossierChannel, DossierLevel } from './dossier-kinds';
import { isIsoDate, isWeekend, localDate } from '../time/civil-date';

export { DOSSIER_CHANNELS, DOSSIER_LEVELS, DossierChannel, DossierLevel } from './dossier-kinds';

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

export const MAX_PROCESSING_DAYS = 1000;

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
    level: z.preprocess(levelOfCell, DossierLevel),
    channel: z.preprocess(channelOfCell, DossierChannel),
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
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, reason: 'notAnObject', code: null };
  const parsed = DossierRow.safeParse(raw);
  if (parsed.success) return { ok: true, dossier: parsed.data };
  const issue = parsed.error.issues[0];
  const key = String(issue?.path[0] ?? '');
  const own = (DOSSIER_REJECT_REASONS as readonly string[]).includes(issue?.message ?? '');
  const reason = (REASON_BY_KEY[key] ?? (own ? issue?.message : 'notAnObject')) as DossierRejectReason;
  const code = cellText((raw as Record<string, unknown>).code);
  return { ok: false, reason, code: code === '' ? null : code };
}

/**
 * D19: what a dossier code is looked up by: NFC, without spaces or dashes (any of ‐ ‑ ‒ – — ― −),
 * and with the ASCII letters in lower case, so "h61.22 240315 0001" and a scanner's
 * "H61.22-240315-0001" find the same dossier. Only ASCII letters are folded, as SQLite's lower()
 * folds them: migration 006 computes the same key for the dossiers stored before it.
 * @example dossierCodeKey(' HS–00 001 ') // 'hs00001'
 */
export function dossierCodeKey(code: string): string {
  return code
    .normalize('NFC')
    .replace(/[ \t\n\r\u00a0\-\u2010-\u2015\u2212]/g, '')
    .replace(/[A-Z]+/g, (s) => s.toLowerCase());
}
