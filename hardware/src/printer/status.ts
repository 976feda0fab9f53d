import { statusQuery } from './escpos';
import { PrinterError, type PrinterErrorCode } from './printer-error';
import type { PrinterTransport } from './transport';

export interface PrinterStatus {
  online: boolean;
  coverOpen: boolean;
  paperOut: boolean;
  /** The near-end sensor: prints still work, someone should bring a roll. */
  paperLow: boolean;
}

/** The three real-time queries, in the order their one-byte replies come back. */
const QUERIES = [1, 2, 4] as const;
export const STATUS_QUERIES: Buffer = Buffer.concat(QUERIES.map((n) => statusQuery(n)));

// Every DLE EOT reply has bit 1 and bit 4 set and bits 0 and 7 clear (Epson ESC/POS reference).
const FIXED_MASK = 0x93;
const FIXED_BITS = 0x12;
const OFFLINE = 0x08; // n = 1
const COVER_OPEN = 0x04; // n = 2
const STOPPED_BY_PAPER_END = 0x20; // n = 2
const NEAR_END = 0x0c; // n = 4, both bits of the near-end sensor
const PAPER_END = 0x60; // n = 4, both bits of the end sensor

/** Reads the replies to STATUS_QUERIES; anything that is not a status byte means we are not talking to a printer. */
export function parseStatusReply(reply: Uint8Array): PrinterStatus {
  if (reply.length !== QUERIES.length || reply.some((b) => (b & FIXED_MASK) !== FIXED_BITS)) {
    throw new PrinterError('PRINTER_UNREACHABLE', `not a status reply: ${Buffer.from(reply).toString('hex')}`);
  }
  const [p = 0, c = 0, r = 0] = reply;
  return {
    online: (p & OFFLINE) === 0,
    coverOpen: (c & COVER_OPEN) !== 0,
    paperOut: (r & PAPER_END) !== 0 || (c & STOPPED_BY_PAPER_END) !== 0,
    paperLow: (r & NEAR_END) !== 0,
  };
}

/** The byte a printer in `status` answers to `DLE EOT n` (the virtual printer's side of the exchange). */
export function statusReplyByte(n: number, status: PrinterStatus): number {
  if (n === 1) return FIXED_BITS | (status.online ? 0 : OFFLINE);
  if (n === 2) return FIXED_BITS | (status.coverOpen ? COVER_OPEN : 0) | (status.paperOut ? STOPPED_BY_PAPER_END : 0);
  if (n === 4) return FIXED_BITS | (status.paperLow ? NEAR_END : 0) | (status.paperOut ? PAPER_END : 0);
  return FIXED_BITS;
}

/** Asks the printer for its status; rejects with PRINTER_UNREACHABLE after `timeoutMs` without an answer. */
export async function readPrinterStatus(transport: PrinterTransport, timeoutMs: number): Promise<PrinterStatus> {
  return parseStatusReply(await transport.query(STATUS_QUERIES, QUERIES.length, timeoutMs));
}

/**
 * Why a printer in this state must not be sent a ticket, or null when it can print. Paper and
 * cover come first: a printer reports itself offline *because* of them, and they tell staff
 * what to fix.
 */
export function refusal(status: PrinterStatus): PrinterErrorCode | null {
  if (status.paperOut) return 'PRINTER_PAPER_OUT';
  if (status.coverOpen) return 'PRINTER_COVER_OPEN';
  if (!status.online) return 'PRINTER_OFFLINE';
  return null;
}
