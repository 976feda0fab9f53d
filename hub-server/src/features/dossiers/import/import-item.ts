import type { DossierImportColumns, DossierRejectReason } from '@luot/shared';

/** What a file reader hands the import, whatever the format. */
export type ImportItem =
  /** A row with canonical keys (code, field, …), not yet validated. */
  | { kind: 'row'; row: number; values: unknown }
  /** A row the reader itself could not read as a dossier. */
  | { kind: 'reject'; row: number; code: string | null; reason: DossierRejectReason }
  /** The `calendar` of a JSON import, not yet validated. */
  | { kind: 'calendar'; value: unknown }
  /** How a spreadsheet's heading row was read (D17), before its first row. */
  | { kind: 'columns'; value: DossierImportColumns };
// (A procedure file's columns have the same shape with the catalogue's column names, R2.)

/** A reader turns the bytes of a file into batches of items, in file order. */
export type ImportReader = (chunks: AsyncIterable<Uint8Array>, opts: HeaderOptions) => AsyncIterable<ImportItem[]>;

export interface HeaderOptions {
  /** Import anyway when some headings are unknown (their columns are not read). */
  ignoreUnknown: boolean;
  /** What the file holds (its columns, its JSON list); dossiers when absent. */
  schema?: ImportSchema;
}

/**
 * What a kind of import file holds, for the readers: the dossiers (D9, D17) or the procedure
 * catalogue (R2). The readers (CSV, XLSX, JSON) are the same for both.
 */
export interface ImportSchema {
  /** The column a heading names (folded, D17), 'skip' for a known column not read, null when unknown. */
  columnOfHeading(heading: string): string | null;
  /** The required columns missing from a heading row that has these columns. */
  missing(present: ReadonlySet<string>): string[];
  /** A column as the errors name it: "Mã hồ sơ (code)". */
  label(column: string): string;
  /** The key of the list in a JSON document (`{"dossiers": […]}`); a bare list is read too. */
  listKey: string;
  /** A top-level JSON key handed on whole as a `calendar` item (dossiers), if any. */
  calendarKey: string | null;
  /** The largest JSON element, in characters (D12: 64 KB for a dossier). */
  maxElementChars: number;
}
