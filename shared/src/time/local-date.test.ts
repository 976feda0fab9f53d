import { describe, expect, it } from 'vitest';
import { formatDateTimeVi, isIsoDate, localDate, nextLocalMidnight, startOfLocalDay } from './local-date';

describe('local time in Asia/Ho_Chi_Minh', () => {
  it('T1: the local date turns at 17:00 UTC', () => {
    expect(localDate(Date.parse('2026-11-23T16:59:59Z'))).toBe('2026-11-23');
    expect(localDate(Date.parse('2026-11-23T17:00:00Z'))).toBe('2026-11-24');
  });
  it('T2: dd/MM/yyyy HH:mm, 24-hour', () => {
    expect(formatDateTimeVi(Date.parse('2026-01-05T13:07:00Z'))).toBe('05/01/2026 20:07');
  });
  it('T3: local midnight', () => {
    expect(new Date(startOfLocalDay('2026-11-24')).toISOString()).toBe('2026-11-23T17:00:00.000Z');
    expect(new Date(nextLocalMidnight(Date.parse('2026-11-23T10:00:00Z'))).toISOString()).toBe('2026-11-23T17:00:00.000Z');
  });
  it('T4: calendar dates are checked, not just their shape', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('26-02-01')).toBe(false);
  });
});
