import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOSSIER_CHANNELS, DOSSIER_LEVELS, parseDossierRow } from '../src/model/dossier';
import { DOSSIER_GROUP_BY, DossierStats } from '../src/protocol/dossier-results';
import { dossierFigures, panelPeriods } from '../src/rules/dossier-figures';
import { dossierFacts, dossierStatus, type DossierFacts } from '../src/rules/dossier-status';
import { EMPTY_CALENDAR, workingDays } from '../src/rules/working-days';

const addDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const fact = (
  code: string,
  receivedDate: string,
  dueDate: string,
  resolvedDate: string | null,
  field = 'Đất đai',
): DossierFacts => ({
  code,
  level: 'district',
  field,
  channel: 'counter',
  receivedDate,
  dueDate,
  resolvedDate,
});

describe('dossier status as of a date', () => {
  it('D5: an explicit due date wins over processing days; otherwise the days decide it (D3)', () => {
    const row = parseDossierRow({
      code: 'HS-1',
      field: 'Đất đai',
      level: 'commune',
      channel: 'counter',
      receivedAt: '2024-03-15T08:00:00+07:00',
      processingDays: 5,
      dueDate: '2024-03-20',
    });
    if (!row.ok) throw new Error(row.reason);
    const days = workingDays(EMPTY_CALENDAR);
    expect(dossierFacts(row.dossier, days).dueDate).toBe('2024-03-20');
    expect(dossierFacts({ ...row.dossier, dueDate: null }, days).dueDate).toBe('2024-03-22');
  });

  it('D6: resolved by the date → early / onTime / late against the due date', () => {
    expect(dossierStatus({ dueDate: '2024-03-29', resolvedDate: '2024-03-28' }, '2024-04-30')).toBe('early');
    expect(dossierStatus({ dueDate: '2024-03-29', resolvedDate: '2024-03-29' }, '2024-03-29')).toBe('onTime');
    expect(dossierStatus({ dueDate: '2024-03-29', resolvedDate: '2024-04-01' }, '2024-04-01')).toBe('late');
  });

  it('D6: not resolved by the date → withinDeadline up to the due date itself, overdue after it', () => {
    expect(dossierStatus({ dueDate: '2024-03-29', resolvedDate: null }, '2024-03-29')).toBe('withinDeadline');
    expect(dossierStatus({ dueDate: '2024-03-29', resolvedDate: null }, '2024-03-30')).toBe('overdue');
    // Resolved later than the date asked about: as of then, it was still open.
    expect(dossierStatus({ dueDate: '2024-03-29', resolvedDate: '2024-04-02' }, '2024-03-25')).toBe('withinDeadline');
    expect(dossierStatus({ dueDate: '2024-03-29', resolvedDate: '2024-04-02' }, '2024-04-01')).toBe('overdue');
  });
});

