import { describe, expect, it } from 'vitest';
import { ticketLabel, ticketNumber } from './numbering';

describe('numbering', () => {
  it('Q14: service k issues k·1000 + 1, k·1000 + 2 …', () => {
    expect(ticketNumber(1, 1, 1000)).toBe(1001);
    expect(ticketNumber(1, 2, 1000)).toBe(1002);
    expect(ticketNumber(4, 1, 1000)).toBe(4001);
    expect(ticketNumber(3, 17, 10000)).toBe(30017);
  });

  it('Q14: a block never reaches the next service: the 1000th number of the day is refused', () => {
    expect(ticketNumber(1, 999, 1000)).toBe(1999);
    expect(ticketNumber(1, 1000, 1000)).toBeNull();
    expect(ticketNumber(1, 0, 1000)).toBeNull();
  });

  it('Q14: numeric labels by default, letter-prefixed as a centre option', () => {
    expect(ticketLabel(1005, 1000, 'numeric')).toBe('1005');
    expect(ticketLabel(1005, 1000, 'letter')).toBe('A005');
    expect(ticketLabel(2123, 1000, 'letter')).toBe('B123');
    expect(ticketLabel(30017, 10000, 'letter')).toBe('C0017');
  });
});
