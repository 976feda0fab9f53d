import { describe, expect, it } from 'vitest';
import {
  parsePrinterUrl,
  parseStatusReply,
  refusal,
  STATUS_QUERIES,
  statusReplyByte,
  type PrinterStatus,
} from '../src/index';

const every = (): PrinterStatus[] =>
  Array.from({ length: 16 }, (_, i) => ({
    online: !(i & 1),
    coverOpen: !!(i & 2),
    paperOut: !!(i & 4),
    paperLow: !!(i & 8),
  }));

describe('printer status (DLE EOT)', () => {
  it('PR8: asks DLE EOT 1, 2 and 4 in one write', () => {
    expect([...STATUS_QUERIES]).toEqual([0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4]);
  });

  it('PR8: reads the Epson reference bytes', () => {
    expect(parseStatusReply(Buffer.of(0x12, 0x12, 0x12))).toEqual({
      online: true,
      coverOpen: false,
      paperOut: false,
      paperLow: false,
    });
    // Cover open: the printer goes offline and says why.
    expect(parseStatusReply(Buffer.of(0x1a, 0x16, 0x12))).toMatchObject({
      online: false,
      coverOpen: true,
      paperOut: false,
    });
    // Paper end: roll sensor bits 5–6, and offline cause "stopped by paper end".
    expect(parseStatusReply(Buffer.of(0x1a, 0x32, 0x72))).toMatchObject({ online: false, paperOut: true });
    // Near end only: still prints.
    expect(parseStatusReply(Buffer.of(0x12, 0x12, 0x1e))).toEqual({
      online: true,
      coverOpen: false,
      paperOut: false,
      paperLow: true,
    });
  });

  it('PR8: what the virtual printer answers reads back as the same status, for every combination', () => {
    for (const s of every()) {
      const reply = Buffer.of(statusReplyByte(1, s), statusReplyByte(2, s), statusReplyByte(4, s));
      expect(parseStatusReply(reply)).toEqual(s);
    }
  });

  it('PR8: a reply that is not status bytes means we are not talking to a printer', () => {
    for (const reply of [Buffer.of(0x12, 0x12), Buffer.from('HTT'), Buffer.of(0x12, 0x12, 0x92)]) {
      expect(() => parseStatusReply(reply)).toThrow(expect.objectContaining({ code: 'PRINTER_UNREACHABLE' }));
    }
  });

  it('PR9: paper out wins over cover open, which wins over offline; paper low still prints', () => {
    const ok: PrinterStatus = { online: true, coverOpen: false, paperOut: false, paperLow: false };
    expect(refusal(ok)).toBeNull();
    expect(refusal({ ...ok, paperLow: true })).toBeNull();
    expect(refusal({ ...ok, online: false })).toBe('PRINTER_OFFLINE');
    expect(refusal({ ...ok, online: false, coverOpen: true })).toBe('PRINTER_COVER_OPEN');
    expect(refusal({ ...ok, online: false, coverOpen: true, paperOut: true })).toBe('PRINTER_PAPER_OUT');
  });
});

describe('printer address', () => {
  it('reads tcp://HOST:PORT, with 9100 by default, and refuses anything else', () => {
    expect(parsePrinterUrl('tcp://127.0.0.1:9101')).toEqual({ host: '127.0.0.1', port: 9101 });
    expect(parsePrinterUrl('tcp://printer.local')).toEqual({ host: 'printer.local', port: 9100 });
    expect(parsePrinterUrl('tcp://[::1]:9100')).toEqual({ host: '::1', port: 9100 });
    for (const bad of ['http://127.0.0.1:9100', '127.0.0.1:9100', 'tcp://', 'tcp://h:9100/x', 'tcp://h:99999']) {
      expect(parsePrinterUrl(bad)).toBeNull();
    }
  });
});
