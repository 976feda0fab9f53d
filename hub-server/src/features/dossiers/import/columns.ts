import {
  cellText,
  columnOfHeading,
  DomainError,
  DOSSIER_COLUMNS,
  type DossierColumn,
  type DossierImportColumns,
} from '@luot/shared';
import type { HeaderOptions, ImportItem, ImportSchema } from './import-item';

const REQUIRED: readonly DossierColumn[] = ['code', 'field', 'level', 'channel', 'receivedAt'];

/** D9, D17: the dossier file's columns: the schema the readers use unless told another. */
export const DOSSIER_SCHEMA: ImportSchema = {
  columnOfHeading,
  missing(present) {
    const missing: string[] = REQUIRED.filter((c) => !present.has(c));
    if (!present.has('processingDays') && !present.has('dueDate')) missing.push('processingDays');
    return missing;
  },
  label: (c) => `${DOSSIER_COLUMNS[c as DossierColumn]} (${c})`,
  listKey: 'dossiers',
  calendarKey: 'calendar',
  maxElementChars: 64 * 1024,
};

/** D17: the heading row is looked for in this many first rows of the sheet (title rows above it). */
export const HEADER_SEARCH_ROWS = 10;

/** A row naming at least this many known columns (needed or skipped) is the heading row. */
const HEADER_MIN_KNOWN = 2;

const quoted = (headings: readonly string[]): string => headings.map((h) => `"${h}"`).join(', ');

/**
 * A refusal because of the heading row (IMPORT_COLUMNS, IMPORT_UNKNOWN_COLUMNS): it carries how the
 * headings were read, which the CLI prints and the REST answer includes (D17).
 */
export class ImportColumnsError extends DomainError {
  constructor(
    code: 'IMPORT_COLUMNS' | 'IMPORT_UNKNOWN_COLUMNS',
    detail: string,
    readonly columns: DossierImportColumns,
  ) {
    super(code, detail);
  }
}

/** Where each column sits in a spreadsheet row, and how the heading row was read. */
export interface ColumnMap {
  width: number;
  at: [string, number][];
  columns: DossierImportColumns;
}

const knownCount = (cells: readonly unknown[], schema: ImportSchema): number =>
  cells.filter((c) => {
    const h = cellText(c);
    return h !== '' && schema.columnOfHeading(h) !== null;
  }).length;

/**
 * D17: reads a heading row. Each heading names a column, is one the figures do not need (skipped),
 * or is unknown. A missing required column or a column named twice (under any of its headings) is
 * IMPORT_COLUMNS; an unknown heading is IMPORT_UNKNOWN_COLUMNS unless told to ignore it. Nothing
 * has been written when either is thrown: the header comes before any row.
 */
export function columnMap(header: readonly unknown[], opts: HeaderOptions, where = ''): ColumnMap {
  const schema = opts.schema ?? DOSSIER_SCHEMA;
  const label = (c: string): string => schema.label(c);
  const at = new Map<string, number>();
  const headingsOf = new Map<string, string[]>();
  // The columns of the schema's file: dossier columns unless the caller gave another schema.
  const columns = { mapped: [], skipped: [], unknown: [] } as DossierImportColumns;
  header.forEach((cell, i) => {
    const heading = cellText(cell);
    if (heading === '') return; // an empty heading cell (Excel's trailing columns)
    const col = schema.columnOfHeading(heading) as DossierColumn | 'skip' | null;
    if (col === null) columns.unknown.push(heading);
    else if (col === 'skip') columns.skipped.push(heading);
    else {
      columns.mapped.push({ heading, column: col });
      headingsOf.set(col, [...(headingsOf.get(col) ?? []), heading]);
      if (!at.has(col)) at.set(col, i);
    }
  });
  const missing = schema.missing(new Set(at.keys()));
  const twice = [...headingsOf].filter(([, hs]) => hs.length > 1);
  const unknown = columns.unknown.length ? `cột không nhận ra: ${quoted(columns.unknown)}` : '';
  if (missing.length > 0 || twice.length > 0) {
    const parts = [
      missing.length ? `thiếu cột: ${missing.map(label).join(', ')}` : '',
      twice.length ? `cột trùng: ${twice.map(([c, hs]) => `${label(c)} — ${quoted(hs)}`).join('; ')}` : '',
      unknown,
    ];
    throw new ImportColumnsError('IMPORT_COLUMNS', where + parts.filter(Boolean).join('; '), columns);
  }
  if (columns.unknown.length > 0 && !opts.ignoreUnknown) {
    throw new ImportColumnsError('IMPORT_UNKNOWN_COLUMNS', where + unknown, columns);
  }
  return { width: header.length, at: [...at], columns };
}

/**
 * D17: finds the heading row among the first HEADER_SEARCH_ROWS rows, skipping the title rows an
 * export puts above it ("DANH SÁCH HỒ SƠ…", the unit, the period). Fed the non-blank rows in order.
 */
export class HeaderSearch {
  /** The row naming the most known columns so far, for the error when no row is the heading. */
  private best: { cells: readonly unknown[]; row: number; known: number } | null = null;

  constructor(private readonly opts: HeaderOptions) {}

  /** The columns once `cells` (spreadsheet row `row`) is the heading row; null while still looking. */
  offer(cells: readonly unknown[], row: number): ColumnMap | null {
    const known = knownCount(cells, this.opts.schema ?? DOSSIER_SCHEMA);
    if (known >= HEADER_MIN_KNOWN && row <= HEADER_SEARCH_ROWS) return columnMap(cells, this.opts);
    if (row <= HEADER_SEARCH_ROWS && (this.best === null || known > this.best.known)) this.best = { cells, row, known };
    if (row >= HEADER_SEARCH_ROWS) this.fail();
    return null;
  }

  /** The file ended while still looking: IMPORT_EMPTY without a row, else why no row is the heading. */
  end(): never {
    if (this.best === null) throw new DomainError('IMPORT_EMPTY');
    this.fail();
  }

  private fail(): never {
    const best = this.best;
    if (best === null)
      throw new DomainError('IMPORT_COLUMNS', `không có dòng tiêu đề trong ${HEADER_SEARCH_ROWS} dòng đầu`);
    columnMap(
      best.cells,
      this.opts,
      `không thấy dòng tiêu đề trong ${HEADER_SEARCH_ROWS} dòng đầu; dòng ${best.row}: `,
    );
    // A row with every required column names at least two: it would have been the heading row.
    throw new DomainError('IMPORT_COLUMNS', `không thấy dòng tiêu đề trong ${HEADER_SEARCH_ROWS} dòng đầu`);
  }
}

/** A data row as an import item; `strictWidth` for CSV, where a different cell count means shifted columns. */
export function rowItem(cols: ColumnMap, cells: readonly unknown[], row: number, strictWidth: boolean): ImportItem {
  const values: Partial<Record<string, unknown>> = {};
  for (const [col, i] of cols.at) values[col] = cells[i];
  if (strictWidth && cells.length !== cols.width) {
    const code = cellText(values.code);
    return { kind: 'reject', row, code: code === '' ? null : code, reason: 'columnCount' };
  }
  return { kind: 'row', row, values };
}
