import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  PAPER_DOTS,
  printTicket,
  readPrinterStatus,
  renderTicket,
  sampleTicket,
  stackRasters,
  type PaperElement,
  type PaperWidth,
  type PrinterCondition,
  type PrinterTransport,
  type Raster,
  type TicketDocument,
  type VirtualPrinter,
} from '../src/index';

/** A printer under test and the transport that reaches it. */
export interface PrinterHarness {
  paper: PaperWidth;
  transport: PrinterTransport;
  /** The virtual printer's record and controls; absent for a real printer. */
  printer: VirtualPrinter | null;
  close(): Promise<void>;
}

const ISSUED = Date.UTC(2025, 2, 5, 1, 15);

/** The raster rows the printer received, stacked: what GS v 0 put on paper. */
const printedRasters = (elements: PaperElement[], dots: number): Raster =>
  stackRasters(
    dots,
    elements.flatMap((e) => (e.kind === 'raster' ? [{ raster: e.raster, x: 0 }] : [])),
  );

/** The raster rows the renderer drew, stacked. */
const renderedRasters = (doc: TicketDocument): Raster =>
  stackRasters(
    doc.dots,
    doc.parts.flatMap((p) => (p.kind === 'raster' ? [{ raster: p.raster, x: 0 }] : [])),
  );

/**
 * The printer contract: what a kiosk may rely on from any printer behind a PrinterTransport.
 * Cases that need to pull the paper or read the printed record run only on the virtual printer.
 */
export function describePrinterContract(
  name: string,
  kind: 'virtual' | 'real',
  open: () => PrinterHarness | Promise<PrinterHarness>,
): void {
  const virtualOnly = it.runIf(kind === 'virtual');
  describe(`printer contract: ${name}`, () => {
    let h: PrinterHarness;
    beforeEach(async () => {
      h = await open();
    });
    afterEach(async () => {
      await h.close();
    });
    const virtual = (): VirtualPrinter => {
      if (!h.printer) throw new Error('this case needs the virtual printer');
      return h.printer;
    };
    const refuses = async (condition: Partial<PrinterCondition>, code: string): Promise<void> => {
      virtual().setCondition(condition);
      await expect(printTicket(h.transport, sampleTicket(ISSUED), { paper: h.paper })).rejects.toMatchObject({ code });
      expect(virtual().tickets).toHaveLength(0);
      expect(virtual().received.every((c) => c.kind === 'status')).toBe(true);
    };

    it('PR8: reports a ready printer as online with paper and the cover shut', async () => {
      expect(await readPrinterStatus(h.transport, 2000)).toMatchObject({
        online: true,
        coverOpen: false,
        paperOut: false,
      });
    });

    it('PR11: prints a ticket and reads the status before and after', async () => {
      const result = await printTicket(h.transport, sampleTicket(ISSUED), { paper: h.paper });
      expect(result.before.online).toBe(true);
      expect(result.after?.online).toBe(true);
      expect(result.bytes).toBeGreaterThan(1000);
    });

    virtualOnly('PR5 PR6 PR7: the printer decodes the same raster rows, the QR payload and a cut', async () => {
      const ticket = sampleTicket(ISSUED);
      await printTicket(h.transport, ticket, { paper: h.paper });
      const [printed, ...more] = virtual().tickets;
      expect(more).toHaveLength(0);
      const doc = renderTicket(ticket, { paper: h.paper });
      expect(printedRasters(printed!.elements, doc.dots).data).toEqual(renderedRasters(doc).data);
      const qr = printed!.elements.filter((e) => e.kind === 'qr');
      expect(qr).toEqual([
        { kind: 'qr', data: ticket.qrUrl, model: 2, level: 'M', moduleDots: h.paper === 80 ? 8 : 6, align: 'center' },
      ]);
      expect(printed!.elements.at(-1)).toEqual({ kind: 'feed', lines: 3 });
      expect(virtual().received.at(-4)?.kind).toBe('cut');
      expect(printed!.png.subarray(1, 4).toString()).toBe('PNG');
    });

    virtualOnly('PR6: with the raster fallback no GS ( k is sent and the QR arrives inside the image', async () => {
      const ticket = sampleTicket(ISSUED);
      await printTicket(h.transport, ticket, { paper: h.paper, qr: 'raster' });
      expect(virtual().received.some((c) => c.kind.startsWith('qr'))).toBe(false);
      const [printed] = virtual().tickets;
      expect(printedRasters(printed!.elements, PAPER_DOTS[h.paper]).data).toEqual(
        renderedRasters(renderTicket(ticket, { paper: h.paper, qr: 'raster' })).data,
      );
    });

    virtualOnly('PR9: out of paper, it refuses with PRINTER_PAPER_OUT and nothing is printed', () =>
      refuses({ paperOut: true }, 'PRINTER_PAPER_OUT'),
    );

    virtualOnly('PR9: cover open, it refuses with PRINTER_COVER_OPEN and nothing is printed', () =>
      refuses({ coverOpen: true }, 'PRINTER_COVER_OPEN'),
    );

    virtualOnly('PR9: offline, it refuses with PRINTER_OFFLINE and nothing is printed', () =>
      refuses({ offline: true }, 'PRINTER_OFFLINE'),
    );

    virtualOnly('PR9: paper low still prints, and says so', async () => {
      virtual().setCondition({ paperLow: true });
      const result = await printTicket(h.transport, sampleTicket(ISSUED), { paper: h.paper });
      expect(result.before.paperLow).toBe(true);
      expect(virtual().tickets).toHaveLength(1);
    });

    virtualOnly('PR9: once the paper is back, the next ticket prints', async () => {
      await refuses({ paperOut: true }, 'PRINTER_PAPER_OUT');
      virtual().setCondition({ paperOut: false });
      await printTicket(h.transport, sampleTicket(ISSUED), { paper: h.paper });
      expect(virtual().tickets).toHaveLength(1);
    });
  });
}
