import { manualClock } from '@luot/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { api, startTestHub, staffCounters } from './support/hub';

// 2026-11-23 09:00 in Asia/Ho_Chi_Minh.
const MORNING = Date.parse('2026-11-23T02:00:00Z');
const MIN = 60_000;

/** `signsIn`: the counters where the test signs its own officer in (the others are staffed, Q18). */
async function setup(signsIn: number[] = []) {
  const clock = manualClock(MORNING);
  const hub = await startTestHub({ clock });
  // Q18: nobody is called to a counter without an officer.
  const ids = (hub.db.prepare('SELECT id FROM counters').all() as { id: number }[]).map((r) => r.id);
  staffCounters(
    hub,
    ids.filter((id) => !signsIn.includes(id)),
  );
  const t = hub.demoTokens!;
  const token = (n: number) => t.counters.find((c) => c.number === n)!.token;
  const issue = async (serviceId: number, priority?: string) =>
    (await api(hub.url, t.kiosk, 'POST', '/api/tickets', { serviceId, ...(priority ? { priority } : {}) })).body!;
  const act = (n: number, verb: string, body?: unknown) =>
    api(hub.url, token(n), 'POST', `/api/counters/${n}/${verb}`, body);
  return { hub, clock, t, token, issue, act };
}

describe('queue actions at a counter', () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  afterEach(() => ctx?.hub.stop());

  it('Q16: waiting → called → serving → done, each change logged with the officer', async () => {
    ctx = await setup([1]);
    const { act, issue, hub, clock } = ctx;
    expect((await act(1, 'sign-in', { name: 'Lan', pin: '1234' })).status).toBe(200);
    const t1 = await issue(1);
    expect((await act(1, 'call-next')).body).toMatchObject({ id: t1.id, status: 'called' });
    clock.advance(MIN);
    expect((await act(1, 'start', { ticketId: t1.id })).body).toMatchObject({ status: 'serving' });
    clock.advance(4 * MIN);
    expect((await act(1, 'finish', { ticketId: t1.id })).body).toMatchObject({ status: 'done' });
    const log = hub.db
      .prepare('SELECT type, officer_id FROM queue_events WHERE ticket_id = ? ORDER BY id')
      .all(t1.id) as { type: string; officer_id: number | null }[];
    expect(log.map((e) => e.type)).toEqual(['issued', 'called', 'started', 'finished']);
    expect(log.slice(1).every((e) => e.officer_id !== null)).toBe(true);
  });

  it('Q9: a recall announces the same ticket again with a new seq; no-show ends it', async () => {
    ctx = await setup();
    const { act, issue, hub } = ctx;
    await issue(1);
    await act(1, 'call-next');
    const r = await act(1, 'recall');
    expect(r.status).toBe(200);
    // Q20: after a recall, a no-show may be marked at once.
    const calls = hub.db.prepare('SELECT kind FROM calls ORDER BY seq').all() as { kind: string }[];
    expect(calls.map((c) => c.kind)).toEqual(['call', 'recall']);
    expect((await act(1, 'no-show')).body).toMatchObject({ status: 'noShow' });
    expect((await act(1, 'recall')).body).toMatchObject({ code: 'NO_CURRENT_TICKET' });
  });

  it('Q4: a transfer keeps the number and the issue time and goes ahead of later tickets', async () => {
    ctx = await setup();
    const { act, issue, clock } = ctx;
    const land = await issue(1); // 1001 at 09:00
    clock.advance(MIN);
    const later = await issue(2); // 2001 at 09:01
    await act(1, 'call-next');
    await act(1, 'start');
    const moved = (await act(1, 'transfer', { serviceId: 2 })).body!;
    expect(moved).toMatchObject({
      number: 1001,
      label: '1001',
      serviceId: 2,
      status: 'waiting',
      issuedAt: land.issuedAt,
    });
    expect(moved.publicId).toBe(land.publicId);
    const called = (await act(3, 'call-next')).body!;
    expect(called.id).toBe(moved.id);
    expect((await act(3, 'call-next', { resolve: 'served' })).body!.id).toBe(later.id);
  });

  it('refuses actions out of order and stale ticket ids with Vietnamese errors, state unchanged', async () => {
    ctx = await setup();
    const { act, issue } = ctx;
    expect((await act(1, 'finish')).body).toMatchObject({
      code: 'NO_CURRENT_TICKET',
      message: 'Quầy chưa gọi số nào.',
    });
    const a = await issue(1);
    const b = await issue(1);
    await act(1, 'call-next');
    expect((await act(1, 'finish', { ticketId: b.id })).body).toMatchObject({ code: 'STALE_TICKET' });
    expect((await act(1, 'finish', { ticketId: 99999 })).body).toMatchObject({ code: 'TICKET_NOT_FOUND' });
    await act(1, 'start');
    expect((await act(1, 'no-show')).body).toMatchObject({ code: 'ACTION_OUT_OF_ORDER' });
    expect((await act(1, 'transfer', { serviceId: 42 })).body).toMatchObject({ code: 'SERVICE_NOT_FOUND' });
    expect((await act(1, 'transfer', { serviceId: 'x' })).status).toBe(400);
    const view = await api(ctx.hub.url, ctx.token(1), 'GET', '/api/counters/1');
    expect(view.body).toMatchObject({ counter: { current: { id: a.id, status: 'serving' } } });
    expect((view.body!.next as { id: number }[]).map((t) => t.id)).toEqual([b.id]);
    expect((await api(ctx.hub.url, ctx.token(1), 'POST', '/api/counters/99/pause')).status).toBe(403);
    expect((await api(ctx.hub.url, ctx.t.admin, 'POST', '/api/counters/99/pause')).body).toMatchObject({
      code: 'COUNTER_NOT_FOUND',
    });
  });

  it('a paused counter does not call and is not counted as open for the estimate', async () => {
    ctx = await setup();
    const { act, issue } = ctx;
    await issue(3);
    expect((await act(5, 'pause')).status).toBe(200);
    expect((await act(5, 'pause')).body).toMatchObject({ code: 'ACTION_OUT_OF_ORDER' });
    expect((await act(5, 'call-next')).body).toMatchObject({ code: 'COUNTER_PAUSED', message: 'Quầy đang tạm dừng.' });
    await act(6, 'pause');
    expect((await issue(3)).estimatedWaitMinutes).toBeNull();
    await act(5, 'resume');
    expect((await issue(3)).estimatedWaitMinutes).toBe(10); // 2 ahead ÷ 1 counter × 5 min default
    expect((await act(5, 'call-next')).status).toBe(200);
  });

  it('Q10: one officer per counter; a wrong PIN and a second officer are refused', async () => {
    ctx = await setup([2]);
    const { act } = ctx;
    expect((await act(2, 'sign-in', { name: 'Hùng', pin: '0000' })).body).toMatchObject({
      code: 'OFFICER_BAD_CREDENTIALS',
    });
    expect((await act(2, 'sign-in', { name: 'Hùng', pin: '1234' })).body).toMatchObject({ name: 'Hùng' });
    expect((await act(2, 'sign-in', { name: 'Hùng', pin: '1234' })).status).toBe(200);
    expect((await act(2, 'sign-in', { name: 'Minh', pin: '1234' })).body).toMatchObject({
      code: 'COUNTER_TAKEN',
      message: 'Quầy đã có cán bộ khác đăng nhập.',
    });
    await act(2, 'sign-out');
    expect((await act(2, 'sign-in', { name: 'Minh', pin: '1234' })).status).toBe(200);
  });

  it('Q2: at most two priority tickets in a row while ordinary ones wait', async () => {
    ctx = await setup();
    const { act, issue } = ctx;
    await issue(1);
    await issue(1, 'elderly');
    await issue(1, 'pregnancy');
    await issue(1, 'merit');
    const order = [];
    for (let i = 0; i < 4; i++) order.push((await act(1, 'call-next', { resolve: 'served' })).body!.priority);
    expect(order).toEqual(['elderly', 'pregnancy', null, 'merit']);
  });

  it('Q8: at 00:00 open tickets expire and every sequence restarts', async () => {
    ctx = await setup();
    const { act, issue, clock, hub } = ctx;
    const waiting = await issue(1);
    await issue(1);
    await act(1, 'call-next');
    clock.set(Date.parse('2026-11-23T17:00:00Z')); // 00:00 on 24/11 in Hà Nội
    const next = await issue(1);
    expect(next).toMatchObject({ number: 1001, day: '2026-11-24', ahead: 0 });
    const old = hub.db.prepare("SELECT status FROM tickets WHERE day = '2026-11-23'").all() as { status: string }[];
    expect(old.map((r) => r.status)).toEqual(['expired', 'expired']);
    expect(waiting.day).toBe('2026-11-23');
    const view = await api(hub.url, ctx.token(1), 'GET', '/api/counters/1');
    expect(view.body).toMatchObject({ counter: { current: null } });
  });

  it('Q11: queue figures per service and officer, as JSON over REST (Q19)', async () => {
    ctx = await setup([1]);
    const { act, issue, clock, hub, t } = ctx;
    await act(1, 'sign-in', { name: 'Lan', pin: '1234' });
    await issue(1);
    await issue(1);
    clock.advance(2 * MIN);
    await act(1, 'call-next');
    await act(1, 'start');
    clock.advance(6 * MIN);
    await act(1, 'finish');
    await act(1, 'call-next');
    clock.advance(MIN); // Q20: a no-show only a minute after the call
    await act(1, 'no-show');
    const r = await api(hub.url, t.admin, 'GET', '/api/reports/queue?from=2026-11-23&to=2026-11-23&groupBy=officer');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      groupBy: 'officer',
      groups: [{ name: 'Lan', issued: 2, served: 1, noShows: 1, serviceMedianSeconds: 360 }],
    });
    const bySvc = await api(hub.url, t.admin, 'GET', '/api/reports/queue?from=2026-11-23&to=2026-11-23');
    expect((bySvc.body!.total as { waitMedianSeconds: number }).waitMedianSeconds).toBe(120);
    expect((await api(hub.url, t.admin, 'GET', '/api/reports/queue?from=2026-11-24&to=2026-11-23')).status).toBe(400);
    expect((await api(hub.url, t.kiosk, 'GET', '/api/reports/queue?from=2026-11-23&to=2026-11-23')).status).toBe(403);
  });
});

