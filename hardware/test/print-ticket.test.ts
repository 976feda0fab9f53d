import { describe, expect, it } from 'vitest';
import { printTicket, sampleTicket, type PrintableTicket, type PrinterTransport } from '../src/index';

/** A transport that records whether anyone used it. */
function untouched(): { transport: PrinterTransport; used: () => boolean } {
  let used = false;
  const touch = (): Promise<never> => {
    used = true;
    return Promise.reject(new Error('the printer must not be asked'));
  };
  return { transport: { write: touch, query: touch, close: () => Promise.resolve() }, used: () => used };
}

describe('printTicket input', () => {
  it.each<[string, Partial<PrintableTicket>]>([
    ['an empty number', { label: '' }],
    ['a QR link with non-ASCII characters', { qrUrl: 'http://hub/t/vé' }],
    ['a QR link that is not http(s)', { qrUrl: 'javascript:alert(1)' }],
    ['a negative count ahead', { ahead: -1 }],
    ['a service name of a thousand characters', { serviceName: 'x'.repeat(1000) }],
  ])('refuses %s with BAD_REQUEST before talking to the printer', async (_, change) => {
    const { transport, used } = untouched();
    await expect(printTicket(transport, { ...sampleTicket(0), ...change }, { paper: 80 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(used()).toBe(false);
  });
});
