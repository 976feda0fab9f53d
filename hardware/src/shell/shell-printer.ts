import type { PrintOutcome } from '@luot/shared';
import type { PrinterTransport } from '../printer/transport';
import { createUsbTransport } from '../printer/usb-transport';
import { printForOutcome } from './print-outcome';
import type { ShellPrinterConfig } from './shell-config';

/** The IPC channel of the kiosk bridge's printTicket; a type so the preload can state it without importing code. */
export type KioskPrintChannel = 'luot:printTicket';
export const KIOSK_PRINT_CHANNEL: KioskPrintChannel = 'luot:printTicket';

/** Passed to the kiosk's renderer when a USB printer is configured, so the preload exposes printTicket. */
export type UsbPrinterArg = '--luot-usb-printer';
export const USB_PRINTER_ARG: UsbPrinterArg = '--luot-usb-printer';

export interface ShellPrinter {
  /** Validates the job (it comes from the page as plain data), prints it, and says how it went. */
  printTicket(job: unknown): Promise<PrintOutcome>;
  close(): Promise<void>;
}

/**
 * The kiosk shell's printer: one USB transport for the shell's life, the same encoder and
 * checks as the hub's network printing.
 * @example const p = createShellPrinter({ usb: '/dev/usb/lp0', paper: 80 }); await p.printTicket(job)
 */
export function createShellPrinter(
  config: ShellPrinterConfig,
  transport: PrinterTransport = createUsbTransport(config.usb),
  statusTimeoutMs?: number,
): ShellPrinter {
  return {
    printTicket: async (job) =>
      (await printForOutcome(transport, job, { paper: config.paper, statusTimeoutMs })).outcome,
    close: () => transport.close(),
  };
}
