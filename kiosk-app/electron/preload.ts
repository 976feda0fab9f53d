/**
 * The kiosk page's window onto its shell: `window.luotShell.printTicket(job)` prints on the USB
 * printer when one is configured (the main process passes the flag below). Type imports only, so
 * the sandboxed preload needs nothing but Electron at run time.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { KioskPrintChannel, UsbPrinterArg } from '@luot/hardware';
import type { KioskShellBridge, PrintOutcome } from '@luot/shared';

const PRINT: KioskPrintChannel = 'luot:printTicket';
const USB_PRINTER: UsbPrinterArg = '--luot-usb-printer';

const bridge = (
  process.argv.includes(USB_PRINTER)
    ? { printTicket: (job) => ipcRenderer.invoke(PRINT, job) as Promise<PrintOutcome> }
    : {}
) satisfies KioskShellBridge;

contextBridge.exposeInMainWorld('luotShell', bridge);
