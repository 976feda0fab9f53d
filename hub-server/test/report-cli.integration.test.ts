import { manualClock } from '@luot/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportQueue } from '../src/cli/commands/report';
import { api, startTestHub } from './support/hub';
import { runCommand as luot } from './support/cli';

const MIN = 60_000;

/** The table's lines as cells (columns are two or more spaces apart). */
const cellsOf = (out: string): string[][] =>
  out
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.trim().split(/ {2,}/));

describe('Q25: luot report queue reads in plain Vietnamese and adds up', () => {
  let hub: Awaited<ReturnType<typeof startTestHub>>;
  const clock = manualClock(Date.parse('2026-11-23T08:00:00+07:00'));
  const report = (groupBy: string) =>
    luot(reportQueue, ['--from', '2026-11-23', '--to', '2026-11-23', '--group-by', groupBy, '--db', hub.dbPath]);

  beforeAll(async () => {
    hub = await startTestHub({ clock });
    const t = hub.demoTokens!;
    const token = (n: number) => t.counters.find((c) => c.number === n)!.token;
    const act = (n: number, verb: string, body?: unknown) =>
      api(hub.url, token(n), 'POST', `/api/counters/${n}/${verb}`, body);
    const issue = (serviceId: number) => api(hub.url, t.kiosk, 'POST', '/api/tickets', { serviceId });
    expect((await act(1, 'sign-in', { name: 'Lan', pin: '1234' })).status).toBe(200);
    for (let i = 0; i < 4; i++) await issue(1);
    await issue(2);
    clock.advance(3 * MIN);
    await act(1, 'call-next');
    await act(1, 'start');
    clock.advance(5 * MIN);
    await act(1, 'finish');
    await act(1, 'call-next');
    await act(1, 'start');
    clock.advance(7 * MIN);
    await act(1, 'finish');
    // Two tickets of service 1 and the one of service 2 are never called: no counter, no officer.
  });
  afterAll(() => hub.stop());

  it('Q25: headings in words ("90% công dân chờ không quá"), no "TV" or "P90"; the total is the sum of the rows', async () => {
    const r = await report('service');
    expect(r.code).toBe(0);
    expect(r.out).toContain('theo dịch vụ');
    expect(r.out).not.toMatch(/\bTV\b|P90|Cấp số/);
    const [head, sub, ...rows] = cellsOf(r.out).slice(1, -1);
    expect(head).toEqual([
      'Dịch vụ',
      'Số đã cấp',
      'Đã phục vụ',
      'Vắng mặt',
      '50% công dân chờ',
      '90% công dân chờ',
      '50% lượt phục vụ',
      '90% lượt phục vụ',
    ]);
    expect(sub).toEqual(['không quá', 'không quá', 'không quá', 'không quá']);
    const total = rows.at(-1)!;
    expect(total[0]).toBe('Tổng cộng');
    const groups = rows.slice(0, -1);
    for (const col of [1, 2, 3]) {
      expect(
        groups.reduce((sum, g) => sum + Number(g[col]), 0),
        head![col],
      ).toBe(Number(total[col]));
    }
    expect(total.slice(1, 4)).toEqual(['5', '2', '0']);
  });

  it('Q25: by counter and by officer, no "issued" column, and the tickets without one have their own row so the rows add up', async () => {
    for (const [groupBy, heading, rest] of [
      ['counter', 'Quầy', 'Chưa được gọi tới quầy'],
      ['officer', 'Cán bộ', 'Không có cán bộ (chưa gọi)'],
    ] as const) {
      const r = await report(groupBy);
      expect(r.out).not.toContain('Số đã cấp');
      const [head, , ...rows] = cellsOf(r.out).slice(1, -1);
      expect(head!.slice(0, 3)).toEqual([heading, 'Đã phục vụ', 'Vắng mặt']);
      const names = rows.map((row) => row[0]);
      expect(names).toContain(rest);
      expect(names.at(-1)).toBe('Tổng cộng');
      const total = rows.at(-1)!;
      expect(rows.slice(0, -1).reduce((sum, g) => sum + Number(g[1]), 0)).toBe(Number(total[1]));
      expect(total[1]).toBe('2');
    }
    const json = JSON.parse(
      (
        await luot(reportQueue, [
          '--from',
          '2026-11-23',
          '--to',
          '2026-11-23',
          '--group-by',
          'officer',
          '--json',
          '--db',
          hub.dbPath,
        ])
      ).out,
    ) as {
      groups: { name: string; served: number }[];
      ungrouped: { issued: number; called: number };
      total: { issued: number };
    };
    expect(json.groups).toMatchObject([{ name: 'Lan', served: 2 }]);
    expect(json.ungrouped).toMatchObject({ issued: 3, called: 0 });
  });
});
