import { DomainError } from '@luot/shared';
import { encodeTicket } from './escpos';
import { PrinterError } from './printer-error';
import { PrintableTicket } from './printable-ticket';
import { readPrinterStatus, refusal, type PrinterStatus } from './status';
import { renderTicket, type RenderOptions } from './ticket-layout';
import type { PrinterTransport } from './transport';

export interface PrintOptions extends RenderOptions {
  /** Bound on each status exchange; a printer silent for longer is unreachable. */
  statusTimeoutMs?: number;
}

export interface PrintResult {
  before: PrinterStatus;
  /**
   * Read after the ticket was sent, e.g. to warn that paper is low or ran out mid-ticket. Null
   * when the printer stopped answering after taking the bytes: the ticket may or may not be on
   * paper, so the caller shows it on screen rather than printing it twice.
   */
  after: PrinterStatus | null;
  bytes: number;
}

/**
 * Prints one ticket: checks the printer first and refuses, sending nothing, when it is out of
 * paper, open, offline or unreachable (PrinterError with the matching code); then sends the
 * ticket and reads the status again.
 * @example await printTicket(createTcpTransport({ host, port: 9100 }), ticket, { paper: 80 })
 */
export async function printTicket(
  transport: PrinterTransport,
  ticket: PrintableTicket,
  options: PrintOptions,
): Promise<PrintResult> {
  // Checked at run time too: tickets also come through the kiosk shell's bridge as plain data.
  const parsed = PrintableTicket.safeParse(ticket);
  if (!parsed.success)
    throw new DomainError('BAD_REQUEST', parsed.error.issues.map((i) => i.path.join('.')).join(', '));
  const timeoutMs = options.statusTimeoutMs ?? 2000;
  // Render before asking for status, so the status we act on is as fresh as possible.
  const bytes = encodeTicket(renderTicket(parsed.data, options));
  const before = await readPrinterStatus(transport, timeoutMs);
  const refused = refusal(before);
  if (refused) throw new PrinterError(refused);
  await transport.write(bytes);
  const after = await readPrinterStatus(transport, timeoutMs).catch((e: unknown) => {
    if (e instanceof PrinterError) return null;
    throw e;
  });
  return { before, after, bytes: bytes.length };
}
