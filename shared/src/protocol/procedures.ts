/**
 * What the hub tells about the procedure catalogue (SPEC R1–R9): the public list and search
 * (`GET /api/procedures?q=`), one procedure (`GET /api/procedures/:code`), an import's result.
 */
import { z } from 'zod';
import { DossierLevel } from '../model/dossier-kinds';
import { Procedure, PROCEDURE_COLUMNS, type ProcedureColumn } from '../model/procedure';

/** A line of the list: enough to show it, search it and take a number for it. */
export const ProcedureSummary = z.object({
  code: z.string(),
  name: z.string(),
  field: z.string(),
  level: DossierLevel.nullable(),
  serviceId: z.number().int().positive().nullable(),
});
export type ProcedureSummary = z.infer<typeof ProcedureSummary>;

/** R8: `GET /api/procedures?q=` — the matches, best first (every procedure by field and name without q). */
export const ProcedureList = z.object({
  query: z.string(),
  /** How many procedures the catalogue holds. */
  total: z.number().int().min(0),
  procedures: z.array(ProcedureSummary),
});
export type ProcedureList = z.infer<typeof ProcedureList>;

/** R8: `GET /api/procedures/:code` — a procedure, with its service's name for the page. */
export const ProcedureDetail = Procedure.extend({
  serviceName: z.string().nullable(),
  serviceNameEn: z.string().nullable(),
  /** The centre's name, for the phone page's header. */
  centreName: z.string(),
});
export type ProcedureDetail = z.infer<typeof ProcedureDetail>;

export const ProcedureSearchQuery = z.strictObject({
  q: z
    .string()
    .max(200)
    .optional()
    .meta({ description: 'Từ tìm, có dấu hoặc không / search words, with or without diacritics' }),
  limit: z.string().regex(/^\d+$/).optional().meta({ description: '1–2000, mặc định 50 khi có q / default 50 with q' }),
});

export const ProcedureRejection = z.object({
  /** CSV line / spreadsheet row (header = 1), or 1-based position in a JSON list. */
  row: z.number().int().positive(),
  code: z.string().nullable(),
  /** Vietnamese text of the reason. */
  reason: z.string(),
});
export type ProcedureRejection = z.infer<typeof ProcedureRejection>;

export const ProcedureImportColumns = z.object({
  mapped: z.array(
    z.object({
      heading: z.string(),
      column: z.enum(Object.keys(PROCEDURE_COLUMNS) as [ProcedureColumn, ...ProcedureColumn[]]),
    }),
  ),
  skipped: z.array(z.string()),
  unknown: z.array(z.string()),
});
export type ProcedureImportColumns = z.infer<typeof ProcedureImportColumns>;

/**
 * R4: accepted: new procedures; updated: codes already in the catalogue (or repeated in the file);
 * rejected rows; columns as D17. With `preview`, nothing is written and the counts say what would be.
 */
export const ProcedureImportResult = z.object({
  preview: z.boolean(),
  accepted: z.number().int().min(0),
  updated: z.number().int().min(0),
  rejected: z.array(ProcedureRejection),
  /** Accepted and updated procedures whose field no service of the centre takes (no "Lấy số" for them). */
  withoutService: z.array(z.string()),
  columns: ProcedureImportColumns.optional(),
});
export type ProcedureImportResult = z.infer<typeof ProcedureImportResult>;

/** A text the console sends; the import's row checks (R2) say what is wrong with it, not this bound. */
const EditedText = z.string().max(10_000);
const EditedList = z.array(EditedText).max(1_000);

/**
 * R12: `procedure:save` — one procedure from the admin console, in R1's shape (the code is the key:
 * a stored code is replaced). Checked with the import's row checks (R2); `serviceId` names the
 * service that receives it, else R3 chooses it by the field.
 */
export const ProcedureSaveInput = z.strictObject({
  procedure: z.strictObject({
    code: EditedText,
    name: EditedText,
    field: EditedText,
    level: DossierLevel.nullable().optional(),
    processingTime: EditedText.optional(),
    fees: EditedText.optional(),
    documents: EditedList.optional(),
    /** `{name, url}` or a line "Tên mẫu — https://…". */
    forms: z
      .array(z.union([EditedText, z.strictObject({ name: EditedText, url: EditedText.nullable().optional() })]))
      .max(1_000)
      .optional(),
    legalBasis: EditedList.optional(),
  }),
  serviceId: z.number().int().positive().nullable().optional(),
});
export type ProcedureSaveInput = z.infer<typeof ProcedureSaveInput>;

/** R13: `procedure:delete` — removes one procedure by its code. */
export const ProcedureDeleteInput = z.strictObject({ code: z.string().min(1).max(100) });
export type ProcedureDeleteInput = z.infer<typeof ProcedureDeleteInput>;

export const ProcedureDeleted = z.object({ code: z.string(), name: z.string() });
export type ProcedureDeleted = z.infer<typeof ProcedureDeleted>;
