import { describe, expect, it } from 'vitest';
import { estimateWaitMinutes } from './estimate-wait';
import { median, quantile } from './stats';

describe('estimate wait', () => {
  it('Q6: people ahead ÷ open counters × median service time, in whole minutes rounded up', () => {
    expect(estimateWaitMinutes(6, 2, 300)).toBe(15);
    expect(estimateWaitMinutes(1, 3, 300)).toBe(2);
    expect(estimateWaitMinutes(0, 1, 300)).toBe(0);
  });
  it('Q6: no estimate when no counter is open for the service', () => {
    expect(estimateWaitMinutes(4, 0, 300)).toBeNull();
  });
  it('median and 90th percentile by nearest rank', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([])).toBeNull();
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
  });
});
