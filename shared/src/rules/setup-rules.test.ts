import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITY_CATEGORIES } from '../model/centre';
import { WorkingCalendar } from '../model/dossier';
import { CentreSetup, type CentreSetupInput } from '../model/setup';
import { DisplayConfig } from '../protocol/display';
import {
  applySetupChanges,
  diffSetup,
  newOfficerPinProblems,
  normalizeSetup,
  parseSetup,
  sameJson,
  setupProblems,
} from './setup-rules';
import { VIETNAM_HOLIDAYS_2026_2027 } from './vietnam-holidays';

const weekday = () => [
  { from: '07:30', to: '11:30', lastNumberAt: '11:00' },
  { from: '13:30', to: '17:00' },
];
const schedule = () => ({ week: [[], weekday(), weekday(), weekday(), weekday(), weekday(), []] });

const base = (): CentreSetupInput => ({
  format: 'luot-setup/1',
  centre: {
    name: 'Trung tâm Phục vụ hành chính công xã Thử',
    blockSize: 1000,
    numberFormat: 'numeric',
    priorityCategories: DEFAULT_PRIORITY_CATEGORIES,
    maxPriorityInRow: 2,
    defaultServiceSeconds: 300,
  },
  services: [
    {
      id: 1,
      name: 'Đất đai',
      nameEn: 'Land',
      field: 'Đất đai',
      block: 1,
      opensAt: '07:30',
      closesAt: '17:00',
      schedule: schedule(),
    },
    { id: 2, name: 'Hộ tịch', nameEn: 'Civil status', field: 'Tư pháp', block: 2, opensAt: '07:30', closesAt: '17:00' },
  ],
  counters: [
    { id: 1, number: 1, name: 'Quầy 1', serviceIds: [1] },
    { id: 2, number: 2, name: 'Quầy 2', serviceIds: [2, 1] },
  ],
  officers: [
    { name: 'Lan', disabled: false },
    { name: 'Hùng', disabled: false },
  ],
  displays: [{ id: 1, name: 'Sảnh', config: { counters: [1, 2] } }],
  calendar: { holidays: ['2026-09-02'], workingWeekends: [] },
});

/** Parses a (possibly broken) document and returns its problems. */
const problemsOf = (change: (d: CentreSetupInput) => void) => {
  const doc = structuredClone(base());
  change(doc);
  const r = parseSetup(doc);
  return r.ok ? [] : r.problems;
};
const paths = (ps: { path: string }[]) => ps.map((p) => p.path);
const VIETNAMESE = /[ăâđêôơưàáạảãèéẹẻẽìíịỉĩòóọỏõùúụủũỳýỵỷỹ]/i;

