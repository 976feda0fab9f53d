import { manualClock } from '@luot/shared';
import { describe, expect, it } from 'vitest';
import { api, connect, hubPerTest, staffCounters, startTestHub } from './support/hub';

// 2026-11-23 09:00 in Asia/Ho_Chi_Minh.
const MORNING = Date.parse('2026-11-23T02:00:00Z');
const SEC = 1000;

async function setup() {
  const clock = manualClock(MORNING);
  const hub = await startTestHub({ clock });
  const t = hub.demoTokens!;
  const token = (n: number) => t.counters.find((c) => c.number === n)!.token;
  const issue = async (serviceId: number) => (await api(hub.url, t.kiosk, 'POST', '/api/tickets', { serviceId })).body!;
  const act = (n: number, verb: string, body?: unknown) =>
    api(hub.url, token(n), 'POST', `/api/counters/${n}/${verb}`, body);
  const events = (type: string) =>
    hub.db.prepare('SELECT ticket_id, counter_id, data FROM queue_events WHERE type = ? ORDER BY id').all(type) as {
      ticket_id: number | null;
      counter_id: number | null;
      data: string | null;
    }[];
  return { hub, clock, t, issue, act, events };
}

describe('a real day at the counters', () => {
  const { sockets, start } = hubPerTest(setup);

  it('Q18: nobody is called, recalled or transferred at a counter without an officer', async () => {
    const ctx = await start();
    const { act, issue, hub } = ctx;
    await issue(1);
    for (const verb of ['call-next', 'recall']) {
      expect((await act(1, verb)).body).toMatchObject({
        code: 'OFFICER_REQUIRED',
        message: 'Cán bộ cần đăng nhập trước.',
      });
    }
    expect((await act(1, 'call-number', { number: 1001 })).body).toMatchObject({ code: 'OFFICER_REQUIRED' });
    expect((await act(1, 'call-next')).status).toBe(403);
    expect(hub.db.prepare('SELECT COUNT(*) AS n FROM calls').get()).toEqual({ n: 0 });
    await act(1, 'sign-in', { name: 'Lan', pin: '1234' });
    expect((await act(1, 'call-next')).body).toMatchObject({ number: 1001, status: 'called' });
    // Signed out with the citizen still called: no recall and no transfer from an empty counter.
    await act(1, 'sign-out');
    expect((await act(1, 'recall')).body).toMatchObject({ code: 'OFFICER_REQUIRED' });
    expect((await act(1, 'transfer', { serviceId: 2 })).body).toMatchObject({ code: 'OFFICER_REQUIRED' });
    expect(hub.db.prepare('SELECT COUNT(*) AS n FROM calls').get()).toEqual({ n: 1 });
  });

  it('Q18: moving to another counter asks first; the confirmed move closes the first counter and tells its screen and the walls', async () => {
    const ctx = await start();
    const { act, issue, t, hub, events } = ctx;
    await issue(1);
    expect((await act(1, 'sign-in', { name: 'Lan', pin: '1234' })).status).toBe(200);
    const wall = await connect(hub.url, t.display);
    sockets.push(wall);
    const told: { id: number; officer: unknown }[] = [];
    wall.on('counter:updated', (c) => told.push({ id: c.id, officer: c.officer }));
    const counter2 = hub.db.prepare('SELECT id, number FROM counters WHERE number = 2').get() as {
      id: number;
      number: number;
    };
    const asked = await act(2, 'sign-in', { name: 'Lan', pin: '1234' });
    expect(asked.status).toBe(409);
    expect(asked.body).toMatchObject({
      code: 'OFFICER_AT_OTHER_COUNTER',
      detail: 'Cán bộ Lan đang đăng nhập ở quầy 1.',
    });
    // Nothing changed: still at counter 1, which can call.
    expect(
      (hub.db.prepare('SELECT officer_id FROM counters WHERE number = 1').get() as { officer_id: number | null })
        .officer_id,
    ).not.toBeNull();
    const moved = await act(2, 'sign-in', { name: 'Lan', pin: '1234', move: true });
    expect(moved.body).toMatchObject({ name: 'Lan' });
    await expect.poll(() => told.length).toBeGreaterThanOrEqual(2);
    expect(told.find((c) => c.id === counter2.id)?.officer).toMatchObject({ name: 'Lan' });
    expect(told).toContainEqual({ id: 1, officer: null });
    // The first counter's open screen can no longer call anyone.
    expect((await act(1, 'call-next')).body).toMatchObject({ code: 'OFFICER_REQUIRED' });
    expect(events('signedOut')).toEqual([{ ticket_id: null, counter_id: 1, data: JSON.stringify({ movedTo: 2 }) }]);
  });

  it('Q19: call next with the current citizen only called asks served or no-show; served counts only then (Q11)', async () => {
    const ctx = await start();
    const { act, issue, hub, clock, t, events } = ctx;
    staffCounters(hub);
    const a = await issue(1);
    const b = await issue(1);
    const c = await issue(1);
    await act(1, 'call-next');
    const refused = await act(1, 'call-next');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'CURRENT_NOT_RESOLVED' });
    expect(hub.db.prepare('SELECT status FROM tickets WHERE id = ?').get(a.id)).toEqual({ status: 'called' });
    clock.advance(90 * SEC);
    expect((await act(1, 'call-next', { resolve: 'served' })).body).toMatchObject({ id: b.id, status: 'called' });
    expect(hub.db.prepare('SELECT status, served_at, called_at FROM tickets WHERE id = ?').get(a.id)).toMatchObject({
      status: 'done',
    });
    expect(events('started').map((e) => e.ticket_id)).toEqual([a.id]);
    clock.advance(61 * SEC);
    expect((await act(1, 'call-next', { resolve: 'noShow' })).body).toMatchObject({ id: c.id });
    expect(hub.db.prepare('SELECT status FROM tickets WHERE id = ?').get(b.id)).toEqual({ status: 'noShow' });
    // A citizen whose service started needs no question.
    await act(1, 'start');
    await issue(1);
    expect((await act(1, 'call-next')).status).toBe(200);
    const r = await api(hub.url, t.admin, 'GET', '/api/reports/queue?from=2026-11-23&to=2026-11-23');
    expect(r.body!.total).toMatchObject({ issued: 4, served: 2, noShows: 1 });
  });

  it('Q20: a no-show only after the minimum since the call, or at once after a recall; the minimum is the centre’s', async () => {
    const ctx = await start();
    const { act, issue, hub, clock } = ctx;
    staffCounters(hub);
    await issue(1);
    await issue(1);
    await act(1, 'call-next');
    const early = await act(1, 'no-show');
    expect(early.body).toMatchObject({ code: 'NO_SHOW_TOO_EARLY' });
    expect(early.body!.detail).toContain('60 giây');
    expect((await act(1, 'call-next', { resolve: 'noShow' })).body).toMatchObject({ code: 'NO_SHOW_TOO_EARLY' });
    clock.advance(59 * SEC);
    expect((await act(1, 'no-show')).body).toMatchObject({ code: 'NO_SHOW_TOO_EARLY' });
    clock.advance(1 * SEC);
    expect((await act(1, 'no-show')).body).toMatchObject({ status: 'noShow' });
    await act(1, 'call-next');
    await act(1, 'recall');
    expect((await act(1, 'no-show')).body).toMatchObject({ status: 'noShow' });
    // A centre that waits two minutes.
    const settings = hub.hub.centre.settings()!;
    hub.hub.centre.saveSettings({ ...settings, noShowAfterSeconds: 120 });
    await issue(1);
    await act(1, 'call-next');
    clock.advance(90 * SEC);
    expect((await act(1, 'no-show')).body).toMatchObject({ code: 'NO_SHOW_TOO_EARLY' });
    clock.advance(30 * SEC);
    expect((await act(1, 'no-show')).body).toMatchObject({ status: 'noShow' });
  });

  it('Q21: an officer calls a waiting number of the counter’s services out of order, logged', async () => {
    const ctx = await start();
    const { act, issue, hub, events } = ctx;
    staffCounters(hub);
    await issue(1);
    const second = await issue(1);
    await issue(2);
    expect((await act(1, 'call-number', { number: 1002 })).body).toMatchObject({ id: second.id, status: 'called' });
    expect(events('called')).toEqual([
      { ticket_id: second.id, counter_id: 1, data: JSON.stringify({ outOfOrder: true, number: 1002 }) },
    ]);
    expect((await act(1, 'call-number', { number: 1001 })).body).toMatchObject({ code: 'COUNTER_BUSY' });
    await act(1, 'start');
    await act(1, 'finish');
    expect((await act(1, 'call-number', { number: 1002 })).body).toMatchObject({ code: 'ACTION_OUT_OF_ORDER' });
    expect((await act(1, 'call-number', { number: 1099 })).body).toMatchObject({ code: 'TICKET_NOT_FOUND' });
    const counter1 = hub.db.prepare('SELECT service_ids FROM counters WHERE id = 1').get() as { service_ids: string };
    if (!(JSON.parse(counter1.service_ids) as number[]).includes(2)) {
      expect((await act(1, 'call-number', { number: 2001 })).body).toMatchObject({ code: 'SERVICE_NOT_AT_COUNTER' });
    }
    expect((await act(1, 'call-number', { number: 1001 })).body).toMatchObject({ number: 1001, status: 'called' });
  });

  it('Q22: a no-show who comes back the same day is called again, announced as a recall', async () => {
    const ctx = await start();
    const { act, issue, hub, clock, events } = ctx;
    staffCounters(hub);
    const a = await issue(1);
    await act(1, 'call-next');
    clock.advance(60 * SEC);
    await act(1, 'no-show');
    const back = await act(1, 'recall-no-show', { number: 1001 });
    expect(back.body).toMatchObject({ id: a.id, status: 'called', counterId: 1 });
    const kinds = hub.db.prepare('SELECT kind FROM calls WHERE ticket_id = ? ORDER BY seq').all(a.id);
    expect(kinds).toEqual([{ kind: 'call' }, { kind: 'recall' }]);
    expect(events('recalled')).toEqual([
      { ticket_id: a.id, counter_id: 1, data: JSON.stringify({ fromNoShow: true }) },
    ]);
    await act(1, 'start');
    await act(1, 'finish');
    expect((await act(1, 'recall-no-show', { ticketId: a.id })).body).toMatchObject({ code: 'ACTION_OUT_OF_ORDER' });
    expect((await act(1, 'recall-no-show', {})).body).toMatchObject({ code: 'BAD_REQUEST' });
    // The next day, yesterday's no-show is not called back.
    const b = await issue(1);
    await act(1, 'call-next');
    clock.advance(60 * SEC);
    await act(1, 'no-show');
    clock.set(Date.parse('2026-11-24T02:00:00Z'));
    expect((await act(1, 'recall-no-show', { ticketId: b.id })).body).toMatchObject({ code: 'ACTION_OUT_OF_ORDER' });
  });

  it('Q27: leaving a counter puts a citizen only called back in the queue, in place; one being served must be finished first', async () => {
    const ctx = await start();
    const { act, issue, hub, events } = ctx;
    const a = await issue(1);
    const b = await issue(1);
    await act(1, 'sign-in', { name: 'Lan', pin: '1234' });
    await act(1, 'call-next');
    // Moving to counter 2: 1001 was only called at counter 1, so it waits again, ahead of 1002.
    expect((await act(2, 'sign-in', { name: 'Lan', pin: '1234', move: true })).status).toBe(200);
    expect(hub.db.prepare('SELECT status, counter_id, called_at FROM tickets WHERE id = ?').get(a.id)).toEqual({
      status: 'waiting',
      counter_id: null,
      called_at: null,
    });
    expect(events('requeued')).toEqual([{ ticket_id: a.id, counter_id: 1, data: JSON.stringify({ reason: 'moved' }) }]);
    expect((await act(2, 'call-next')).body).toMatchObject({ id: a.id });
    await act(2, 'start');
    // Serving: neither a sign-out nor a move away.
    expect((await act(2, 'sign-out')).body).toMatchObject({ code: 'COUNTER_BUSY' });
    expect((await act(1, 'sign-in', { name: 'Lan', pin: '1234', move: true })).body).toMatchObject({
      code: 'COUNTER_BUSY',
    });
    expect(hub.db.prepare('SELECT officer_id IS NOT NULL AS seated FROM counters WHERE id = 2').get()).toEqual({
      seated: 1,
    });
    await act(2, 'call-next');
    expect((await act(2, 'sign-out')).status).toBe(200);
    expect(hub.db.prepare('SELECT status FROM tickets WHERE id = ?').get(b.id)).toEqual({ status: 'waiting' });
  });
});
