import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  createTcpTransport,
  PAPER_DOTS,
  parsePrinterUrl,
  printTicket,
  sampleTicket,
  startVirtualPrinter,
  type PaperWidth,
  type PrintedTicket,
} from '../src/index';
import { describePrinterContract } from './printer-contract';

/** Where the ticket pictures go for a person to look at (gitignored). */
const OUT = fileURLToPath(new URL('../../test-results/printer/', import.meta.url));

for (const paper of [80, 58] as const) {
  describePrinterContract(`virtual ${paper} mm printer over TCP`, 'virtual', async () => {
    const printer = await startVirtualPrinter({ paper });
    const transport = createTcpTransport({ host: '127.0.0.1', port: printer.port });
    return {
      paper,
      transport,
      printer,
      close: async () => {
        await transport.close();
        await printer.close();
      },
    };
  });
}

// The same contract against a real printer on the bench: LUOT_TEST_PRINTER=tcp://HOST:PORT (80 mm).
const real = parsePrinterUrl(process.env.LUOT_TEST_PRINTER ?? '');
describe.runIf(real)('real printer', () => {
  describePrinterContract(`real printer at ${process.env.LUOT_TEST_PRINTER}`, 'real', () => {
    const transport = createTcpTransport(real!);
    return { paper: 80, transport, printer: null, close: () => transport.close() };
  });
});

describe('virtual printer pictures', () => {
  it.each([
    [80, 'native'],
    [58, 'native'],
    [80, 'raster'],
    [58, 'raster'],
  ] as const)('PR12: a %i mm ticket (%s QR) becomes one PNG as wide as the paper', async (paper: PaperWidth, qr) => {
    const written: PrintedTicket[] = [];
    const printer = await startVirtualPrinter({ paper, onTicket: (t) => written.push(t) });
    const transport = createTcpTransport({ host: '127.0.0.1', port: printer.port });
    try {
      await printTicket(transport, sampleTicket(Date.UTC(2025, 2, 5, 1, 15)), { paper, qr });
    } finally {
      await transport.close();
      await printer.close();
    }
    expect(written).toHaveLength(1);
    const [ticket] = written;
    expect(ticket!.paper.width).toBe(PAPER_DOTS[paper]);
    // PNG width is big-endian at byte 16 of the IHDR chunk.
    expect(ticket!.png.readUInt32BE(16)).toBe(PAPER_DOTS[paper]);
    mkdirSync(OUT, { recursive: true });
    writeFileSync(`${OUT}ticket-${paper}mm-${qr}-qr.png`, ticket!.png);
  });
});
