import { manualClock, type ServiceSchedule } from '@luot/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { writeCalendar } from '../src/features/dossiers/dossier-calendar';
import { api, startTestHub } from './support/hub';

const at = (iso: string): number => Date.parse(iso);
const day = [
  { from: '07:30', to: '11:30', lastNumberAt: '11:00' },
  { from: '13:30', to: '17:00', lastNumberAt: '16:30' },
];
const WEEKDAYS: ServiceSchedule = { week: [[], day, day, day, day, day, []] };

describe('numbers only within a service’s hours', () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => stop?.());

  async function setup(start: string) {
    const clock = manualClock(at(start));
    const hub = await startTestHub({ clock });
    stop = () => hub.stop();
    const issue = (serviceId: number) => api(hub.url, hub.demoTokens!.admin, 'POST', '/api/tickets', { serviceId });
    return { hub, clock, issue };
  }

  it('Q23 Q24: 00:05 on a Sunday the kiosk is refused and told when the service opens next', async () => {
    const { hub, issue, clock } = await setup('2026-11-28T17:05:00Z'); // Sunday 29/11/2026 00:05 in Hà Nội
    hub.hub.centre.setSchedule(1, WEEKDAYS);
    const r = await issue(1);
    expect(r.status).toBe(409);
    expect(r.body).toEqual({
      code: 'SERVICE_CLOSED',
      message: 'Dịch vụ đang ngoài giờ tiếp nhận.',
      detail: 'Mời công dân quay lại lúc 7:30 sáng thứ Hai, 30/11/2026.',
    });
    expect(hub.db.prepare('SELECT COUNT(*) AS n FROM tickets').get()).toEqual({ n: 0 });
    // The demo's other services take numbers at any hour.
    expect((await issue(2)).status).toBe(201);
    clock.set(at('2026-11-30T00:30:00Z')); // Monday 07:30
    expect((await issue(1)).body).toMatchObject({ number: 1001 });
    clock.set(at('2026-11-30T04:05:00Z')); // 11:05, after the morning's last number
    expect((await issue(1)).body).toMatchObject({
      code: 'SERVICE_CLOSED',
      detail: 'Mời công dân quay lại lúc 13:30 chiều thứ Hai, 30/11/2026.',
    });
  });

  it('Q23: never on a holiday of the centre’s calendar; a make-up working Sunday takes numbers', async () => {
    const { hub, issue, clock } = await setup('2026-12-01T02:00:00Z'); // Tuesday 01/12 09:00
    hub.hub.centre.setSchedule(1, WEEKDAYS);
    // The calendar the dossiers' due dates use (D2), as `luot calendar set` stores it.
    writeCalendar(hub.db, { holidays: ['2026-12-01'], workingWeekends: ['2026-12-06'] });
    expect((await issue(1)).body).toMatchObject({
      code: 'SERVICE_CLOSED',
      detail: 'Mời công dân quay lại lúc 7:30 sáng thứ Tư, 02/12/2026.',
    });
    clock.set(at('2026-12-06T02:00:00Z')); // Sunday 06/12 09:00, a make-up working day
    expect((await issue(1)).status).toBe(201);
  });

  it('Q23: up to the service’s daily cap, then the next working day', async () => {
    const { hub, issue } = await setup('2026-11-30T02:00:00Z'); // Monday 09:00
    hub.hub.centre.setSchedule(1, { ...WEEKDAYS, dailyCap: 2 });
    expect((await issue(1)).status).toBe(201);
    expect((await issue(1)).status).toBe(201);
    expect((await issue(1)).body).toEqual({
      code: 'SERVICE_DAILY_CAP',
      message: 'Dịch vụ đã cấp đủ số thứ tự của ngày hôm nay.',
      detail: 'Mời công dân quay lại lúc 7:30 sáng thứ Ba, 01/12/2026.',
    });
  });
});
