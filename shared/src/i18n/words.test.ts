import { describe, expect, it } from 'vitest';
import { en } from './en';
import { waitKey, weekdayKey, weekdayVi } from './format';
import { vi } from './vi';

type Tree = { [k: string]: string | Tree };
const leaves = (t: Tree, path = ''): [string, string][] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [[`${path}${k}`, v]] : leaves(v, `${path}${k}.`)));
const fill = (text: string, n: number): string => text.replace(/\{n\}/g, String(n));

describe('the words of the Vietnamese catalogue', () => {
  it('I3: one register: no message calls the citizen "bạn"; the public screens say "công dân"', () => {
    for (const [key, text] of leaves(vi))
      expect([key, text]).not.toEqual([key, expect.stringMatching(/(^|[^\p{L}])bạn($|[^\p{L}])/iu)]);
    expect(vi.phone.called).toBe('Đã đến lượt — mời công dân đến quầy {n}');
    expect(vi.kiosk.subtitle).toContain('công dân');
    expect(vi.dossiers.overdueAdvice).toContain('Công dân');
  });

  it('T5: the weekdays as the wall writes them: "Chủ nhật", "Thứ Hai"… of the date in Hà Nội', () => {
    expect(Object.values(vi.weekdays)).toEqual([
      'Chủ nhật',
      'Thứ Hai',
      'Thứ Ba',
      'Thứ Tư',
      'Thứ Năm',
      'Thứ Sáu',
      'Thứ Bảy',
    ]);
    // Sunday 22/11/2026 in Hà Nội from 17:00 UTC on Saturday to 16:59 UTC on Sunday.
    expect(weekdayVi(Date.parse('2026-11-21T17:00:00Z'))).toBe('Chủ nhật');
    expect(weekdayVi(Date.parse('2026-11-22T16:59:59Z'))).toBe('Chủ nhật');
    expect(weekdayVi(Date.parse('2026-11-22T17:00:00Z'))).toBe('Thứ Hai');
    expect(weekdayKey(Date.parse('2026-11-21T16:59:59Z'))).toBe('saturday');
    expect(en.weekdays[weekdayKey(Date.parse('2026-11-22T03:00:00Z'))]).toBe('Sunday');
    for (const [key, text] of leaves(vi)) expect([key, text]).not.toEqual([key, expect.stringContaining('Chủ Nhật')]);
  });

  it('I4: an estimated wait of 0 minutes reads "sắp đến lượt", on the phone and on paper, never "khoảng 0 phút"', () => {
    for (const texts of [vi.phone, vi.printedTicket]) {
      const zero = fill(texts[waitKey(0)], 0);
      expect(zero).toMatch(/sắp đến lượt/i);
      expect(zero).not.toMatch(/0 phút/);
      expect(fill(texts[waitKey(12)], 12)).toContain('khoảng 12 phút');
      expect(texts[waitKey(null)]).toBe(texts.noEstimate);
    }
    expect(vi.kiosk.noWait).not.toMatch(/0 phút/);
  });
});
