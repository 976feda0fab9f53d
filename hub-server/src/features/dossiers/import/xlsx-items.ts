import { DomainError } from '@luot/shared';
import ExcelJS from 'exceljs';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { HeaderSearch, rowItem, type ColumnMap } from './columns';
import type { ImportItem, ImportReader } from './import-item';

const BATCH = 2000;

/** A cell as the row parser reads it (cellText, parseInstant, parseLocalDate). */
type Cell = string | number | boolean | Date | null | undefined;

/** How a cell of the sheet is to be read, beyond its value. */
interface CellContext {
  /** Whether the cell has a date number format. */
  dateFormatted(): boolean;
  /** Whether the workbook counts its dates from 1904 (old Mac Excel). */
  date1904(): boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** exceljs's test for a date number format (utils.isDateFmt), which its reader applies to plain number cells. */
const isDateFormat = (fmt: string | undefined): boolean =>
  !!fmt && /[ymdhMsb]/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** A serial date number as exceljs reads a date cell (utils.excelToDate): its UTC fields hold the wall clock. */
const serialDate = (serial: number, date1904: boolean): Date =>
  new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/**
 * A cell as the row parser reads it, from what exceljs's streaming reader gives (row.values): text,
 * numbers, booleans and dates as they are; rich text as the text of its runs; a hyperlink as its
 * text; a formula as its cached result, a Date when the cell has a date format (exceljs makes plain
 * date cells Dates but leaves a formula's result a serial number); an error value (#N/A, and a
 * formula's error, which the reader makes NaN) or anything else as empty.
 */
function cellValue(v: unknown, cell: CellContext): Cell {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (!isRecord(v)) return undefined;
  if (Array.isArray(v.richText)) {
    return v.richText.map((run) => (isRecord(run) && typeof run.text === 'string' ? run.text : '')).join('');
  }
  if ('formula' in v || 'sharedFormula' in v || 'result' in v) {
    const result = v.result;
    if (typeof result === 'number' && Number.isFinite(result) && cell.dateFormatted()) {
      return serialDate(result, cell.date1904());
    }
    return cellValue(result, cell);
  }
  // A hyperlink: its text, plain or rich.
  if ('text' in v) return cellValue(v.text, cell);
  return undefined;
}

/** What the streaming reader keeps of the workbook's properties (workbookPr), untyped in exceljs. */
const workbookDate1904 = (reader: ExcelJS.stream.xlsx.WorkbookReader): boolean =>
  (reader as unknown as { properties?: { model?: { date1904?: unknown } } }).properties?.model?.date1904 === true;

/**
 * The first worksheet of an XLSX workbook, streamed by exceljs; row = spreadsheet row number. The
 * heading row may sit under title rows (D17).
 * The upload is spooled to a temporary file first: the zip reader cannot be told that its input
 * failed half-way (a dropped upload, a size limit) and would wait for it forever.
 */
export const xlsxItems: ImportReader = async function* (chunks, opts) {
  const dir = await mkdtemp(join(tmpdir(), 'luot-import-'));
  const file = join(dir, 'upload.xlsx');
  try {
    await pipeline(chunks, createWriteStream(file));
    if ((await stat(file)).size === 0) throw new DomainError('IMPORT_EMPTY');
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(file), {
      sharedStrings: 'cache',
      styles: 'cache', // date cells are told apart by their number format
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    let sheets = 0;
    const search = new HeaderSearch(opts);
    let cols: ColumnMap | null = null;
    let batch: ImportItem[] = [];
    try {
      for await (const sheet of reader) {
        sheets += 1;
        for await (const row of sheet) {
          if (sheets > 1) continue; // later sheets are drained, not read: the zip is one stream
          const cells = (row.values as unknown[]).slice(1).map((v, i) =>
            cellValue(v, {
              dateFormatted: () => isDateFormat(row.getCell(i + 1).numFmt),
              date1904: () => workbookDate1904(reader),
            }),
          );
          if (!cells.some((c) => c !== undefined && c !== null && String(c).trim() !== '')) continue;
          if (cols === null) {
            cols = search.offer(cells, row.number);
            if (cols) batch.push({ kind: 'columns', value: cols.columns });
            continue;
          }
          batch.push(rowItem(cols, cells, row.number, false));
          if (batch.length >= BATCH) {
            yield batch;
            batch = [];
          }
        }
      }
    } catch (e) {
      if (e instanceof DomainError) throw e;
      throw new DomainError('IMPORT_INVALID', 'không đọc được tệp XLSX');
    }
    if (cols === null) search.end();
    if (batch.length > 0) yield batch;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