describe('setup rules', () => {
  it('C2: a good document parses; a broken one gives every problem with its field path, in Vietnamese', () => {
    expect(parseSetup(base())).toMatchObject({ ok: true });
    const ps = problemsOf((d) => {
      (d as { format: string }).format = 'other';
      d.centre.name = '';
      d.services[0]!.opensAt = '7h30';
      (d.officers[0] as { pin?: string }).pin = '12';
    });
    expect(paths(ps)).toEqual(
      expect.arrayContaining(['format', 'centre.name', 'services.0.opensAt', 'officers.0.pin']),
    );
    for (const p of ps) expect(p.message).toMatch(VIETNAMESE);
    expect(ps.find((p) => p.path === 'services.0.opensAt')?.message).toBe('Giờ phải có dạng HH:mm, ví dụ 07:30.');
    expect(parseSetup(null)).toMatchObject({ ok: false });
    expect(parseSetup({})).toMatchObject({ ok: false });
  });

  it('C2 C3: last-number time outside its session is a Vietnamese problem on that very field (not the schema’s refine text)', () => {
    const ps = problemsOf((d) => {
      d.services[0]!.schedule!.week[1]![0]!.lastNumberAt = '12:00';
    });
    expect(ps).toEqual([
      {
        path: 'services.0.schedule.week.1.0.lastNumberAt',
        message: 'Giờ cấp số cuối (12:00) phải nằm trong buổi làm việc 07:30–11:30.',
      },
    ]);
    const backwards = problemsOf((d) => {
      d.services[0]!.schedule!.week[2]![1] = { from: '17:00', to: '13:30' };
    });
    expect(paths(backwards)).toEqual(['services.0.schedule.week.2.1.to']);
  });

  it('C3: a weekday’s sessions overlapping or out of order', () => {
    const overlap = problemsOf((d) => {
      d.services[0]!.schedule!.week[3] = [
        { from: '07:30', to: '11:30' },
        { from: '11:00', to: '17:00' },
      ];
    });
    expect(overlap).toEqual([
      { path: 'services.0.schedule.week.3.1.from', message: expect.stringContaining('trùng giờ') as string },
    ]);
    const order = problemsOf((d) => {
      d.services[0]!.schedule!.week[4] = [
        { from: '13:30', to: '17:00' },
        { from: '07:30', to: '11:30' },
      ];
    });
    expect(order).toEqual([
      { path: 'services.0.schedule.week.4.1.from', message: expect.stringContaining('thứ tự thời gian') as string },
    ]);
  });

  it('C3: two services with the same block, the same name (case and spacing aside) or the same id', () => {
    const ps = problemsOf((d) => {
      d.services.push({ ...d.services[1]!, id: 3, name: ' đất  ĐAI ', block: 2 });
      d.services.push({ ...d.services[1]!, name: 'Khác', block: 9 });
    });
    expect(ps).toEqual(
      expect.arrayContaining([
        { path: 'services.2.block', message: 'Khối số 2 đã dùng cho dịch vụ Hộ tịch.' },
        { path: 'services.2.name', message: 'Tên dịch vụ trùng với dịch vụ Đất đai.' },
        { path: 'services.3.id', message: 'Mã 2 đã dùng cho mục khác.' },
      ]),
    );
  });

  it('C4: a counter with no service, an unknown service, a number or id used twice', () => {
    const ps = problemsOf((d) => {
      d.counters[0]!.serviceIds = [];
      d.counters[1]!.serviceIds = [2, 7];
      d.counters.push({ id: 3, number: 2, name: 'Quầy 3', serviceIds: [1] });
      d.counters.push({ id: 1, number: 4, name: 'Quầy 4', serviceIds: [1] });
    });
    expect(ps).toEqual(
      expect.arrayContaining([
        { path: 'counters.0.serviceIds', message: 'Quầy phải phục vụ ít nhất một dịch vụ.' },
        { path: 'counters.1.serviceIds.1', message: 'Không có dịch vụ nào mang mã 7.' },
        { path: 'counters.2.number', message: 'Số quầy 2 đã dùng cho quầy khác.' },
        { path: 'counters.3.id', message: 'Mã 1 đã dùng cho mục khác.' },
      ]),
    );
  });

  it('C6: two officers with the same name (case and spacing aside); a new officer needs a PIN', () => {
    const ps = problemsOf((d) => d.officers.push({ name: '  lan ', disabled: false }));
    expect(ps).toEqual([{ path: 'officers.2.name', message: 'Tên cán bộ trùng với cán bộ Lan.' }]);
    const setup = CentreSetup.parse(base());
    expect(newOfficerPinProblems(setup, ['LAN', 'Hùng'])).toEqual([]);
    expect(paths(newOfficerPinProblems(setup, ['Lan']))).toEqual(['officers.1.name']);
  });

  it('C7: a display listing a counter number that does not exist; displays with the same id', () => {
    const ps = problemsOf((d) => {
      d.displays[0]!.config = { counters: [1, 9] };
      d.displays.push({ id: 1, name: 'Hành lang', config: {} });
    });
    expect(ps).toEqual(
      expect.arrayContaining([
        { path: 'displays.0.config.counters.1', message: 'Không có quầy số 9.' },
        { path: 'displays.1.id', message: 'Mã 1 đã dùng cho mục khác.' },
      ]),
    );
    expect(problemsOf((d) => (d.calendar.workingWeekends = ['2026-09-03']))).toEqual([
      { path: 'calendar.workingWeekends.0', message: 'Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.' },
    ]);
  });

  it('C8: diffSetup says each change in one Vietnamese line', () => {
    const a = CentreSetup.parse(base());
    const b = structuredClone(a);
    b.services.push({
      id: 3,
      name: 'Xây dựng',
      nameEn: 'Construction',
      field: 'Xây dựng',
      block: 3,
      opensAt: '07:30',
      closesAt: '17:00',
    });
    b.services[0]!.schedule = { week: [[], [], [], [], [], [], []] };
    b.officers[0]!.disabled = true;
    b.officers.push({ name: 'Minh', disabled: false, pin: '1234' });
    b.counters = b.counters.filter((c) => c.id !== 2);
    b.displays[0]!.config.dossierPanel = false;
    b.displays[0]!.config.counters = [1];
    b.centre.name = 'Tên mới';
    b.calendar.holidays.push('2026-09-01');
    expect(diffSetup(a, b).map((c) => c.text)).toEqual([
      'Sửa tên của trung tâm',
      'Sửa giờ làm việc của dịch vụ Đất đai',
      'Thêm dịch vụ Xây dựng (khối 3)',
      'Xóa quầy 2 (Quầy 2)',
      'Khóa tài khoản cán bộ Lan',
      'Thêm cán bộ Minh',
      'Sửa màn hình Sảnh: quầy hiển thị, bảng số liệu hồ sơ',
      'Sửa lịch nghỉ lễ và ngày làm bù (2 ngày nghỉ, 0 ngày làm bù)',
    ]);
    // An existing officer's PIN in the document is not a change (C6: only a new officer's is read).
    const withPins = structuredClone(a);
    for (const o of withPins.officers) o.pin = '9999';
    expect(diffSetup(a, withPins)).toEqual([]);
  });

  it('C8: the holidays the console starts from are a valid calendar of 2026 and 2027', () => {
    expect(WorkingCalendar.safeParse(VIETNAM_HOLIDAYS_2026_2027).success).toBe(true);
    expect(VIETNAM_HOLIDAYS_2026_2027.holidays).toEqual(
      expect.arrayContaining([
        '2026-01-01',
        '2026-02-17',
        '2026-04-27',
        '2026-04-30',
        '2026-05-01',
        '2026-09-02',
        '2027-02-06',
        '2027-09-03',
      ]),
    );
  });
});

