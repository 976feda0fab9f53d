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

/** A reader turns the bytes of a file into batches of items, in file order. */
export type ImportReader = (chunks: AsyncIterable<Uint8Array>, opts: HeaderOptions) => AsyncIterable<ImportItem[]>;

export interface HeaderOptions {
  /** Import anyway when some headings are unknown (their columns are not read). */
  ignoreUnknown: boolean;
}
