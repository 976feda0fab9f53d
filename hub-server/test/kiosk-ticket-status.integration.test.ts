import { DEFAULT_RATING_SETTINGS, type IssuedTicket, type PublicTicketStatus } from '@luot/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestHub, staffCounters } from './support/hub';

describe("the citizen's public ticket status", () => {
  let hub: Awaited<ReturnType<typeof startTestHub>>;
  let kiosk: string;
  const counterToken = (n: number): string => hub.demoTokens!.counters.find((c) => c.number === n)!.token;
  const issue = async (serviceId: number, priority?: string): Promise<IssuedTicket> =>
    (await api(hub.url, kiosk, 'POST', '/api/tickets', priority ? { serviceId, priority } : { serviceId }))
      .body as never;
  const status = async (publicId: string) => api(hub.url, null, 'GET', `/api/public/tickets/${publicId}`);

  beforeAll(async () => {
    hub = await startTestHub();
    // Q18: nobody is called to a counter without an officer.
    staffCounters(hub);
    kiosk = hub.demoTokens!.kiosk;
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('P1 P5: a waiting ticket shows only the centre, its number, service, status, people ahead and wait — no priority, no ids, no times', async () => {
    const first = await issue(1);
    const elderly = await issue(1, 'elderly');
    const third = await issue(1);
    const res = await status(third.publicId);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      centreName: 'Trung tâm Phục vụ hành chính công xã Mù Cang Chải',
      addressForm: 'congDan',
      label: '1003',
      serviceName: 'Đất đai',
      serviceNameEn: 'Land',
      status: 'waiting',
      ahead: 2,
      estimatedWaitMinutes: third.estimatedWaitMinutes,
      counterNumber: null,
      // RT8: nothing to rate before service.
      rating: { canRate: false, level: null, scale: 3, reasons: DEFAULT_RATING_SETTINGS.reasons },
    } satisfies PublicTicketStatus);
    // Q1: the priority ticket is ahead of the first one, and its page does not say why.
    const priority = (await status(elderly.publicId)).body!;
    expect(priority).toMatchObject({ ahead: 0 });
    expect(JSON.stringify(priority)).not.toMatch(/elderly|cao tuổi|priority/i);
    expect((await status(first.publicId)).body).toMatchObject({ ahead: 1 });
  });

  it('P1: an unknown or malformed id is a 404 with its Vietnamese message, and needs no token', async () => {
    for (const id of ['AAAAAAAAAAAAAAAA', 'short', '%2E%2E%2Fetc', 'a'.repeat(200)]) {
      const res = await status(id);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ code: 'TICKET_NOT_FOUND', message: 'Không tìm thấy số thứ tự.' });
    }
  });

  it('P2: called, then served at a counter — the page names the counter while the citizen is at it', async () => {
    const ticket = await issue(2);
    await api(hub.url, counterToken(3), 'POST', '/api/counters/3/call-next');
    expect((await status(ticket.publicId)).body).toMatchObject({ status: 'called', counterNumber: 3, ahead: null });
    await api(hub.url, counterToken(3), 'POST', '/api/counters/3/start');
    expect((await status(ticket.publicId)).body).toMatchObject({ status: 'serving', counterNumber: 3 });
    await api(hub.url, counterToken(3), 'POST', '/api/counters/3/finish');
    expect((await status(ticket.publicId)).body).toMatchObject({ status: 'done', counterNumber: null });
  });

  it('P3: after a transfer the same page follows the ticket into its new service', async () => {
    const ticket = await issue(3);
    await api(hub.url, counterToken(5), 'POST', '/api/counters/5/call-next');
    const moved = await api(hub.url, counterToken(5), 'POST', '/api/counters/5/transfer', { serviceId: 4 });
    expect(moved.status).toBe(200);
    expect((await status(ticket.publicId)).body).toMatchObject({
      label: ticket.label,
      serviceName: 'Xây dựng',
      status: 'waiting',
      counterNumber: null,
    });
  });

  // Needs the built kiosk app (npm run build, as `npm test` does first).
  it('P1: /t/<id> is the status page, 404 for an id that is no ticket', async () => {
    const ticket = await issue(1);
    const page = await fetch(`${hub.url}/t/${ticket.publicId}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('/kiosk/assets/');
    expect((await fetch(`${hub.url}/t/AAAAAAAAAAAAAAAA`)).status).toBe(404);
  });
});