// ------------------------------------------------------------------------------------------------
// Properties: arbitrary valid documents.

const hhmm = fc
  .integer({ min: 0, max: 23 * 60 + 59 })
  .map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
const session = fc
  .tuple(hhmm, hhmm)
  .filter(([a, b]) => a < b)
  .map(([from, to]) => ({ from, to }));
const serviceArb = (id: number) =>
  fc.record({
    id: fc.constant(id),
    name: fc
      .constantFrom('Đất đai', 'Hộ tịch', 'Xây dựng', 'Kinh doanh', 'Lao động', 'Tư pháp')
      .map((n) => `${n} ${id}`),
    nameEn: fc.constant(`Service ${id}`),
    field: fc.constantFrom('Đất đai', 'Tư pháp'),
    block: fc.constant(id),
    opensAt: fc.constant('07:30'),
    closesAt: fc.constantFrom('11:30', '17:00'),
    schedule: fc.option(
      fc.record({ week: fc.array(fc.array(session, { maxLength: 1 }), { minLength: 7, maxLength: 7 }) }),
      { nil: undefined },
    ),
  });
const setupArb: fc.Arbitrary<CentreSetup> = fc
  .record({
    name: fc.constantFrom('Trung tâm A', 'Trung tâm B'),
    maxPriorityInRow: fc.integer({ min: 1, max: 3 }),
    address: fc.option(fc.constantFrom('Số 1', 'Số 2'), { nil: undefined }),
    serviceIds: fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 5 }),
    counterIds: fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { maxLength: 5 }),
    officers: fc.uniqueArray(fc.constantFrom('Lan', 'Hùng', 'Minh', 'Thu', 'Nam', 'Hoa'), { maxLength: 6 }),
    disabled: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    displays: fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { maxLength: 3 }),
    panel: fc.boolean(),
    holidays: fc.uniqueArray(fc.constantFrom('2026-09-01', '2026-09-02', '2026-04-30', '2026-05-01'), { maxLength: 4 }),
  })
  .chain((r) =>
    fc.tuple(fc.tuple(...r.serviceIds.map(serviceArb)), fc.constant(r)).map(([services, r]) =>
      CentreSetup.parse({
        format: 'luot-setup/1',
        centre: {
          name: r.name,
          ...(r.address === undefined ? {} : { address: r.address }),
          blockSize: 1000,
          numberFormat: 'numeric',
          priorityCategories: [],
          maxPriorityInRow: r.maxPriorityInRow,
          defaultServiceSeconds: 300,
        },
        services,
        counters: r.counterIds.map((id) => ({
          id,
          number: id,
          name: `Quầy ${id}`,
          serviceIds: [services[id % services.length]!.id],
        })),
        officers: r.officers.map((name, i) => ({ name, disabled: r.disabled[i] })),
        displays: r.displays.map((id) => ({
          id,
          name: `Màn hình ${id}`,
          config: DisplayConfig.parse({ dossierPanel: r.panel }),
        })),
        calendar: { holidays: r.holidays, workingWeekends: [] },
      } satisfies CentreSetupInput),
    ),
  );

describe('setup rules, properties', () => {
  it('C3–C7 property: generated documents have no problems', () => {
    fc.assert(
      fc.property(setupArb, (s) => {
        expect(setupProblems(s)).toEqual([]);
      }),
    );
  });

  it('C8 property: diffSetup(x, x) is empty, whatever the order of its lists', () => {
    fc.assert(
      fc.property(setupArb, (x) => {
        const reversed = { ...x, services: [...x.services].reverse(), officers: [...x.officers].reverse() };
        expect(diffSetup(x, x)).toEqual([]);
        expect(diffSetup(x, reversed)).toEqual([]);
      }),
    );
  });

  it('C8 property: applying diffSetup(a, b) to a gives b; applied again, nothing is left to change', () => {
    fc.assert(
      fc.property(setupArb, setupArb, (a, b) => {
        const applied = applySetupChanges(a, diffSetup(a, b));
        expect(sameJson(applied, normalizeSetup(b))).toBe(true);
        expect(diffSetup(applied, b)).toEqual([]);
        for (const c of diffSetup(a, b)) expect(c.text).toMatch(/^(Thêm|Sửa|Xóa|Khóa|Mở khóa)/);
      }),
    );
  });
});
