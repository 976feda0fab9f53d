import { describe, expect, it } from 'vitest';
import { vi } from '@luot/shared';
import { renderTicket, sampleTicket, type PrintableTicket, type Raster, type TicketLabels } from '../src/index';

const ISSUED = Date.UTC(2025, 2, 5, 1, 15);
const rasters = (ticket: PrintableTicket, labels: TicketLabels): Raster[] =>
  renderTicket(ticket, { paper: 80, labels }).parts.flatMap((p) => (p.kind === 'raster' ? [p.raster] : []));

describe('the wait on paper', () => {
  it('I4: a ticket with 0 minutes to wait prints "sắp đến lượt", never "khoảng 0 phút"', () => {
    const soon = vi.printedTicket.waitSoon;
    expect(soon).toBe('Thời gian chờ dự kiến: sắp đến lượt');
    // The 0-minute ticket is drawn exactly as a ticket whose wait line is that sentence.
    const zero = rasters({ ...sampleTicket(ISSUED), estimatedWaitMinutes: 0 }, vi.printedTicket);
    const same = rasters(
      { ...sampleTicket(ISSUED), estimatedWaitMinutes: null },
      { ...vi.printedTicket, noEstimate: soon },
    );
    const minutes = rasters(
      { ...sampleTicket(ISSUED), estimatedWaitMinutes: null },
      { ...vi.printedTicket, noEstimate: 'Thời gian chờ dự kiến: khoảng 0 phút' },
    );
    expect(zero).toEqual(same);
    expect(zero).not.toEqual(minutes);
  });
});