describe('figures for a period', () => {
  const facts = [
    fact('A', '2024-02-20', '2024-03-05', '2024-03-04'), // carried over, resolved early in March
    fact('B', '2024-03-04', '2024-03-15', '2024-03-15'), // on time
    fact('C', '2024-03-05', '2024-03-12', '2024-03-20', 'Tư pháp – Hộ tịch'), // late
    fact('D', '2024-03-10', '2024-03-25', null), // pending, overdue as of 31/03
    fact('E', '2024-03-28', '2024-04-10', null, 'Tư pháp – Hộ tịch'), // pending, within deadline
    fact('F', '2024-03-30', '2024-04-05', '2024-04-02'), // pending as of 31/03 (resolved after)
    fact('G', '2024-04-02', '2024-04-12', null), // outside the period
    fact('H', '2024-01-02', '2024-01-10', '2024-01-09'), // closed before the period
  ];

  it('D7: received, resolved early / on time / late, pending, overdue, rate and carried over, as D7 words them', () => {
    const s = dossierFigures(facts, { from: '2024-03-01', to: '2024-03-31' }, null);
    expect(s).toEqual({
      from: '2024-03-01',
      to: '2024-03-31',
      groupBy: null,
      total: {
        received: 5,
        resolved: 3,
        resolvedEarly: 1,
        resolvedOnTime: 1,
        resolvedLate: 1,
        pending: 3,
        pendingOverdue: 1,
        onTimeRate: 2 / 3,
        carriedOver: 1,
      },
      groups: {},
    });
    expect(DossierStats.parse(s)).toEqual(s);
  });

  it('D7: the on-time rate is null when nothing was resolved in the period', () => {
    const s = dossierFigures(facts, { from: '2024-03-26', to: '2024-03-31' }, null);
    expect(s.total.resolved).toBe(0);
    expect(s.total.onTimeRate).toBeNull();
    expect(s.total.received).toBe(2);
  });

  it('D8: grouped by field, each group carries the same figures and groups with nothing to count are left out', () => {
    const s = dossierFigures(facts, { from: '2024-03-01', to: '2024-03-31' }, 'field');
    expect(Object.keys(s.groups)).toEqual(['Tư pháp – Hộ tịch', 'Đất đai']);
    expect(s.groups['Tư pháp – Hộ tịch']).toMatchObject({ received: 2, resolvedLate: 1, pending: 1, onTimeRate: 0 });
    const none = dossierFigures(facts, { from: '2023-01-01', to: '2023-12-31' }, 'field');
    expect(none.groups).toEqual({});
    expect(none.total.received).toBe(0);
  });

  const factArb = fc
    .record({
      received: fc.integer({ min: 0, max: 120 }),
      dueAfter: fc.integer({ min: 0, max: 20 }),
      resolvedAfter: fc.option(fc.integer({ min: 0, max: 40 })),
      level: fc.constantFrom(...DOSSIER_LEVELS),
      channel: fc.constantFrom(...DOSSIER_CHANNELS),
      field: fc.constantFrom('Đất đai', 'Kinh doanh', 'Tư pháp – Hộ tịch'),
    })
    .map((r): DossierFacts => {
      const receivedDate = addDays('2024-01-01', r.received);
      return {
        code: 'HS',
        level: r.level,
        channel: r.channel,
        field: r.field,
        receivedDate,
        dueDate: addDays(receivedDate, r.dueAfter),
        resolvedDate: r.resolvedAfter === null ? null : addDays(receivedDate, r.resolvedAfter),
      };
    });
  const periodArb = fc
    .tuple(fc.integer({ min: -10, max: 150 }), fc.integer({ min: 0, max: 100 }))
    .map(([start, len]) => ({ from: addDays('2024-01-01', start), to: addDays('2024-01-01', start + len) }));

  it('D7: what was pending at the start, plus what came in, minus what went out, is pending at the end', () => {
    fc.assert(
      fc.property(fc.array(factArb, { maxLength: 60 }), periodArb, (ds, period) => {
        const t = dossierFigures(ds, period, null).total;
        expect(t.carriedOver + t.received - t.resolved).toBe(t.pending);
        expect(t.pendingOverdue).toBeLessThanOrEqual(t.pending);
        expect(t.onTimeRate === null).toBe(t.resolved === 0);
      }),
    );
  });

  it('D7: pending and overdue agree with the status of each dossier as of the end of the period (D6)', () => {
    fc.assert(
      fc.property(fc.array(factArb, { maxLength: 60 }), periodArb, (ds, period) => {
        const t = dossierFigures(ds, period, null).total;
        const open = ds.filter((d) => d.receivedDate <= period.to).map((d) => dossierStatus(d, period.to));
        expect(t.pending).toBe(open.filter((s) => s === 'withinDeadline' || s === 'overdue').length);
        expect(t.pendingOverdue).toBe(open.filter((s) => s === 'overdue').length);
      }),
    );
  });

  it('D8: for every grouping the groups add up to the total', () => {
    fc.assert(
      fc.property(
        fc.array(factArb, { maxLength: 60 }),
        periodArb,
        fc.constantFrom(...DOSSIER_GROUP_BY),
        (ds, period, by) => {
          const s = dossierFigures(ds, period, by);
          expect(s.total).toEqual(dossierFigures(ds, period, null).total);
          for (const k of [
            'received',
            'resolvedEarly',
            'resolvedOnTime',
            'resolvedLate',
            'pending',
            'pendingOverdue',
            'carriedOver',
          ] as const) {
            expect(Object.values(s.groups).reduce((n, g) => n + g[k], 0)).toBe(s.total[k]);
          }
        },
      ),
    );
  });

  it('D14: the wall panel counts this month and this year up to today', () => {
    expect(panelPeriods('2024-03-15')).toEqual({
      month: { from: '2024-03-01', to: '2024-03-15' },
      year: { from: '2024-01-01', to: '2024-03-15' },
    });
  });
});
