import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUsbTransport, decodeEscPos, printTicket, sampleTicket, STATUS_QUERIES } from '../src/index';

// No USB printer here: a regular file stands in for /dev/usb/lp0. It takes writes like the device
// and, like a printer that never answers, has nothing to read back.
describe('USB printer-class transport', () => {
  let dir: string;
  let device: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'luot-usb-'));
    device = join(dir, 'lp0');
    writeFileSync(device, '');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the bytes to the device file unchanged', async () => {
    const transport = createUsbTransport(device);
    const bytes = Buffer.from([0x1b, 0x40, 0x1b, 0x64, 3, 0x1d, 0x56, 65, 0]);
    await transport.write(bytes);
    await transport.close();
    expect(decodeEscPos(readFileSync(device)).commands.map((c) => c.kind)).toEqual(['initialize', 'feed', 'cut']);
  });

  it('PR10: a device that never answers status gives PRINTER_UNREACHABLE within the timeout, and gets no ticket', async () => {
    const transport = createUsbTransport(device, { pollMs: 10 });
    const start = performance.now();
    await expect(printTicket(transport, sampleTicket(0), { paper: 58, statusTimeoutMs: 200 })).rejects.toMatchObject({
      code: 'PRINTER_UNREACHABLE',
    });
    expect(performance.now() - start).toBeLessThan(1500);
    await transport.close();
    expect(readFileSync(device)).toEqual(STATUS_QUERIES);
  });

  it('PR10: a missing device gives PRINTER_UNREACHABLE', async () => {
    const transport = createUsbTransport(join(dir, 'lp9'));
    await expect(transport.write(Buffer.of(0x1b, 0x40))).rejects.toMatchObject({ code: 'PRINTER_UNREACHABLE' });
    await transport.close();
  });
});
