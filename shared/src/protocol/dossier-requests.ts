/** Dossier imports and figures on the REST edge (SPEC D7–D12). */
import { z } from 'zod';
import { IsoDate, WorkingCalendar } from '../model/dossier';
import { DOSSIER_COLUMNS } from '../model/dossier-cells';
import { DossierGroupBy } from './dossier-results';

/** A cell as a one-stop export writes it: text, a number, or null/absent for an empty cell. */
const Cell = z.union([z.string(), z.number()]).nullable();

/**
 * One dossier of a JSON import (D9): the canonical keys, each value as an export writes it. Rows
 * are not checked against this schema: each is read by DossierRow, and a bad one is rejected with
 * its position and reason while the others are kept. This schema says what a good row looks like.
 */
export const DossierImportItem = z
  .object({
    code: z.string().meta({ description: DOSSIER_COLUMNS.code, examples: ['000.00.12.H56-240301-0001'] }),
    field: z.string().meta({ description: DOSSIER_COLUMNS.field, examples: ['Đất đai'] }),
    level: z.string().meta({
      description: `${DOSSIER_COLUMNS.level}: province | district | commune, or as written in Vietnamese (D18: Cấp tỉnh, Huyện, Quận, Xã, Phường Đồng Tâm, Thị trấn…)`,
    }),
    channel: z.string().meta({
      description: `${DOSSIER_COLUMNS.channel}: counter | online | postal, or as written in Vietnamese (D18: Trực tiếp, Tại quầy, Trực tuyến, Qua mạng, Bưu chính công ích, BCCI…)`,
    }),
    receivedAt: z.string().meta({
      description: `${DOSSIER_COLUMNS.receivedAt}: ISO-8601 with an offset, or dd/MM/yyyy[ HH:mm[:ss]] in Asia/Ho_Chi_Minh`,
      examples: ['2024-03-01T08:00:00+07:00', '01/03/2024 08:00'],
    }),
    processingDays: Cell.optional().meta({
      description: `${DOSSIER_COLUMNS.processingDays}: working days; this or dueDate is required`,
    }),
    dueDate: Cell.optional().meta({ description: `${DOSSIER_COLUMNS.dueDate}: YYYY-MM-DD or dd/MM/yyyy` }),
    resolvedAt: Cell.optional().meta({
      description: `${DOSSIER_COLUMNS.resolvedAt}: as receivedAt; empty while pending`,
    }),
  })
  .meta({ description: 'Một hồ sơ / One dossier' });
export type DossierImportItem = z.infer<typeof DossierImportItem>;

/**
 * The body of `POST /api/dossiers` and of a JSON file import: `{calendar?, dossiers}` (other keys
 * are skipped) or a bare list of dossiers. The calendar, when given, replaces the stored one (D2).
 */
export const DossierImportDocument = z.union([
  z.object({ calendar: WorkingCalendar.optional(), dossiers: z.array(DossierImportItem) }),
  z.array(DossierImportItem),
]);
export type DossierImportDocument = z.infer<typeof DossierImportDocument>;

/** `GET /api/stats/dossiers?from&to&groupBy`: a period of local dates, both included, and an optional grouping (D7, D8). */
export const DossierStatsQuery = z.strictObject({
  from: IsoDate,
  to: IsoDate,
  groupBy: DossierGroupBy.optional(),
});
export type DossierStatsQuery = z.infer<typeof DossierStatsQuery>;
