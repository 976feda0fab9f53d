import type { KioskShellBridge } from '@luot/shared';

declare global {
  interface Window {
    /** Set by the kiosk's Electron shell (kiosk-app/electron/preload.ts); absent in a plain browser. */
    luotShell?: KioskShellBridge;
  }
}

/** The shell's printTicket when the kiosk runs in its Electron shell with a USB printer. */
export function shellPrinter(): KioskShellBridge['printTicket'] {
  const shell = window.luotShell;
  return shell?.printTicket?.bind(shell);
}
