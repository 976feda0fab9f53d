import { DomainError, type ErrorCode } from '@luot/shared';

export const PRINTER_ERROR_CODES = [
  'PRINTER_PAPER_OUT',
  'PRINTER_COVER_OPEN',
  'PRINTER_OFFLINE',
  'PRINTER_UNREACHABLE',
] as const satisfies readonly ErrorCode[];
export type PrinterErrorCode = (typeof PRINTER_ERROR_CODES)[number];

/**
 * Why a ticket did not reach paper. A DomainError, so the hub and the CLI show its Vietnamese
 * text (`vi.errors[code]`) like any other; `detail` is for logs only.
 */
export class PrinterError extends DomainError {
  constructor(
    override readonly code: PrinterErrorCode,
    detail?: string,
  ) {
    super(code, detail);
    this.name = 'PrinterError';
  }
}
