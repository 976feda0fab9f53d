import type { PrintOutcome } from '@luot/shared';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { appUrl, loadShellConfig, ShellConfigError, type ShellApp, type ShellConfig } from './shell-config';
import { createShellPrinter, KIOSK_PRINT_CHANNEL, USB_PRINTER_ARG } from './shell-printer';

/** What the shells use of Electron; Electron's own objects satisfy it (checked by tsconfig.electron.json). */
export interface ShellElectron {
  app: {
    whenReady(): Promise<unknown>;
    getPath(name: 'userData'): string;
    quit(): void;
    on(event: 'window-all-closed', listener: () => void): unknown;
  };
  BrowserWindow: new (options: ShellWindowOptions) => ShellWindow;
  dialog: { showErrorBox(title: string, content: string): void };
  ipcMain: { handle(channel: string, listener: (event: unknown, job: unknown) => Promise<PrintOutcome>): void };
}

export interface ShellWindow {
  loadURL(url: string): Promise<unknown>;
  webContents: { setWindowOpenHandler(handler: () => { action: 'deny' }): void };
}

export interface ShellWindowOptions {
  kiosk: boolean;
  fullscreen: boolean;
  autoHideMenuBar: boolean;
  backgroundColor: string;
  webPreferences: {
    preload: string;
    contextIsolation: boolean;
    sandbox: boolean;
    nodeIntegration: boolean;
    additionalArguments: string[];
  };
}

export interface ShellOptions {
  app: ShellApp;
  /** Absolute path of the built preload script. */
  preload: string;
  env: Record<string, string | undefined>;
  /** A hub that is not up yet (both powered on together) is tried again: every 5 s for 1 h by default. */
  retryDelayMs?: number;
  retryAttempts?: number;
}

const TITLE = 'Lượt — không khởi động được';

/**
 * Everything an Electron shell does: read its configuration (LUOT_SHELL_CONFIG, else luot.json in
 * the user-data folder), open one full-screen kiosk-mode window on the app, and, for a kiosk with
 * a USB printer, answer the bridge's printTicket. A bad configuration is shown in Vietnamese and
 * the shell quits.
 * @example runShell(electron, { app: 'display', preload: join(__dirname, 'preload.js'), env: process.env })
 */
export async function runShell(electron: ShellElectron, options: ShellOptions): Promise<void> {
  const { app, BrowserWindow, dialog, ipcMain } = electron;
  await app.whenReady();
  const path = options.env.LUOT_SHELL_CONFIG ?? join(app.getPath('userData'), 'luot.json');
  let config: ShellConfig;
  try {
    config = loadShellConfig(path, options.app);
  } catch (e) {
    if (!(e instanceof ShellConfigError)) throw e;
    dialog.showErrorBox(TITLE, e.message);
    app.quit();
    return;
  }
  if (config.printer) {
    const printer = createShellPrinter(config.printer);
    ipcMain.handle(KIOSK_PRINT_CHANNEL, (_event, job) => printer.printTicket(job));
  }
  app.on('window-all-closed', () => app.quit());
  const win = new BrowserWindow({
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
    backgroundColor: '#0b2545',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      additionalArguments: config.printer ? [USB_PRINTER_ARG] : [],
    },
  });
  // A citizen must not be able to open other pages from the kiosk.
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const attempts = options.retryAttempts ?? 720;
  for (let i = 0; i < attempts; i++) {
    try {
      await win.loadURL(appUrl(config, options.app));
      return;
    } catch {
      if (i < attempts - 1) await sleep(options.retryDelayMs ?? 5000);
    }
  }
  dialog.showErrorBox(
    TITLE,
    `Không mở được ${config.hubUrl}: hub không trả lời. Hãy kiểm tra mạng và hub, rồi khởi động lại máy.`,
  );
  app.quit();
}
