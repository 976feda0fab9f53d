import { describe, expect, it } from 'vitest';
import {
  blankRaster,
  decodeEscPos,
  encodeTicket,
  MAX_BAND_ROWS,
  qrCode,
  rasterImage,
  rasterRows,
  stackRasters,
  type EscPosCommand,
  type Raster,
  type TicketDocument,
} from '../src/index';

function rasterWithDots(width: number, height: number, dots: [number, number][]): Raster {
  const r = blankRaster(width, height);
  const bytes = Math.ceil(width / 8);
  for (const [x, y] of dots) r.data[y * bytes + (x >> 3)]! |= 0x80 >> (x & 7);
  return r;
}

const rastersOf = (commands: EscPosCommand[]): Raster[] =>
  commands.flatMap((c) => (c.kind === 'raster' ? [c.raster] : []));

describe('ESC/POS raster encoding', () => {
  it('PR5: GS v 0 is row-major, most significant bit first, 1 = black', () => {
    const bytes = rasterImage(
      rasterWithDots(9, 2, [
        [0, 0],
        [7, 0],
        [8, 1],
      ]),
    );
    // GS v 0 m=0, 2 bytes per row, 2 rows, then the rows.
    expect([...bytes]).toEqual([0x1d, 0x76, 0x30, 0, 2, 0, 2, 0, 0x81, 0x00, 0x00, 0x80]);
  });

  it('PR5: a tall image goes out in bands of at most MAX_BAND_ROWS rows that stack back to the image', () => {
    const tall = rasterWithDots(576, 600, [
      [0, 0],
      [575, 255],
      [3, 256],
      [100, 599],
    ]);
    const { commands, consumed } = decodeEscPos(rasterImage(tall));
    const bands = rastersOf(commands);
    expect(bands.map((b) => b.height)).toEqual([256, 256, 88]);
    expect(bands.every((b) => b.height <= MAX_BAND_ROWS && b.width === 576)).toBe(true);
    expect(
      stackRasters(
        576,
        bands.map((raster) => ({ raster, x: 0 })),
      ).data,
    ).toEqual(tall.data);
    expect(consumed).toBe(rasterImage(tall).length);
  });
});

describe('ESC/POS QR code', () => {
  it('PR6: GS ( k selects model 2, sets module size and level M, stores the data and prints it', () => {
    const url = 'http://hub/t/abc';
    const bytes = qrCode(url, 8, 'M');
    expect([...bytes.subarray(0, 9)]).toEqual([0x1d, 0x28, 0x6b, 4, 0, 49, 65, 50, 0]);
    expect([...bytes.subarray(9, 17)]).toEqual([0x1d, 0x28, 0x6b, 3, 0, 49, 67, 8]);
    expect([...bytes.subarray(17, 25)]).toEqual([0x1d, 0x28, 0x6b, 3, 0, 49, 69, 49]);
    expect([...bytes.subarray(25, 33)]).toEqual([0x1d, 0x28, 0x6b, url.length + 3, 0, 49, 80, 48]);
    expect(bytes.subarray(33, 33 + url.length).toString('ascii')).toBe(url);
    expect([...bytes.subarray(33 + url.length)]).toEqual([0x1d, 0x28, 0x6b, 3, 0, 49, 81, 48]);
    expect(decodeEscPos(bytes).commands).toEqual([
      { kind: 'qrModel', model: 2 },
      { kind: 'qrSize', moduleDots: 8 },
      { kind: 'qrLevel', level: 'M' },
      { kind: 'qrStore', data: url },
      { kind: 'qrPrint' },
    ]);
  });
});

describe('ESC/POS ticket job', () => {
  const doc: TicketDocument = {
    dots: 576,
    parts: [
      { kind: 'raster', raster: rasterWithDots(576, 3, [[10, 1]]) },
      { kind: 'qr', data: 'http://hub/t/x', moduleDots: 8, level: 'M' },
      { kind: 'raster', raster: rasterWithDots(576, 2, [[20, 0]]) },
    ],
  };

  it('PR7: starts with ESC @, centres the QR, and ends with a feed and a cut', () => {
    const kinds = decodeEscPos(encodeTicket(doc)).commands.map((c) => c.kind);
    expect(kinds).toEqual([
      'initialize',
      'raster',
      'justify',
      'qrModel',
      'qrSize',
      'qrLevel',
      'qrStore',
      'qrPrint',
      'justify',
      'raster',
      'feed',
      'cut',
    ]);
    const bytes = encodeTicket(doc);
    expect([...bytes.subarray(-4)]).toEqual([0x1d, 0x56, 65, 0]);
  });

  it('PR13: decoding in arbitrary chunks gives the same commands as decoding at once', () => {
    const bytes = encodeTicket(doc);
    const whole = decodeEscPos(bytes).commands;
    for (const chunk of [1, 3, 7, 64]) {
      const got: EscPosCommand[] = [];
      let pending = Buffer.alloc(0);
      for (let i = 0; i < bytes.length; i += chunk) {
        pending = Buffer.concat([pending, bytes.subarray(i, i + chunk)]);
        const { commands, consumed } = decodeEscPos(pending);
        got.push(...commands);
        pending = pending.subarray(consumed);
      }
      expect(got).toEqual(whole);
      expect(pending.length).toBe(0);
    }
  });

  it('PR13: an unfinished command is left for later, not guessed', () => {
    const bytes = rasterImage(rasterWithDots(16, 4, [[0, 0]]));
    expect(decodeEscPos(bytes.subarray(0, bytes.length - 1))).toEqual({ commands: [], consumed: 0 });
  });

  it('PR13: noise and absurd raster headers are skipped byte by byte instead of stalling the reader', () => {
    const absurd = Buffer.of(0x1d, 0x76, 0x30, 0, 0xff, 0xff, 0xff, 0xff);
    const { commands, consumed } = decodeEscPos(Buffer.concat([Buffer.from('hi'), absurd, Buffer.of(0x1b, 0x40)]));
    expect(consumed).toBe(2 + absurd.length + 2);
    expect(commands.at(-1)).toEqual({ kind: 'initialize' });
    expect(commands.slice(0, -1).every((c) => c.kind === 'unknown')).toBe(true);
  });

  it('PR5: rasterRows slices whole rows', () => {
    const r = rasterWithDots(16, 3, [[1, 2]]);
    expect([...rasterRows(r, 2, 3).data]).toEqual([0x40, 0]);
  });
});
