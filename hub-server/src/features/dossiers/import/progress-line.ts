import type { ImportProgress } from './import-dossiers';

const BAR_WIDTH = 30;

const vn = (n: number): string => n.toLocaleString('vi-VN');

/**
 * One line of import progress for a terminal: a bar when the file size is known.
 * @example progressLine({ bytes: 45, rows: 450_000 }, 100) // '[██████████████················]  45% · 450.000 dòng'
 */
export function progressLine(p: ImportProgress, totalBytes: number | null): string {
  if (!totalBytes) return `${vn(p.rows)} dòng`;
  const fraction = Math.min(1, p.bytes / totalBytes);
  const filled = Math.round(fraction * BAR_WIDTH);
  const percent = String(Math.floor(fraction * 100)).padStart(3);
  return `[${'█'.repeat(filled)}${'·'.repeat(BAR_WIDTH - filled)}] ${percent}% · ${vn(p.rows)} dòng`;
}

/**
 * Progress on stderr: a bar redrawn in place on a terminal; otherwise (a log file, CI) a plain line
 * each time another tenth of the file has been read.
 */
export function progressReporter(stream: NodeJS.WriteStream, totalBytes: number | null) {
  let lastTenth = -1;
  return {
    update(p: ImportProgress): void {
      if (stream.isTTY) {
        stream.write(`\r${progressLine(p, totalBytes)}`);
        return;
      }
      const tenth = totalBytes ? Math.floor((p.bytes / totalBytes) * 10) : Math.floor(p.rows / 100_000);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      stream.write(`Đang nhập: ${progressLine(p, totalBytes)}\n`);
    },
    done(): void {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
