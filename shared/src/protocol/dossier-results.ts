/**
 * What the hub tells about dossiers, over REST, the socket and `luot … --json` (SPEC D7, D8,
 * D10, D14, D16): the figures of a period, the wall panel, a citizen's look-up, an import's result.
 */
import { z } from 'zod';
import { DossierStatus, IsoDate } from '../model/dossier';
import { DOSSIER_COLUMNS, type DossierColumn } from '../model/dossier-cells';

export const DOSSIER_GROUP_BY = ['level', 'field', 'channel'] as const;
export const DossierGroupBy = z.enum(DOSSIER_GROUP_BY);
export type DossierGroupBy = z.infer<typeof DossierGroupBy>;

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
 * The wall panel (D14): this month and this year up to today, per field.
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

/**
 * D17: how the heading row of a CSV or XLSX file was read: each heading that names a column (as
 * written in the file, and the column it fills), the headings known and not needed, and the
 * unknown ones (present only when the import was told to ignore them, else it is refused).
 */
export const DossierImportColumns = z.object({
  mapped: z.array(
    z.object({
      heading: z.string(),
      column: z.enum(Object.keys(DOSSIER_COLUMNS) as [DossierColumn, ...DossierColumn[]]),
    }),
  ),
  skipped: z.array(z.string()),
  unknown: z.array(z.string()),
});
export type DossierImportColumns = z.infer<typeof DossierImportColumns>;

/**
 * accepted: new dossiers; updated: dossiers already known (or repeated in the file); rejected rows;
 * columns: how a CSV or XLSX file's headings were read (D17), absent for JSON (its keys are the API's).
 */
export const DossierImportResult = z.object({
  accepted: Count,
  updated: Count,
  rejected: z.array(DossierRejection),
  columns: DossierImportColumns.optional(),
});
export type DossierImportResult = z.infer<typeof DossierImportResult>;
