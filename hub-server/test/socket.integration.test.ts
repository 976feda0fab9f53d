import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallEvent, CounterState, Ticket } from '@luot/shared';
import { connect, startTestHub, type TestSocket, staffCounters } from './support/hub';

describe('socket.io edge', () => {
  let hub: Awaited<ReturnType<typeof startTestHub>>;
  const sockets: TestSocket[] = [];
  const open = async (token: string) => {
    const s = await connect(hub.url, token);
    sockets.push(s);
    return s;
  };
  beforeAll(async () => {
    hub = await startTestHub();
    // Q18: nobody is called to a counter without an officer.
    staffCounters(hub);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await hub.stop();
  });

  it('refuses a socket without a valid token', async () => {
    await expect(connect(hub.url, 'wrong')).rejects.toThrow('Thiết bị chưa được cấp mã truy cập hợp lệ.');
  });

  it('answers a bad payload and a forbidden action with error acks, and keeps serving', async () => {
    const display = await open(hub.demoTokens!.display);
    const bad = await display.emitWithAck('display:sync', { afterSeq: -1 });
    expect(bad).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    const forbidden = await display.emitWithAck('counter:callNext', { counterId: 1 });
    expect(forbidden).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const ok = await display.emitWithAck('display:sync', { afterSeq: 0 });
    expect(ok.ok).toBe(true);
  });

  it('notifies every display of a call after it is committed, with an increasing seq', async () => {
    const kiosk = await open(hub.demoTokens!.kiosk);
    const counter = await open(hub.demoTokens!.counters[2]!.token);
    const display = await open(hub.demoTokens!.display);
    const calls: CallEvent[] = [];
    display.on('ticket:called', (c) => calls.push(c));
    await kiosk.emitWithAck('ticket:issue', { serviceId: 2 });
    await kiosk.emitWithAck('ticket:issue', { serviceId: 2 });
    const a = await counter.emitWithAck('counter:callNext', { counterId: 3 });
    const b = await counter.emitWithAck('counter:callNext', { counterId: 3, resolve: 'served' });
    expect(a.ok && b.ok).toBe(true);
    await expect.poll(() => calls.length).toBe(2);
    expect(calls.map((c) => [c.number, c.counterNumber])).toEqual([
      [2001, 3],
      [2002, 3],
    ]);
    expect(calls[1]!.seq).toBeGreaterThan(calls[0]!.seq);
    // What the display was told is what the database holds.
    const sync = await display.emitWithAck('display:sync', { afterSeq: calls[0]!.seq });
    expect(sync.ok && sync.data.missed.map((c) => c.number)).toEqual([2002]);
  });

  it('H1: the requester is answered before any screen is told, and a refused action tells nobody', async () => {
    const kiosk = await open(hub.demoTokens!.kiosk);
    const counter = await open(hub.demoTokens!.counters[3]!.token);
    const counterId = hub.demoTokens!.counters[3]!.counterId;
    const seen: string[] = [];
    counter.on('counter:updated', () => seen.push('counter:updated'));
    counter.on('queue:updated', () => seen.push('queue:updated'));

    const refused = await counter.emitWithAck('counter:recall', { counterId });
    expect(refused).toMatchObject({ ok: false, code: 'NO_CURRENT_TICKET' });
    const serviceId = hub.hub.centre.counter(counterId)!.serviceIds[0]!;
    await kiosk.emitWithAck('ticket:issue', { serviceId });
    // The issue told the counter of the queue (after its own ack); the refused recall told nothing.
    await expect.poll(() => seen).toEqual(['queue:updated']);
    seen.length = 0;

    const done = new Promise<void>((resolve) =>
      counter.emit('counter:callNext', { counterId }, (ack) => {
        seen.push(ack.ok ? 'ack' : `refused:${ack.code}`);
        resolve();
      }),
    );
    await done;
    await expect.poll(() => seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.slice(0, 3)).toEqual(['ack', 'counter:updated', 'queue:updated']);
  });

  it('H9: walls and kiosks never receive a ticket’s status page id, priority or times; the officer does', async () => {
    const t = hub.demoTokens!;
    const wall = await open(t.display);
    const kiosk = await open(t.kiosk);
    const { counterId, token } = t.counters[0]!;
    const counter = await open(token);
    const heard: Record<string, [string, unknown][]> = { wall: [], kiosk: [], counter: [] };
    for (const [who, s] of [
      ['wall', wall],
      ['kiosk', kiosk],
      ['counter', counter],
    ] as const) {
      s.onAny((event: string, payload: unknown) => heard[who]!.push([event, payload]));
    }
    const serviceId = hub.hub.centre.counter(counterId)!.serviceIds[0]!;
    const issued = await kiosk.emitWithAck('ticket:issue', { serviceId, priority: 'elderly' });
    expect(issued.ok).toBe(true);
    const called = await counter.emitWithAck('counter:callNext', { counterId });
    expect(called.ok).toBe(true);
    await expect.poll(() => heard.wall!.some(([e]) => e === 'counter:updated')).toBe(true);
    await expect.poll(() => heard.kiosk!.some(([e]) => e === 'counter:updated')).toBe(true);

    const secret = issued.ok ? issued.data.publicId : '';
    for (const who of ['wall', 'kiosk'] as const) {
      const text = JSON.stringify(heard[who]);
      expect(text).not.toContain(secret);
      expect(text).not.toContain('elderly');
      expect(heard[who]!.map(([e]) => e)).not.toContain('ticket:issued');
    }
    const tile = heard.wall!.find(([e]) => e === 'counter:updated')![1] as CounterState;
    expect(Object.keys(tile.current!).sort()).toEqual(['counterId', 'id', 'label', 'number', 'serviceId', 'status']);

    // The same through the wall's and the kiosk's own reads.
    const sync = await wall.emitWithAck('display:sync', { afterSeq: 0 });
    const snapshot = await kiosk.emitWithAck('centre:get', {});
    expect(JSON.stringify(sync)).not.toContain(secret);
    expect(JSON.stringify(snapshot)).not.toContain(secret);

    // The officer's own view has the ticket in full.
    const view = await counter.emitWithAck('counter:view', { counterId });
    const current = view.ok ? (view.data.current as Ticket) : null;
    expect(current).toMatchObject({ publicId: secret, priority: 'elderly' });
    expect(current!.calledAt).not.toBeNull();
    expect(heard.counter!.map(([e]) => e)).toContain('ticket:issued');
  });
});
