import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CounterState, Ticket } from '@luot/shared';
import { connect, startTestHub, type TestSocket } from './support/hub';

describe('H9: public screens get only the fields they show', () => {
  let hub: Awaited<ReturnType<typeof startTestHub>>;
  const sockets: TestSocket[] = [];
  const open = async (token: string) => {
    const s = await connect(hub.url, token);
    sockets.push(s);
    return s;
  };
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await hub.stop();
  });

  it('H9: walls and kiosks never receive a ticket’s status page id, priority or times; the officer does', async () => {
    const t = hub.demoTokens!;
    const wall = await open(t.display);
    const kiosk = await open(t.kiosk);
    const { counterId, token } = t.counters[0]!;
    const counter = await open(token);
    const heard: Record<string, [string, unknown][]> = { wall: [], kiosk: [], counter: [] };
    for (const [who, s] of [['wall', wall], ['kiosk', kiosk], ['counter', counter]] as const) {
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
