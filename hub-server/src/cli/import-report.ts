import { DomainError, vi } from '@luot/shared';
import { stat } from 'node:fs/promises';
import { ImportColumnsError } from '../features/dossiers/import/columns';
import { formatOfFileName, IMPORT_FORMATS, type ImportFormat } from '../features/dossiers/import/import-dossiers';
import { UsageError } from './cli-context';

/** What `luot dossiers import` and `luot procedures import` print of a file they read (D17, R4). */

export const vn = (n: number): string => n.toLocaleString('vi-VN');

/** How many rejected rows a summary lists; the rest with `--json`. */
const SHOWN = 20;

/**
 * How the heading row was read: each heading and the meaning it was given (`names`: the column's
 * Vietnamese name), the headings skipped (`skippedAs`: why), the unknown ones.
 */
export function columnLines<C extends string>(
  c: { mapped: readonly { heading: string; column: C }[]; skipped: readonly string[]; unknown: readonly string[] },
  names: Record<C, string>,
  skippedAs: string,
): string[] {
  const quoted = (hs: readonly string[]): string => hs.map((h) => `"${h}"`).join(', ');
  const lines = ['Các cột của tệp:'];
  for (const m of c.mapped) lines.push(`  "${m.heading}" → ${names[m.column]} (${m.column})`);
  if (c.skipped.length) lines.push(`  Bỏ qua (${skippedAs}): ${quoted(c.skipped)}`);
  if (c.unknown.length) lines.push(`  Không nhận ra: ${quoted(c.unknown)}`);
  return lines;
}

/** The first rejected rows with their line and Vietnamese reason, and how many more there are. */
export function rejectedLines(rejected: readonly { row: number; code?: string | null; reason: string }[]): string[] {
  const lines = rejected.slice(0, SHOWN).map((x) => `  dòng ${x.row}${x.code ? ` (${x.code})` : ''}: ${x.reason}`);
  if (rejected.length > SHOWN) {
    lines.push(`  … và ${vn(rejected.length - SHOWN)} dòng lỗi khác (xem tất cả với --json).`);
  }
  return lines;
}

/** The one file an import command reads, its format (from `--format` or its name) and its size. */
export async function importFileArg(
  positionals: readonly string[],
  formatFlag: string | undefined,
): Promise<{ file: string; format: ImportFormat; size: number }> {
  const file = positionals[0];
  if (positionals.length !== 1 || !file) throw new UsageError('Cần đúng một tệp để nhập.');
  const format = (formatFlag ?? formatOfFileName(file)) as ImportFormat | null;
  if (!format || !IMPORT_FORMATS.includes(format)) {
    throw new UsageError(`Không nhận ra định dạng của "${file}": dùng đuôi .json, .csv, .xlsx hoặc --format.`);
  }
  const size = await stat(file).then(
    (s) => (s.isFile() ? s.size : null),
    () => null,
  );
  if (size === null) throw new UsageError(`Không mở được tệp "${file}".`);
  return { file, format, size };
}

/**
 * A refused import (D17, R4): without `--json`, how the heading row was read and then the error
 * (stderr, exit 1); with it, the error as JSON on stdout, for the scripts that call us.
 */
export async function importErrors(
  json: boolean,
  describeColumns: (columns: ImportColumnsError['columns']) => string[],
  run: () => Promise<number>,
): Promise<number> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    const columns = e instanceof ImportColumnsError ? e.columns : null;
    if (!json) {
      if (columns) console.log(describeColumns(columns).join('\n'));
      throw e;
    }
    const body = { code: e.code, message: vi.errors[e.code], detail: e.detail ?? null };
    console.log(JSON.stringify(columns ? { ...body, columns } : body));
    return 1;
  }
}
