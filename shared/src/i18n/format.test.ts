import { describe, expect, it } from 'vitest';
import { formatNumberVi, formatPercentVi } from './format';

describe('Vietnamese number format', () => {
  it('F1: "." groups thousands and "," marks decimals', () => {
    expect(formatNumberVi(14607)).toBe('14.607');
    expect(formatNumberVi(1_000_000)).toBe('1.000.000');
    expect(formatNumberVi(999)).toBe('999');
    expect(formatNumberVi(-1234.5, 1)).toBe('-1.234,5');
  });
  it('F2: percentages with one decimal', () => {
    expect(formatPercentVi(0.847)).toBe('84,7%');
    expect(formatPercentVi(1)).toBe('100,0%');
    expect(formatPercentVi(0)).toBe('0,0%');
  });
});
