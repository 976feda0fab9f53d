import { manualClock, type CounterState, type ServiceQueue } from '@luot/shared';
import { describe, expect, it } from 'vitest';
import { api, connect, hubPerTest, staffCounters, startTestHub, type TestSocket } from './support/hub';

// 2026-11-23 09:00 in Asia/Ho_Chi_Minh.
const MORNING = Date.parse('2026-11-23T02:00:00Z');

interface Issued {
  id: number;
  publicId: string;
  status: string;
}

async function setup() {
  const clock = manualClock(MORNING);
  const hub = await startTestHub({ clock });
  // Q18: nobody is called to a counter without an officer.
  staffCounters(hub);
  const t = hub.demoTokens!;
  const adminId = hub.hub.devices.authenticate(t.admin)!.id;
  const issue = async (serviceId: number) =>
    (await api(hub.url, t.admin, 'POST', '/api/tickets', { serviceId })).body as unknown as Issued;
  const counter = (n: number) => t.counters.find((c) => c.number === n)!.token;
  const cancelRows = () =>
    hub.db
      .prepare("SELECT ticket_id, device_id, data FROM queue_events WHERE type = 'cancelled' ORDER BY id")
      .all() as {
      ticket_id: number;
      device_id: number;
      data: string;
    }[];
  const phone = async (publicId: string) => (await api(hub.url, null, 'GET', `/api/public/tickets/${publicId}`)).body;
  return { hub, clock, t, adminId, issue, counter, cancelRows, phone };
}

/** A screen's socket (a kiosk shows the waiting counts), remembering what it was told. */
async function screen(url: string, token: string, sockets: TestSocket[]) {
  const socket = await connect(url, token);
  sockets.push(socket);
  const queues: ServiceQueue[][] = [];
  const counters: CounterState[] = [];
  socket.on('queue:updated', (q) => queues.push(q));
  socket.on('counter:updated', (c) => counters.push(c));
  return { socket, queues, counters };
}