describe('people ahead', () => {
  it('Q5: the SQL count on issue agrees with the pure countAhead over the waiting queue', async () => {
    const { countAhead } = await import('@luot/shared');
    const { hub, t } = await setup();
    // Thirty tickets in the same millisecond (ties broken by id): the admin's token, as one kiosk
    // is limited to a burst of 10 (L2).
    const issue = async (serviceId: number, priority?: string) =>
      (await api(hub.url, t.admin, 'POST', '/api/tickets', { serviceId, ...(priority ? { priority } : {}) })).body!;
    try {
      const cats = [undefined, 'elderly', undefined, 'merit', undefined, undefined];
      for (let i = 0; i < 30; i++) {
        const t = await issue(1 + (i % 2), cats[(i * 7) % cats.length]);
        const waiting = (
          hub.db.prepare("SELECT id, service_id, priority, queued_at FROM tickets WHERE status = 'waiting'").all() as {
            id: number;
            service_id: number;
            priority: string | null;
            queued_at: number;
          }[]
        ).map((r) => ({ id: r.id, serviceId: r.service_id, priority: r.priority, queuedAt: r.queued_at }));
        const me = waiting.find((w) => w.id === t.id)!;
        expect(t.ahead).toBe(countAhead(waiting, me));
      }
    } finally {
      await hub.stop();
    }
  });
});
