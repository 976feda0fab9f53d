import { afterAll, describe, expect, it } from 'vitest';
import { api, connect, staffCounters, startTestHub, type TestSocket } from './support/hub';

describe('atomic call-next', () => {
  const sockets: TestSocket[] = [];
  let stop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    for (const s of sockets) s.close();
    await stop?.();
  });

  it('Q12: ten counters calling at the same instant never get the same ticket', async () => {
    const hub = await startTestHub();
    stop = () => hub.stop();
    const now = Date.now();
    for (let i = 0; i < 10; i++) {
      hub.hub.centre.addCounter({
        id: 100 + i,
        number: 100 + i,
        name: `Quầy ${100 + i}`,
        serviceIds: [2, 1],
        paused: false,
      });
    }
    // Q18: nobody is called to a counter without an officer.
    staffCounters(hub);
    const TICKETS = 120;
    for (let i = 0; i < TICKETS; i++) {
      // The admin's token: one kiosk is limited to a burst of 10 (L2); this is the whole morning's queue.
      await api(hub.url, hub.demoTokens!.admin, 'POST', '/api/tickets', { serviceId: 1 + (i % 2) });
    }
    for (let i = 0; i < 10; i++) {
      sockets.push(await connect(hub.url, hub.hub.devices.create('counter', 100 + i, `c${i}`, now)));
    }
    // Every counter presses "Gọi tiếp" as fast as it can until the queue is empty.
    const calledBy = await Promise.all(
      sockets.map(async (s, i) => {
        const got: number[] = [];
        for (let guard = 0; guard < TICKETS; guard++) {
          const ack = await s.emitWithAck('counter:callNext', { counterId: 100 + i, resolve: 'served' });
          if (!ack.ok) {
            expect(ack.code).toBe('QUEUE_EMPTY');
            break;
          }
          got.push(ack.data.id);
        }
        return got;
      }),
    );
    const all = calledBy.flat();
    expect(all).toHaveLength(TICKETS);
    expect(new Set(all).size).toBe(TICKETS);
    expect(calledBy.filter((g) => g.length > 0).length).toBeGreaterThan(1);
    const calls = hub.db.prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT ticket_id) AS d FROM calls').get() as {
      n: number;
      d: number;
    };
    expect(calls).toEqual({ n: TICKETS, d: TICKETS });
  });
});