const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('an admin cancels tickets', () => {
  const { sockets, start } = hubPerTest(setup);

  it('Q17 P4: one waiting ticket, with a reason: cancelled and logged, the screens told, the phone page shows it cancelled', async () => {
    const ctx = await start();
    const { hub, t, adminId, issue, cancelRows, phone } = ctx;
    const first = await issue(2);
    const mine = await issue(2);
    const kiosk = await screen(hub.url, t.kiosk, sockets);

    const r = await api(hub.url, t.admin, 'POST', `/api/tickets/${first.id}/cancel`, {
      reason: '  Công dân đã rời trung tâm  ',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: first.id, status: 'cancelled' });
    expect(cancelRows()).toEqual([
      { ticket_id: first.id, device_id: adminId, data: JSON.stringify({ reason: 'Công dân đã rời trung tâm' }) },
    ]);
    await until(() => kiosk.queues.length > 0);
    expect(kiosk.queues.at(-1)!.find((q) => q.serviceId === 2)!.waiting).toBe(1);

    expect(await phone(first.publicId)).toMatchObject({
      status: 'cancelled',
      ahead: null,
      estimatedWaitMinutes: null,
      counterNumber: null,
    });
    // The ticket behind it moved up.
    expect(await phone(mine.publicId)).toMatchObject({ status: 'waiting', ahead: 0 });
    // Cancelled is final.
    expect(
      (await api(hub.url, t.admin, 'POST', `/api/tickets/${first.id}/cancel`, { reason: 'lần nữa' })).body,
    ).toMatchObject({
      code: 'ACTION_OUT_OF_ORDER',
    });
  });

  it('Q17: a called ticket can be cancelled and leaves its counter free; a served or finished one is ACTION_OUT_OF_ORDER and nothing changes', async () => {
    const ctx = await start();
    const { hub, t, issue, counter, cancelRows } = ctx;
    const a = await issue(1);
    const b = await issue(1);
    const kiosk = await screen(hub.url, t.kiosk, sockets);
    const act = (verb: string) => api(hub.url, counter(1), 'POST', `/api/counters/1/${verb}`);

    expect((await act('call-next')).body).toMatchObject({ id: a.id, status: 'called' });
    const admin = await connect(hub.url, t.admin);
    sockets.push(admin);
    expect(await admin.emitWithAck('ticket:cancel', { ticketId: a.id, reason: 'Gọi nhầm' })).toMatchObject({
      ok: true,
      data: { status: 'cancelled' },
    });
    await until(() => kiosk.counters.some((c) => c.id === 1 && c.current === null));
    expect((await act('recall')).body).toMatchObject({ code: 'NO_CURRENT_TICKET' });

    expect((await act('call-next')).body).toMatchObject({ id: b.id });
    expect((await act('start')).status).toBe(200);
    const serving = await admin.emitWithAck('ticket:cancel', { ticketId: b.id, reason: 'không được' });
    expect(serving).toMatchObject({ ok: false, code: 'ACTION_OUT_OF_ORDER' });
    expect((await act('finish')).status).toBe(200);
    expect((await api(hub.url, t.admin, 'POST', `/api/tickets/${b.id}/cancel`, { reason: 'không được' })).status).toBe(
      409,
    );
    expect(hub.hub.queue.current(1)).toBeNull();
    expect(cancelRows().map((r) => r.ticket_id)).toEqual([a.id]);
    const status = hub.db.prepare('SELECT status FROM tickets WHERE id = ?').get(b.id) as { status: string };
    expect(status.status).toBe('done');
  });

  it('Q17: every waiting ticket of a service at once, each logged with the reason; other services and called tickets untouched', async () => {
    const ctx = await start();
    const { hub, t, adminId, issue, counter, cancelRows, phone } = ctx;
    const called = await issue(2);
    const waiting = [await issue(2), await issue(2), await issue(2)];
    const other = await issue(1);
    expect((await api(hub.url, counter(3), 'POST', '/api/counters/3/call-next')).body).toMatchObject({ id: called.id });
    const kiosk = await screen(hub.url, t.kiosk, sockets);

    const admin = await connect(hub.url, t.admin);
    sockets.push(admin);
    const reason = 'Hệ thống hộ tịch tạm ngừng';
    expect(await admin.emitWithAck('service:cancelWaiting', { serviceId: 2, reason })).toEqual({
      ok: true,
      data: { serviceId: 2, cancelled: 3 },
    });
    expect(cancelRows()).toEqual(
      waiting.map((w) => ({ ticket_id: w.id, device_id: adminId, data: JSON.stringify({ reason }) })),
    );
    await until(() => kiosk.queues.length > 0);
    const queues = kiosk.queues.at(-1)!;
    expect(queues.find((q) => q.serviceId === 2)!.waiting).toBe(0);
    expect(queues.find((q) => q.serviceId === 1)!.waiting).toBe(1);
    for (const w of waiting) expect(await phone(w.publicId)).toMatchObject({ status: 'cancelled' });
    expect(await phone(called.publicId)).toMatchObject({ status: 'called', counterNumber: 3 });
    expect(await phone(other.publicId)).toMatchObject({ status: 'waiting' });

    // Over REST too; nobody left waiting is not an error.
    const again = await api(hub.url, t.admin, 'POST', '/api/services/2/cancel-waiting', { reason });
    expect(again).toEqual({ status: 200, body: { serviceId: 2, cancelled: 0 } });
    expect((await api(hub.url, t.admin, 'POST', '/api/services/1/cancel-waiting', { reason })).body).toEqual({
      serviceId: 1,
      cancelled: 1,
    });
  });

  it('Q17: a reason is required (1–200 characters), only admins cancel, unknown tickets and services are refused', async () => {
    const ctx = await start();
    const { hub, t, issue, counter, cancelRows } = ctx;
    const tk = await issue(1);
    const cancel = (token: string, body: unknown, id = tk.id) =>
      api(hub.url, token, 'POST', `/api/tickets/${id}/cancel`, body);
    expect((await cancel(t.admin, {})).body).toMatchObject({ code: 'BAD_REQUEST' });
    expect((await cancel(t.admin, { reason: '   ' })).body).toMatchObject({ code: 'BAD_REQUEST' });
    expect((await cancel(t.admin, { reason: 'x'.repeat(201) })).body).toMatchObject({ code: 'BAD_REQUEST' });
    expect((await cancel(t.kiosk, { reason: 'lý do' })).status).toBe(403);
    expect((await cancel(counter(1), { reason: 'lý do' })).status).toBe(403);
    expect((await api(hub.url, t.kiosk, 'POST', '/api/services/1/cancel-waiting', { reason: 'lý do' })).status).toBe(
      403,
    );
    expect((await cancel(t.admin, { reason: 'lý do' }, 99_999)).body).toMatchObject({ code: 'TICKET_NOT_FOUND' });
    expect(
      (await api(hub.url, t.admin, 'POST', '/api/services/99/cancel-waiting', { reason: 'lý do' })).body,
    ).toMatchObject({
      code: 'SERVICE_NOT_FOUND',
    });
    expect(cancelRows()).toEqual([]);
    expect((await cancel(t.admin, { reason: 'x'.repeat(200) })).body).toMatchObject({ status: 'cancelled' });
  });
});
