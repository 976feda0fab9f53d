import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DOSSIER_CHANNELS,
  DOSSIER_GROUP_BY,
  DOSSIER_LEVELS,
  dossierCodeKey as dossierKeyOf,
  dossierFacts,
  dossierFigures,
  EMPTY_CALENDAR,
  isWeekend,
  manualClock,
  parseDossierRow,
  workingDays,
  type CalendarDays,
  type DossierRecord,
} from '@luot/shared';
import { openDatabase } from '../../src/db/open';
import { MIGRATIONS } from '../../src/db/migrations/index';
import { dossierCodeKey } from '../../src/db/migrations/006-dossier-code-key';
import { createDossierService } from '../../src/features/dossiers/dossier-service';
import { createDossierStore } from '../../src/features/dossiers/dossier-store';
import { chunked, CSV_HEADER, dossierFixture, importText, inOrder, storedCount } from './support';

const DAY = 86_400_000;
const T0 = Date.parse('2024-01-01T00:00:00+07:00');
const isoVn = (ms: number): string => `${new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
const dateAt = (dayIndex: number): string => new Date(T0 + 7 * 3_600_000 + dayIndex * DAY).toISOString().slice(0, 10);

const rawDossierArb = fc
  .record({
    code: fc.integer({ min: 1, max: 60 }).map((n) => `HS-${n}`),
    field: fc.constantFrom('Đất đai', 'Kinh doanh', 'Tư pháp – Hộ tịch'),
    level: fc.constantFrom(...DOSSIER_LEVELS),
    channel: fc.constantFrom(...DOSSIER_CHANNELS),
    receivedMinute: fc.integer({ min: 0, max: 150 * 24 * 60 }),
    days: fc.integer({ min: 0, max: 12 }),
    explicitDueAfter: fc.option(fc.integer({ min: 0, max: 20 }), { freq: 4 }),
    resolvedAfterMinutes: fc.option(fc.integer({ min: 0, max: 30 * 24 * 60 }), { freq: 3 }),
    utc: fc.boolean(),
  })
  .map((r) => {
    const received = T0 + r.receivedMinute * 60_000;
    const dayIndex = Math.floor(r.receivedMinute / (24 * 60));
    return {
      code: r.code,
      field: r.field,
      level: r.level,
      channel: r.channel,
      receivedAt: r.utc ? new Date(received).toISOString() : isoVn(received),
      ...(r.explicitDueAfter === null
        ? { processingDays: r.days }
        : { dueDate: dateAt(dayIndex + r.explicitDueAfter) }),
      ...(r.resolvedAfterMinutes === null ? {} : { resolvedAt: isoVn(received + r.resolvedAfterMinutes * 60_000) }),
    };
  });

const calendarArb = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 0, max: 170 }), { maxLength: 12 }),
    fc.uniqueArray(fc.integer({ min: 0, max: 170 }), { maxLength: 4 }),
  )
  .map(([h, w]): CalendarDays => {
    const holidays = h.map(dateAt).sort();
    return {
      holidays,
      workingWeekends: w
        .map(dateAt)
        .filter((d) => isWeekend(d) && !holidays.includes(d))
        .sort(),
    };
  });

const periodArb = fc
  .tuple(
    fc.integer({ min: -5, max: 190 }),
    fc.integer({ min: 0, max: 120 }),
    fc.constantFrom(null, ...DOSSIER_GROUP_BY),
  )
  .map(([start, len, groupBy]) => ({ from: dateAt(start), to: dateAt(start + len), groupBy }));

type Raw = ReturnType<(typeof rawDossierArb)['generate']>['value'];

describe('dossier store', () => {
  let fx: ReturnType<typeof dossierFixture>;
  afterEach(() => fx.close());

  it('D13/D10/D11: the SQL figures equal the pure reference through imports, re-imports and calendar changes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rawDossierArb, { minLength: 1, maxLength: 80 }),
        fc.array(rawDossierArb, { maxLength: 40 }),
        calendarArb,
        calendarArb,
        fc.array(periodArb, { minLength: 3, maxLength: 6 }),
        async (first, second, calendarA, calendarB, periods) => {
          fx?.close();
          fx = dossierFixture();
          const latest = new Map<string, DossierRecord>();
          let calendar: CalendarDays = EMPTY_CALENDAR;
          const remember = (rows: Raw[]): void => {
            for (const r of rows) {
              const p = parseDossierRow(r);
              if (p.ok) latest.set(p.dossier.code, p.dossier);
            }
          };
          const check = (): void => {
            const days = workingDays(calendar);
            const facts = [...latest.values()].map((d) => dossierFacts(d, days));
            for (const p of periods) expect(fx.service.stats(p)).toEqual(dossierFigures(facts, p, p.groupBy));
          };

          await fx.service.import(chunked(JSON.stringify({ dossiers: first }), 97), { format: 'json' });
          remember(first);
          check();

          await fx.service.import(chunked(JSON.stringify(second), 61), { format: 'json' });
          remember(second);
          check();

          fx.service.setCalendar(calendarA);
          calendar = calendarA;
          check();

          // A calendar that comes after the dossiers in the file still applies to all of them.
          await fx.service.import(chunked(JSON.stringify({ dossiers: first.slice(0, 10), calendar: calendarB })), {
            format: 'json',
          });
          remember(first.slice(0, 10));
          calendar = calendarB;
          check();

          const before = fx.service.stats(periods[0]!);
          createDossierStore(fx.db).rebuildAggregates();
          expect(fx.service.stats(periods[0]!)).toEqual(before);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('D10: importing the same file again updates, never counts twice; a code repeated in a file keeps its last row', async () => {
    fx = dossierFixture();
    const rows = [
      'HS-1,Đất đai,commune,counter,2024-03-01T08:00:00+07:00,5,,2024-03-05T15:00:00+07:00',
      'HS-2,Đất đai,commune,online,2024-03-02T08:00:00+07:00,5,,',
      'HS-2,Kinh doanh,commune,online,2024-03-02T08:00:00+07:00,5,,2024-03-04T08:00:00+07:00',
    ];
    const file = `${CSV_HEADER}\n${rows.join('\n')}\n`;
    expect(await importText(fx.service, file, 'csv')).toEqual({
      accepted: 2,
      updated: 1,
      rejected: [],
      columns: inOrder(CSV_HEADER.split(',')),
    });
    const period = { from: '2024-03-01', to: '2024-03-31', groupBy: 'field' as const };
    const once = fx.service.stats(period);
    expect(once.total).toMatchObject({ received: 2, resolved: 2, pending: 0 });
    expect(Object.keys(once.groups)).toEqual(['Kinh doanh', 'Đất đai']);

    expect(await importText(fx.service, file, 'csv')).toEqual({
      accepted: 0,
      updated: 3,
      rejected: [],
      columns: inOrder(CSV_HEADER.split(',')),
    });
    expect(storedCount(fx.db)).toBe(2);
    expect(fx.service.stats(period)).toEqual(once);
  });

  it('D11/D5: a new calendar moves the due dates it decides, never an explicit one', async () => {
    fx = dossierFixture();
    await importText(
      fx.service,
      JSON.stringify({
        dossiers: [
          {
            code: 'A',
            field: 'Đất đai',
            level: 'district',
            channel: 'counter',
            receivedAt: '2024-04-26T09:00:00+07:00',
            processingDays: 3,
          },
          {
            code: 'B',
            field: 'Đất đai',
            level: 'district',
            channel: 'counter',
            receivedAt: '2024-04-26T09:00:00+07:00',
            dueDate: '2024-05-02',
          },
        ],
      }),
      'json',
    );
    expect(fx.service.status('A', '2024-05-01')).toEqual({ code: 'A', due: '2024-05-01', status: 'withinDeadline' });
    fx.service.setCalendar({ holidays: ['2024-04-29', '2024-04-30', '2024-05-01'], workingWeekends: ['2024-05-04'] });
    expect(fx.service.status('A', '2024-05-02')).toEqual({ code: 'A', due: '2024-05-04', status: 'withinDeadline' });
    expect(fx.service.status('B', '2024-05-03')).toEqual({ code: 'B', due: '2024-05-02', status: 'overdue' });
    expect(fx.service.calendar()).toEqual({
      holidays: ['2024-04-29', '2024-04-30', '2024-05-01'],
      workingWeekends: ['2024-05-04'],
    });
    expect(fx.service.stats({ from: '2024-05-03', to: '2024-05-03' }).total).toMatchObject({
      pending: 2,
      pendingOverdue: 1,
    });
  });

  it('D11: a calendar set while an import is still reading applies to the dossiers of that import too', async () => {
    fx = dossierFixture();
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    async function* slowFile(): AsyncGenerator<Uint8Array> {
      yield Buffer.from(`${CSV_HEADER}\nS-1,Đất đai,district,counter,2024-04-26T09:00:00+07:00,3,,\n`);
      await gate;
    }
    const importing = fx.service.import(slowFile(), { format: 'csv' });
    await new Promise((r) => setTimeout(r, 20));
    fx.service.setCalendar({ holidays: ['2024-04-29', '2024-04-30', '2024-05-01'], workingWeekends: [] });
    release();
    await importing;
    expect(fx.service.status('S-1', '2024-05-01')).toEqual({
      code: 'S-1',
      due: '2024-05-06',
      status: 'withinDeadline',
    });
    expect(fx.service.stats({ from: '2024-05-03', to: '2024-05-03' }).total).toMatchObject({
      pending: 1,
      pendingOverdue: 0,
    });
  });

  it('D2: a calendar that is not one is refused with the place it is wrong, and the stored one stays', () => {
    fx = dossierFixture();
    fx.service.setCalendar({ holidays: ['2024-09-02'], workingWeekends: [] });
    for (const bad of [
      { holidays: ['2024-09-31'], workingWeekends: [] },
      { holidays: [], workingWeekends: ['2024-09-03'] },
      [],
      null,
    ]) {
      expect(() => fx.service.setCalendar(bad)).toThrow(expect.objectContaining({ code: 'CALENDAR_INVALID' }));
    }
    expect(() => fx.service.setCalendar({ holidays: [], workingWeekends: ['2024-09-03'] })).toThrow(
      /workingWeekends\.0: ngày làm bù/,
    );
    expect(fx.service.calendar().holidays).toEqual(['2024-09-02']);
  });

  it('D6/D14: status and look-up as of today in Hà Nội, and the wall panel for this month and this year', async () => {
    fx = dossierFixture(); // today is 15/03/2024
    await importText(
      fx.service,
      [
        CSV_HEADER,
        'A,Đất đai,commune,counter,2024-03-01T08:00:00+07:00,5,,2024-03-07T10:00:00+07:00',
        'B,Đất đai,commune,counter,2024-03-04T08:00:00+07:00,5,,',
        'C,Kinh doanh,commune,online,2024-01-10T08:00:00+07:00,3,,2024-01-20T08:00:00+07:00',
      ].join('\n'),
      'csv',
    );
    expect(fx.service.lookup('B')).toEqual({ code: 'B', status: 'overdue', field: 'Đất đai', due: '2024-03-11' });
    expect(() => fx.service.lookup('Z')).toThrow(expect.objectContaining({ code: 'DOSSIER_NOT_FOUND' }));
    const panel = fx.service.panel();
    expect(panel.asOf).toBe('2024-03-15');
    expect(panel.month).toMatchObject({ from: '2024-03-01', to: '2024-03-15', groupBy: 'field' });
    expect(panel.month.total).toMatchObject({
      received: 2,
      resolvedEarly: 1,
      pending: 1,
      pendingOverdue: 1,
      onTimeRate: 1,
    });
    expect(panel.year.total).toMatchObject({ received: 3, resolvedEarly: 1, resolvedLate: 1, onTimeRate: 0.5 });
    expect(Object.keys(panel.year.groups)).toEqual(['Kinh doanh', 'Đất đai']);
    // Past 17:00 UTC it is already the next day in Hà Nội.
    fx.clock.set(Date.parse('2024-03-31T17:30:00Z'));
    expect(fx.service.panel().month.from).toBe('2024-04-01');
  });
});

describe('D19: looking a dossier up by the code a citizen types or scans', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('D19: the key ignores case, spaces and dashes; an exact code wins, a key two dossiers share finds neither', async () => {
    const fx = dossierFixture();
    try {
      await importText(
        fx.service,
        [
          CSV_HEADER,
          'H61.22-240315-0001,Đất đai,commune,counter,2024-03-01T08:00:00+07:00,5,,',
          'AB-1,Đất đai,commune,counter,2024-03-01T08:00:00+07:00,5,,',
          'ab1,Kinh doanh,commune,counter,2024-03-01T08:00:00+07:00,5,,',
        ].join('\n'),
        'csv',
      );
      for (const typed of ['h61.22 240315 0001', 'H61.22–240315—0001', 'h61.22-240315-0001'.toUpperCase()]) {
        expect(fx.service.lookup(typed).code, typed).toBe('H61.22-240315-0001');
      }
      expect(fx.service.lookup('AB-1').field).toBe('Đất đai');
      expect(fx.service.lookup('ab1').field).toBe('Kinh doanh');
      expect(() => fx.service.lookup('Ab 1')).toThrow(expect.objectContaining({ code: 'DOSSIER_NOT_FOUND' }));
      expect(() => fx.service.lookup('H61.22-240315-000')).toThrow(
        expect.objectContaining({ code: 'DOSSIER_NOT_FOUND' }),
      );
    } finally {
      fx.close();
    }
  });

  it('D19: the migration gives the dossiers stored before it the same key the import gives', () => {
    dir = mkdtempSync(join(tmpdir(), 'luot-code-key-'));
    const path = join(dir, 'luot.db');
    const before = openDatabase(path, { migrations: MIGRATIONS.filter((m) => m.version < dossierCodeKey.version) });
    const codes = ['H61.22-240315-0001', 'HS 00 001', 'Mã–Ý—Đ−1\u00a0x\u2010y'];
    const insert = before.prepare(
      `INSERT INTO dossiers (code, field, level, channel, received_at, received_date, processing_days, due_date)
       VALUES (?, 'Đất đai', 'commune', 'counter', 0, '2024-03-01', 5, '2024-03-08')`,
    );
    for (const code of codes) insert.run(code);
    before.close();

    const after = openDatabase(path);
    try {
      const keys = after.prepare('SELECT code, code_key FROM dossiers ORDER BY code').all() as {
        code: string;
        code_key: string;
      }[];
      expect(keys).toEqual(
        codes.map((code) => ({ code, code_key: dossierKeyOf(code) })).sort((a, b) => (a.code < b.code ? -1 : 1)),
      );
      expect(dossierKeyOf('HS 00 001')).toBe('hs00001');
      const service = createDossierService(after, manualClock(Date.parse('2024-03-15T10:00:00+07:00')));
      expect(service.lookup('hs-00001')).toMatchObject({ code: 'HS 00 001', status: 'overdue' });
      const plan = after.prepare("EXPLAIN QUERY PLAN SELECT code FROM dossiers WHERE code_key = 'x'").all() as {
        detail: string;
      }[];
      expect(plan.map((p) => p.detail).join()).toMatch(/dossiers_by_code_key/);
    } finally {
      after.close();
    }
  });
});
