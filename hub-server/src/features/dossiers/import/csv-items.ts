import { DomainError } from '@luot/shared';
import { CsvError, parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { HeaderSearch, HEADER_SEARCH_ROWS, rowItem, type ColumnMap } from './columns';
import type { ImportItem, ImportReader } from './import-item';
import { utf8Text } from './utf8-text';

/** A dossier line is a few hundred bytes; a longer "line" is junk (a binary file, an unclosed quote). */
const MAX_RECORD_CHARS = 64 * 1024;
const BATCH = 2000;

/**
 * The list separator: Excel writes ';' where the decimal separator is ',' (as in Vietnamese
 * settings), ',' elsewhere; tab for a paste from a spreadsheet. The heading row may sit under
 * title rows (D17), so the separator is the one that splits some line of the start of the file
 * into the most cells: a title holds a comma or two at most, a heading row a dozen separators.
 */
function separatorOf(head: string): string {
  const lines = head.split(/\r?\n/, HEADER_SEARCH_ROWS);
  const counts = [',', ';', '\t'].map((sep) => [sep, Math.max(...lines.map((l) => l.split(sep).length))] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

async function* withFirst(first: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  yield first;
  for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
}

/** The start of the text holds the lines where the heading row may be (or more than a record can). */
const headFull = (head: string): boolean => {
  let lines = 0;
  for (let i = head.indexOf('\n'); i >= 0 && lines < HEADER_SEARCH_ROWS; i = head.indexOf('\n', i + 1)) lines += 1;
  return lines >= HEADER_SEARCH_ROWS;
};

/**
 * CSV with a heading row (JSON keys or the headings of D17), under title rows if any; row = record
 * number, the first line = 1.
 */
export const csvItems: ImportReader = async function* (chunks, opts) {
  const text = utf8Text(chunks);
  // Enough of the start to hold the heading row, for the separator.
  let head = '';
  for (let r = await text.next(); ; r = await text.next()) {
    if (!r.done) head += r.value;
    if (r.done || head.length > MAX_RECORD_CHARS || headFull(head)) break;
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

  const search = new HeaderSearch(opts);
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
        cols = search.offer(record, row);
        if (cols) batch.push({ kind: 'columns', value: cols.columns });
        continue;
      }
      batch.push(rowItem(cols, record, row, true));
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
  } catch (e) {
    if (e instanceof CsvError) {
      // csv-parse puts its position on the error (`lines`: a number), typed unknown.
      const line = typeof e.lines === 'number' ? e.lines : '?';
      throw new DomainError('IMPORT_INVALID', `CSV hỏng ở dòng ${line}`);
    }
    throw e;
  } finally {
    source.destroy();
  }
  if (cols === null) search.end();
  if (batch.length > 0) yield batch;
};
