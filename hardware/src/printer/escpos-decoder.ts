import { DLE, EOT, ESC, GS, QR_LEVEL_BYTE } from './escpos';
import type { QrErrorLevel, Raster } from './raster';

/** One command read back from an ESC/POS stream: the ones `escpos.ts` emits, anything else as `unknown`. */
export type EscPosCommand =
  | { kind: 'initialize' }
  | { kind: 'justify'; align: 'left' | 'center' | 'right' }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut'; partial: boolean }
  | { kind: 'raster'; raster: Raster }
  | { kind: 'qrModel'; model: number }
  | { kind: 'qrSize'; moduleDots: number }
  | { kind: 'qrLevel'; level: QrErrorLevel }
  | { kind: 'qrStore'; data: string }
  | { kind: 'qrPrint' }
  | { kind: 'status'; n: number }
  | { kind: 'unknown'; byte: number };

export interface DecodeResult {
  commands: EscPosCommand[];
  /** Bytes used; the rest is the start of a command still arriving. */
  consumed: number;
}

// A corrupt raster header must not make a reader wait for gigabytes: beyond these a header is
// treated as noise. 255 bytes is 2,040 dots, wider than any receipt printer.
const MAX_RASTER_ROW_BYTES = 255;
const MAX_RASTER_ROWS = 4095;

const ALIGN = ['left', 'center', 'right'] as const;
const LEVEL_OF = new Map<number, QrErrorLevel>(Object.entries(QR_LEVEL_BYTE).map(([k, v]) => [v, k as QrErrorLevel]));

/**
 * Reads the complete commands at the start of `bytes`. A command cut off at the end is left
 * unconsumed, so a stream reader keeps the tail and calls again when more bytes arrive.
 */
export function decodeEscPos(bytes: Uint8Array): DecodeResult {
  const commands: EscPosCommand[] = [];
  const at = (k: number): number => bytes[k] ?? 0;
  let i = 0;
  while (i < bytes.length) {
    const size = commandSize(bytes, i);
    if (size === 0) break;
    commands.push(size < 0 ? { kind: 'unknown', byte: at(i) } : readCommand(bytes, i));
    i += Math.max(1, size);
  }
  return { commands, consumed: i };
}

/** Bytes of the command at `i`: > 0 complete, 0 incomplete, -1 not one we know (skip a byte). */
function commandSize(b: Uint8Array, i: number): number {
  const at = (k: number): number => b[i + k] ?? 0;
  const have = b.length - i;
  const need = (n: number): number => (have >= n ? n : 0);
  const first = at(0);
  if (first === ESC || first === GS || first === DLE) {
    if (have < 2) return 0;
  } else return -1;
  const second = at(1);
  if (first === ESC) {
    if (second === 0x40) return 2;
    if (second === 0x61 || second === 0x64) return need(3);
    return -1;
  }
  if (first === DLE) return second === EOT ? need(3) : -1;
  if (second === 0x56) {
    if (have < 3) return 0;
    if ([0, 1, 48, 49].includes(at(2))) return 3;
    return [65, 66].includes(at(2)) ? need(4) : -1;
  }
  if (second === 0x76) {
    if (have < 8) return 0;
    const rowBytes = at(4) + at(5) * 256;
    const rows = at(6) + at(7) * 256;
    const sane =
      at(2) === 0x30 && rowBytes > 0 && rows > 0 && rowBytes <= MAX_RASTER_ROW_BYTES && rows <= MAX_RASTER_ROWS;
    return sane ? need(8 + rowBytes * rows) : -1;
  }
  if (second === 0x28) {
    if (have < 5) return 0;
    return at(2) === 0x6b ? need(5 + at(3) + at(4) * 256) : -1;
  }
  return -1;
}

function readCommand(b: Uint8Array, i: number): EscPosCommand {
  const at = (k: number): number => b[i + k] ?? 0;
  if (at(0) === ESC) {
    if (at(1) === 0x40) return { kind: 'initialize' };
    if (at(1) === 0x61) return { kind: 'justify', align: ALIGN[at(2) % 48] ?? 'left' };
    return { kind: 'feed', lines: at(2) };
  }
  if (at(0) === DLE) return { kind: 'status', n: at(2) };
  if (at(1) === 0x56) return { kind: 'cut', partial: [1, 49, 66].includes(at(2)) };
  if (at(1) === 0x76) {
    const rowBytes = at(4) + at(5) * 256;
    const rows = at(6) + at(7) * 256;
    return {
      kind: 'raster',
      raster: { width: rowBytes * 8, height: rows, data: b.slice(i + 8, i + 8 + rowBytes * rows) },
    };
  }
  return readQr(b.subarray(i + 5, i + 5 + at(3) + at(4) * 256));
}

/** `GS ( k` parameters from cn on: cn fn params… */
function readQr(p: Uint8Array): EscPosCommand {
  const [cn, fn, a = 0] = p;
  if (cn !== 49) return { kind: 'unknown', byte: GS };
  if (fn === 65) return { kind: 'qrModel', model: a - 48 };
  if (fn === 67) return { kind: 'qrSize', moduleDots: a };
  const level = LEVEL_OF.get(a);
  if (fn === 69) return level ? { kind: 'qrLevel', level } : { kind: 'unknown', byte: GS };
  if (fn === 80) return { kind: 'qrStore', data: Buffer.from(p.subarray(3)).toString('latin1') };
  if (fn === 81) return { kind: 'qrPrint' };
  return { kind: 'unknown', byte: GS };
}
