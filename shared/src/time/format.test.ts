import { describe, expect, it } from 'vitest';
import { formatDateTimeVi } from './format';

describe('dates and times as shown in Asia/Ho_Chi_Minh', () => {
  it('T2: dd/MM/yyyy HH:mm, 24-hour', () => {
    expect(formatDateTimeVi(Date.parse('2026-01-05T13:07:00Z'))).toBe('05/01/2026 20:07');
  });
});
