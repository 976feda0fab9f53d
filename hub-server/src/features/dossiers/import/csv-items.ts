import { DomainError } from '@luot/shared';
import { CsvError, parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { columnMap, rowItem, type ColumnMap } from './columns';
import type { ImportItem, ImportReader } from './import-item';
import { utf8Text } from './utf8-text';

/** A dossier line is a few hundred bytes; a longer "line" is junk (a binary file, an unclosed quote). */
const MAX_RECORD_CHARS = 64 * 1024;
const BATCH = 2000;

/**
 * The list separator of the header line: Excel writes ';' where the decimal separator is ','
 * (as in Vietnamese settings), ',' elsewhere; tab for a paste from a spreadsheet.
 */
function separatorOf(firstText: string): string {
  const line = firstText.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((sep) => [sep, line.split(sep).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

async function* withFirst(first: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  yield first;
  for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
}

/** CSV with a header row (JSON keys or the Vietnamese headers); row = record number, header = 1. */
export const csvItems: ImportReader = async function* (chunks) {
  const text = utf8Text(chunks);
  // Enough of the start to hold the header line, for the separator.
  let head = '';
  const headerEnded = (): boolean => {
    const start = head.search(/\S/);
    return start >= 0 && head.indexOf('\n', start) >= 0;
  };
  for (let r = await text.next(); ; r = await text.next()) {
    if (!r.done) head += r.value;
    if (r.done || head.length > MAX_RECORD_CHARS || headerEnded()) break;
  }
  if (head.trim() === '') throw new DomainError('IMPORT_EMPTY');

  const source = Readable.from(withFirst(head, text));
  const parser = parse({
    delimiter: separatorOf(head.trimStart()),
    relax_column_count: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  source.on('error', (e) => parser.destroy(e));
  source.pipe(parser);

  let cols: ColumnMap | null = null;
  let batch: ImportItem[] = [];
  // The line number when no quoted field spans lines, and the row a spreadsheet shows.
  // (csv-parse's own line info would double the parse time of a million rows.)
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      if (record.every((cell) => cell.trim() === '')) continue; // blank lines, and Excel's trailing ",,,,"
      if (cols === null) {
        cols = columnMap(record);
        continue;
      }
      batch.push(rowItem(cols, record, row, true));
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
  } catch (e) {
    if (e instanceof CsvError) throw new DomainError('IMPORT_INVALID', `CSV hỏng ở dòng ${e.lines ?? '?'}`);
    throw e;
  } finally {
    source.destroy();
  }
  if (cols === null) throw new DomainError('IMPORT_EMPTY');
  if (batch.length > 0) yield batch;
};
