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
