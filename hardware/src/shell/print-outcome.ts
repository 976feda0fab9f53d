import { DomainError, type PrintOutcome } from '@luot/shared';
import { printTicket, type PrintOptions } from '../printer/print-ticket';
import type { PrintableTicket } from '../printer/printable-ticket';
import { refusal } from '../printer/status';
import type { PrinterTransport } from '../printer/transport';

export interface PrintReport {
  outcome: PrintOutcome;
  /** For logs only: why it failed, or the printer's own words; never shown on a screen. */
  detail: string | null;
}

/**
 * Prints one ticket and says how it ended, never throwing: both the hub and the kiosk shell
 * hand the outcome to a screen. A printer that ran out of paper or was opened while the ticket
 * went through is a failure (the ticket is likely cut short), and the ticket is not sent again.
 * @example const { outcome } = await printForOutcome(transport, job, { paper: 80 })
 */
export async function printForOutcome(
  transport: PrinterTransport,
  job: unknown,
  options: PrintOptions,
): Promise<PrintReport> {
  try {
    // printTicket validates the job itself (it may come from a renderer process as plain data).
    const result = await printTicket(transport, job as PrintableTicket, options);
    const stopped = result.after ? refusal(result.after) : null;
    if (stopped) return { outcome: { ok: false, code: stopped }, detail: 'printer stopped while printing' };
    const paperLow = (result.after ?? result.before).paperLow;
    return { outcome: { ok: true, confirmed: result.after !== null, paperLow }, detail: null };
  } catch (e) {
    if (e instanceof DomainError) return { outcome: { ok: false, code: e.code }, detail: e.detail ?? null };
    return {
      outcome: { ok: false, code: 'INTERNAL' },
      detail: e instanceof Error ? (e.stack ?? e.message) : String(e),
    };
  }
}
