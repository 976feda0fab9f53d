/**
 * The kiosk app's Electron shell: one full-screen kiosk-mode window on <hub>/kiosk/?token=…,
 * configured by a JSON file (LUOT_SHELL_CONFIG, else luot.json in the user-data folder).
 * All the logic is in @luot/hardware's shell module, where Vitest covers it without Electron.
 */
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { join } from 'node:path';
import { runShell } from '@luot/hardware';

void runShell(
  { app, BrowserWindow, dialog, ipcMain },
  { app: 'kiosk', preload: join(import.meta.dirname, 'preload.cjs'), env: process.env },
);
