import { cellText, DomainError, DOSSIER_COLUMNS, type DossierColumn } from '@luot/shared';
import type { ImportItem } from './import-item';

const headerKey = (s: string): string => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

/** Every accepted header (the JSON key or the Vietnamese one), folded, to its column. */
const ALIASES = new Map<string, DossierColumn>(
  (Object.entries(DOSSIER_COLUMNS) as [DossierColumn, string][]).flatMap(([key, vi]) => [
    [headerKey(key), key],
    [headerKey(vi), key],
  ]),
);

const REQUIRED: readonly DossierColumn[] = ['code', 'field', 'level', 'channel', 'receivedAt'];

const label = (c: DossierColumn): string => `${DOSSIER_COLUMNS[c]} (${c})`;

/** Where each column sits in a spreadsheet row. */
export interface ColumnMap {
  width: number;
  at: [DossierColumn, number][];
}

/**
 * Reads a header row. Unknown columns (an export's "Tên thủ tục"…) are ignored; a missing required
 * column, or one named twice, is IMPORT_COLUMNS with the columns in the detail.
 */
export function columnMap(header: readonly unknown[]): ColumnMap {
  const at = new Map<DossierColumn, number>();
  const twice: DossierColumn[] = [];
  header.forEach((cell, i) => {
    const col = ALIASES.get(headerKey(cellText(cell)));
    if (!col) return;
    if (at.has(col)) twice.push(col);
    at.set(col, i);
  });
  const missing = REQUIRED.filter((c) => !at.has(c));
  if (!at.has('processingDays') && !at.has('dueDate')) missing.push('processingDays');
  if (missing.length > 0 || twice.length > 0) {
    const parts = [
      missing.length ? `thiếu cột: ${missing.map(label).join(', ')}` : '',
      twice.length ? `cột trùng: ${twice.map(label).join(', ')}` : '',
    ];
    throw new DomainError('IMPORT_COLUMNS', parts.filter(Boolean).join('; '));
  }
  return { width: header.length, at: [...at] };
}

/** A data row as an import item; `strictWidth` for CSV, where a different cell count means shifted columns. */
export function rowItem(cols: ColumnMap, cells: readonly unknown[], row: number, strictWidth: boolean): ImportItem {
  const values: Partial<Record<DossierColumn, unknown>> = {};
  for (const [col, i] of cols.at) values[col] = cells[i];
  if (strictWidth && cells.length !== cols.width) {
    const code = cellText(values.code);
    return { kind: 'reject', row, code: code === '' ? null : code, reason: 'columnCount' };
  }
  return { kind: 'row', row, values };
}
