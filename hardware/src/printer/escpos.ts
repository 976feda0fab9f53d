import { rasterRows, rowBytes, type QrErrorLevel, type Raster } from './raster';
import type { TicketDocument } from './ticket-layout';

/**
 * ESC/POS bytes for the commands a ticket needs, as pure functions. Written by hand because the
 * npm ESC/POS libraries either drag in native USB bindings or send text through code pages,
 * which is the very thing Vietnamese cannot use (PR1).
 */
export const ESC = 0x1b;
export const GS = 0x1d;
export const DLE = 0x10;
export const EOT = 0x04;

/** Rows per `GS v 0` band: cheap printers have small receive buffers and some cap the height. */
export const MAX_BAND_ROWS = 256;

export const QR_LEVEL_BYTE: Record<QrErrorLevel, number> = { L: 48, M: 49, Q: 50, H: 51 };
/** GS ( k addresses the QR symbol with cn = 49. */
const QR_CN = 49;

/** Lines fed before the cut so the last printed line clears the cutter. */
const FEED_BEFORE_CUT = 3;

const lowHigh = (n: number): [number, number] => [n & 0xff, (n >> 8) & 0xff];

/** `ESC @`: clears the buffer and resets modes left by whoever printed before us. */
export const initialize = (): Buffer => Buffer.of(ESC, 0x40);

/** `ESC a n`: 0 left, 1 centre, 2 right. */
export const justify = (align: 'left' | 'center' | 'right'): Buffer =>
  Buffer.of(ESC, 0x61, { left: 0, center: 1, right: 2 }[align]);

/** `ESC d n`: print and feed n lines. */
export const feedLines = (n: number): Buffer => Buffer.of(ESC, 0x64, n);

/** `GS V 65 n`: feed to the cutter (plus n motion units) and cut fully. */
export const cut = (): Buffer => Buffer.of(GS, 0x56, 65, 0);

/** `DLE EOT n` real-time status: 1 printer, 2 offline cause, 4 roll paper sensor. */
export const statusQuery = (n: 1 | 2 | 4): Buffer => Buffer.of(DLE, EOT, n);

/** `GS v 0` in normal density, split into bands of at most MAX_BAND_ROWS rows. */
export function rasterImage(r: Raster): Buffer {
  const chunks: Buffer[] = [];
  for (let y = 0; y < r.height; y += MAX_BAND_ROWS) {
    const band = rasterRows(r, y, Math.min(r.height, y + MAX_BAND_ROWS));
    chunks.push(
      Buffer.of(GS, 0x76, 0x30, 0, ...lowHigh(rowBytes(band.width)), ...lowHigh(band.height)),
      Buffer.from(band.data),
    );
  }
  return Buffer.concat(chunks);
}

function qrFunction(fn: number, params: Buffer): Buffer {
  return Buffer.concat([Buffer.of(GS, 0x28, 0x6b, ...lowHigh(params.length + 2), QR_CN, fn), params]);
}

/**
 * The printer's own QR code (`GS ( k`, model 2): select model, module size, error level, store
 * the data, print it. The data is ASCII (the ticket schema guarantees it).
 */
export function qrCode(data: string, moduleDots: number, level: QrErrorLevel): Buffer {
  return Buffer.concat([
    qrFunction(65, Buffer.of(50, 0)),
    qrFunction(67, Buffer.of(moduleDots)),
    qrFunction(69, Buffer.of(QR_LEVEL_BYTE[level])),
    qrFunction(80, Buffer.concat([Buffer.of(48), Buffer.from(data, 'ascii')])),
    qrFunction(81, Buffer.of(48)),
  ]);
}

/**
 * The whole print job for a rendered ticket: reset, the parts top to bottom, feed, cut.
 * @example await transport.write(encodeTicket(renderTicket(ticket, { paper: 58 })))
 */
export function encodeTicket(doc: TicketDocument): Buffer {
  const chunks: Buffer[] = [initialize()];
  for (const part of doc.parts) {
    if (part.kind === 'raster') chunks.push(rasterImage(part.raster));
    else chunks.push(justify('center'), qrCode(part.data, part.moduleDots, part.level), justify('left'));
  }
  chunks.push(feedLines(FEED_BEFORE_CUT), cut());
  return Buffer.concat(chunks);
}
