import type { PrintOutcome } from '@luot/shared';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createShellPrinter,
  createTcpTransport,
  decodeEscPos,
  KIOSK_PRINT_CHANNEL,
  runShell,
  sampleTicket,
  startVirtualPrinter,
  STATUS_QUERIES,
  USB_PRINTER_ARG,
  type ShellElectron,
  type ShellOptions,
  type ShellWindowOptions,
} from '../src/index';

const TOKEN = 'k3Yq0f7Zr2X9mWc4Lp8Tn1Hs6Vb5Ja0D';
type Handler = (event: unknown, job: unknown) => Promise<PrintOutcome>;

/** Electron as far as the shell uses it, recording what the shell asked of it. */
function fakeElectron(loads: ('ok' | 'fail')[] = []) {
  const seen = {
    windows: [] as ShellWindowOptions[],
    urls: [] as string[],
    errors: [] as { title: string; content: string }[],
    handlers: new Map<string, Handler>(),
    openDenied: false,
    quit: 0,
  };
  const electron: ShellElectron = {
    app: {
      whenReady: () => Promise.resolve(),
      getPath: () => '/nonexistent-user-data',
      quit: () => void (seen.quit += 1),
      on: () => undefined,
    },
    BrowserWindow: class {
      webContents = {
        setWindowOpenHandler: (h: () => { action: 'deny' }) => void (seen.openDenied = h().action === 'deny'),
      };
      constructor(options: ShellWindowOptions) {
        seen.windows.push(options);
      }
      loadURL(url: string): Promise<unknown> {
        seen.urls.push(url);
        return loads.shift() === 'fail' ? Promise.reject(new Error('ERR_CONNECTION_REFUSED')) : Promise.resolve();
      }
    },
    dialog: { showErrorBox: (title, content) => void seen.errors.push({ title, content }) },
    ipcMain: { handle: (channel, listener) => void seen.handlers.set(channel, listener) },
  };
  return { electron, seen };
}

describe('Electron shell', () => {
  let dir: string;
  let configPath: string;
  let device: string;
  const options = (app: ShellOptions['app'], extra: Partial<ShellOptions> = {}): ShellOptions => ({
    app,
    preload: '/opt/luot/preload.cjs',
    env: { LUOT_SHELL_CONFIG: configPath },
    retryDelayMs: 0,
    ...extra,
  });
  const writeConfig = (config: unknown): void => writeFileSync(configPath, JSON.stringify(config));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'luot-shell-'));
    configPath = join(dir, 'luot.json');
    // No USB printer here: a regular file stands in for /dev/usb/lp0 (it takes bytes, never answers).
    device = join(dir, 'lp0');
    writeFileSync(device, '');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('E2: opens one locked-down, full-screen kiosk window on the app with its token', async () => {
    writeConfig({ hubUrl: 'http://192.168.1.10:8080', token: TOKEN });
    const { electron, seen } = fakeElectron();
    await runShell(electron, options('display'));
    expect(seen.windows).toEqual([
      {
        kiosk: true,
        fullscreen: true,
        autoHideMenuBar: true,
        backgroundColor: '#0b2545',
        webPreferences: {
          preload: '/opt/luot/preload.cjs',
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          additionalArguments: [],
        },
      },
    ]);
    expect(seen.urls).toEqual([`http://192.168.1.10:8080/display/?token=${TOKEN}`]);
    expect(seen.openDenied).toBe(true);
    expect(seen.handlers.size).toBe(0);
    expect(seen.errors).toEqual([]);
  });

  it('E1: a missing or invalid configuration is shown in Vietnamese and the shell quits without a window', async () => {
    const { electron, seen } = fakeElectron();
    await runShell(electron, options('kiosk'));
    writeConfig({ hubUrl: 'http://192.168.1.10:8080/kiosk', token: TOKEN });
    await runShell(electron, options('kiosk'));
    expect(seen.windows).toEqual([]);
    expect(seen.quit).toBe(2);
    expect(seen.errors.map((e) => e.title)).toEqual(['Lượt — không khởi động được', 'Lượt — không khởi động được']);
    expect(seen.errors[0]!.content).toContain(`Không đọc được tệp cấu hình ${configPath} (ENOENT)`);
    expect(seen.errors[1]!.content).toContain('hubUrl phải là địa chỉ của hub');
  });

  it('E2: a hub that is not up yet is tried again; one that never comes up is reported', async () => {
    writeConfig({ hubUrl: 'http://192.168.1.10:8080', token: TOKEN });
    const late = fakeElectron(['fail', 'fail', 'ok']);
    await runShell(late.electron, options('counter'));
    expect(late.seen.urls).toHaveLength(3);
    expect(late.seen.errors).toEqual([]);

    const never = fakeElectron(['fail', 'fail', 'fail']);
    await runShell(never.electron, options('counter', { retryAttempts: 3 }));
    expect(never.seen.urls).toHaveLength(3);
    expect(never.seen.errors[0]!.content).toContain('Không mở được http://192.168.1.10:8080: hub không trả lời.');
    expect(never.seen.errors[0]!.content).not.toContain(TOKEN);
    expect(never.seen.quit).toBe(1);
  });

  it('E3: a kiosk with a USB printer answers the bridge; a device that never answers gives PRINTER_UNREACHABLE, no ticket', async () => {
    writeConfig({ hubUrl: 'http://192.168.1.10:8080', token: TOKEN, printer: { usb: device, paper: 58 } });
    const { electron, seen } = fakeElectron();
    await runShell(electron, options('kiosk'));
    expect(seen.windows[0]!.webPreferences.additionalArguments).toEqual([USB_PRINTER_ARG]);
    const print = seen.handlers.get(KIOSK_PRINT_CHANNEL)!;

    const start = performance.now();
    expect(await print({}, sampleTicket(Date.UTC(2025, 2, 5, 1, 15)))).toEqual({
      ok: false,
      code: 'PRINTER_UNREACHABLE',
    });
    expect(performance.now() - start).toBeLessThan(4000);
    // Only the status questions reached the device: nothing of the ticket.
    expect(readFileSync(device)).toEqual(STATUS_QUERIES);
  });

  it('E3: the bridge refuses a job that is not a ticket and sends the printer nothing', async () => {
    const printer = createShellPrinter({ usb: device, paper: 80 });
    expect(await printer.printTicket({ label: '1001', qrUrl: 'javascript:alert(1)' })).toEqual({
      ok: false,
      code: 'BAD_REQUEST',
    });
    await printer.close();
    expect(readFileSync(device)).toHaveLength(0);
  });

  it('E3: the bridge prints with the same encoder as the hub (through a printer that answers)', async () => {
    const virtual = await startVirtualPrinter({ paper: 58 });
    const printer = createShellPrinter(
      { usb: device, paper: 58 },
      createTcpTransport({ host: '127.0.0.1', port: virtual.port }),
    );
    try {
      const job = sampleTicket(Date.UTC(2025, 2, 5, 1, 15));
      expect(await printer.printTicket(job)).toEqual({ ok: true, confirmed: true, paperLow: false });
      expect(virtual.tickets).toHaveLength(1);
      expect(virtual.tickets[0]!.elements.find((e) => e.kind === 'qr')).toMatchObject({ data: job.qrUrl });
      virtual.setCondition({ coverOpen: true });
      expect(await printer.printTicket(job)).toEqual({ ok: false, code: 'PRINTER_COVER_OPEN' });
      expect(virtual.tickets).toHaveLength(1);
      expect(decodeEscPos(readFileSync(device)).commands).toEqual([]);
    } finally {
      await printer.close();
      await virtual.close();
    }
  });
});
