import type { WorkingCalendar } from '../model/dossier';

/**
 * Vietnam's public holidays for 2026 and 2027 as the working-day calendar (D2, Q23): what the admin
 * console's calendar form is filled with and what the demo centre uses. Lunar holidays move and the
 * Government announces each year's days off (and any make-up working Saturday) late in the year
 * before: the head of the centre checks and edits this in the console each year.
 *
 * - Tết Dương lịch: 1/1.
 * - Tết Nguyên đán 2026 (mùng 1 = 17/2): 14/2–22/2 (16–20/2 weekdays off, with the weekends around).
 * - Tết Nguyên đán 2027 (mùng 1 = 6/2): 4/2–10/2 (five weekdays off around the weekend of mùng 1–2).
 * - Giỗ Tổ Hùng Vương (10/3 âm lịch): 26/4/2026 is a Sunday, so Monday 27/4 is off too; 16/4/2027.
 * - 30/4 and 1/5: 1/5/2027 is a Saturday, so Monday 3/5/2027 is off too.
 * - Quốc khánh 2/9 and one day beside it: 1–2/9/2026, 2–3/9/2027.
 */
const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += 86_400_000) {
    out.push(new Date(d).toISOString().slice(0, 10));
  }
  return out;
};

export const VIETNAM_HOLIDAYS_2026_2027: WorkingCalendar = {
  holidays: [
    '2026-01-01',
    ...range('2026-02-14', '2026-02-22'),
    '2026-04-26',
    '2026-04-27',
    '2026-04-30',
    '2026-05-01',
    '2026-09-01',
    '2026-09-02',
    '2027-01-01',
    ...range('2027-02-04', '2027-02-10'),
    '2027-04-16',
    '2027-04-30',
    '2027-05-01',
    '2027-05-03',
    '2027-09-02',
    '2027-09-03',
  ],
  workingWeekends: [],
};
