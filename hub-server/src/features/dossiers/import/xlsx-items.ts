import { DomainError } from '@luot/shared';
import ExcelJS from 'exceljs';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { columnMap, rowItem, type ColumnMap } from './columns';
import type { ImportItem, ImportReader } from './import-item';

const BATCH = 2000;

/** A cell as the row parser reads it: text, number or Date; rich text, links and formulas reduced. */
function cellValue(v: unknown): unknown {
  if (v === null || v === undefined || typeof v !== 'object' || v instanceof Date) return v;
  if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r: { text?: unknown }) => r.text ?? '').join('');
  if ('result' in v) return cellValue(v.result);
  if ('text' in v) return cellValue(v.text);
  return undefined;
}

/**
 * The first worksheet of an XLSX workbook, streamed by exceljs; row = spreadsheet row number.
 * The upload is spooled to a temporary file first: the zip reader cannot be told that its input
 * failed half-way (a dropped upload, a size limit) and would wait for it forever.
 */
export const xlsxItems: ImportReader = async function* (chunks) {
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
    let cols: ColumnMap | null = null;
    let batch: ImportItem[] = [];
    try {
      for await (const sheet of reader) {
        sheets += 1;
        for await (const row of sheet) {
          if (sheets > 1) continue; // later sheets are drained, not read: the zip is one stream
          const cells = (row.values as unknown[]).slice(1).map(cellValue);
          if (!cells.some((c) => c !== undefined && c !== null && String(c).trim() !== '')) continue;
          if (cols === null) {
            cols = columnMap(cells);
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
    if (cols === null) throw new DomainError('IMPORT_EMPTY');
    if (batch.length > 0) yield batch;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
