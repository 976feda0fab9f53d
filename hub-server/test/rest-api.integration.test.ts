import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestHub, staffCounters } from './support/hub';

describe('REST API with device tokens', () => {
  let hub: Awaited<ReturnType<typeof startTestHub>>;
  let kiosk: string;
  let display: string;
  let counter1: string;
  beforeAll(async () => {
    hub = await startTestHub();
    // Q18: nobody is called to a counter without an officer.
    staffCounters(hub);
    const t = hub.demoTokens!;
    kiosk = t.kiosk;
    display = t.display;
    counter1 = t.counters.find((c) => c.number === 1)!.token;
  });
  afterAll(() => hub.stop());

  it('refuses a request without a valid token with 401 and a Vietnamese message', async () => {
    for (const token of [null, 'not-a-token']) {
      const r = await api(hub.url, token, 'GET', '/api/services');
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ code: 'UNAUTHORIZED', message: 'Thiết bị chưa được cấp mã truy cập hợp lệ.' });
    }
  });

  it('lists services and counters to any device', async () => {
    const s = await api(hub.url, display, 'GET', '/api/services');
    expect(s.status).toBe(200);
    expect((s.body!.services as unknown[]).length).toBe(5);
    const c = await api(hub.url, kiosk, 'GET', '/api/counters');
    expect((c.body!.counters as unknown[]).length).toBe(6);
  });

  it('issues a ticket with 201, its number in the service block and the people ahead', async () => {
    const a = await api(hub.url, kiosk, 'POST', '/api/tickets', { serviceId: 2 });
    const b = await api(hub.url, kiosk, 'POST', '/api/tickets', { serviceId: 2 });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ number: 2001, serviceId: 2, ahead: 0, status: 'waiting' });
    expect(b.body).toMatchObject({ number: 2002, ahead: 1 });
    expect(typeof a.body!.issuedAt).toBe('string');
  });

  it('answers bad bodies with 4xx JSON errors, never a crash', async () => {
    const cases: [unknown, number, string][] = [
      ['{not json', 400, 'BAD_REQUEST'],
      [{ serviceId: 'x' }, 400, 'BAD_REQUEST'],
      [{ serviceId: 1, extra: true }, 400, 'BAD_REQUEST'],
      [{ serviceId: 99 }, 404, 'SERVICE_NOT_FOUND'],
      [{ serviceId: 1, priority: 'vip' }, 400, 'PRIORITY_UNKNOWN'],
    ];
    for (const [body, status, code] of cases) {
      const r = await api(hub.url, kiosk, 'POST', '/api/tickets', body);
      expect([r.status, r.body?.code]).toEqual([status, code]);
      expect(typeof r.body?.message).toBe('string');
    }
    const big = await api(hub.url, kiosk, 'POST', '/api/tickets', JSON.stringify({ pad: 'x'.repeat(2_000_000) }));
    expect(big.status).toBe(413);
    expect((await api(hub.url, kiosk, 'GET', '/api/nothing-here')).status).toBe(404);
  });

  it('keeps roles apart: a display cannot call, a counter cannot call for another counter', async () => {
    const d = await api(hub.url, display, 'POST', '/api/counters/1/call-next');
    expect(d.status).toBe(403);
    const other = await api(hub.url, counter1, 'POST', '/api/counters/2/call-next');
    expect(other.status).toBe(403);
    const issue = await api(hub.url, counter1, 'POST', '/api/tickets', { serviceId: 1 });
    expect(issue.status).toBe(403);
  });

  it('calls the next ticket, then answers 409 with a reason when nothing waits', async () => {
    await api(hub.url, kiosk, 'POST', '/api/tickets', { serviceId: 1 });
    const called = await api(hub.url, counter1, 'POST', '/api/counters/1/call-next');
    expect(called.status).toBe(200);
    expect(called.body).toMatchObject({ number: 1001, status: 'called', counterId: 1 });
    const empty = await api(hub.url, counter1, 'POST', '/api/counters/1/call-next');
    expect(empty.status).toBe(409);
    expect(empty.body).toEqual({ code: 'QUEUE_EMPTY', message: 'Không còn công dân nào đang chờ.' });
  });

  it('shows the current number per counter and the last calls', async () => {
    const r = await api(hub.url, display, 'GET', '/api/display/state');
    expect(r.status).toBe(200);
    const counters = r.body!.counters as { id: number; current: { number: number } | null }[];
    expect(counters.find((c) => c.id === 1)?.current?.number).toBe(1001);
    expect((r.body!.lastCalls as { number: number }[])[0]?.number).toBe(1001);
  });
});
