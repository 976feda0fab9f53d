import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countAhead, nextPriorityStreak, pickNext, type QueuedTicket } from './next-ticket';

const t = (id: number, serviceId: number, queuedAt: number, priority: string | null = null): QueuedTicket => ({
  id,
  serviceId,
  priority,
  queuedAt,
});
const ctx = (serviceOrder: number[], priorityStreak = 0, maxPriorityInRow = 2) => ({
  serviceOrder,
  priorityStreak,
  maxPriorityInRow,
});

describe('pickNext', () => {
  it('Q1: first come first served within a class', () => {
    expect(pickNext([t(2, 1, 20), t(1, 1, 10), t(3, 1, 30)], ctx([1]))?.id).toBe(1);
  });

  it('Q1: a priority ticket goes ahead of ordinary ones of the same service', () => {
    expect(pickNext([t(1, 1, 10), t(2, 1, 20, 'elderly')], ctx([1]))?.id).toBe(2);
  });

  it('Q2: after the cap of priority tickets in a row, an ordinary one that waits is taken', () => {
    const waiting = [t(1, 1, 10), t(2, 1, 20, 'elderly'), t(3, 1, 30, 'merit')];
    expect(pickNext(waiting, ctx([1], 1))?.id).toBe(2);
    expect(pickNext(waiting, ctx([1], 2))?.id).toBe(1);
    // With no ordinary ticket waiting the cap does not hold priority citizens back.
    expect(pickNext([t(2, 1, 20, 'elderly')], ctx([1], 5))?.id).toBe(2);
  });

  it('Q3: services are taken in the counter order of preference', () => {
    const waiting = [t(1, 2, 10), t(2, 1, 20)];
    expect(pickNext(waiting, ctx([1, 2]))?.id).toBe(2);
    expect(pickNext(waiting, ctx([2, 1]))?.id).toBe(1);
    expect(pickNext([t(1, 3, 10)], ctx([1, 2]))).toBeNull();
  });

  it('Q2 over services: the cap reaches an ordinary ticket of a less preferred service', () => {
    const waiting = [t(1, 1, 10, 'elderly'), t(2, 2, 5)];
    expect(pickNext(waiting, ctx([1, 2], 2))?.id).toBe(2);
  });

  it('the streak counts priority calls and resets on an ordinary one', () => {
    expect(nextPriorityStreak(1, t(1, 1, 1, 'elderly'))).toBe(2);
    expect(nextPriorityStreak(2, t(1, 1, 1))).toBe(0);
  });

  it('Q5: people ahead follow the queue order', () => {
    const waiting = [t(1, 1, 10), t(2, 1, 20, 'elderly'), t(3, 2, 5)];
    expect(countAhead(waiting, t(9, 1, 30))).toBe(2);
    expect(countAhead(waiting, t(9, 1, 30, 'merit'))).toBe(1);
  });

  it('Q1–Q3 property: draining a queue serves every ticket exactly once, ordinary ones in issue order', () => {
    const ticketArb = fc.record({
      serviceId: fc.integer({ min: 1, max: 3 }),
      queuedAt: fc.integer({ min: 0, max: 1000 }),
      priority: fc.option(fc.constantFrom('elderly', 'merit'), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(ticketArb, { maxLength: 60 }), fc.integer({ min: 1, max: 4 }), (raw, max) => {
        let waiting = raw.map((r, i) => ({ ...r, id: i + 1 }));
        const served: QueuedTicket[] = [];
        let streak = 0;
        for (let guard = 0; waiting.length > 0 && guard < 1000; guard++) {
          const next = pickNext(waiting, ctx([1, 2, 3], streak, max));
          expect(next).not.toBeNull();
          served.push(next!);
          streak = nextPriorityStreak(streak, next!);
          waiting = waiting.filter((w) => w.id !== next!.id);
        }
        expect(new Set(served.map((s) => s.id)).size).toBe(raw.length);
        for (const sid of [1, 2, 3]) {
          for (const cls of [null, 'p']) {
            const order = served.filter((s) => s.serviceId === sid && (s.priority === null) === (cls === null));
            const sorted = [...order].sort((a, b) => a.queuedAt - b.queuedAt || a.id - b.id);
            expect(order).toEqual(sorted);
          }
        }
        // Never more than `max` priority calls in a row while an ordinary ticket waited.
        let run = 0;
        served.forEach((s, i) => {
          run = s.priority === null ? 0 : run + 1;
          const ordinaryLeft = served.slice(i + 1).some((x) => x.priority === null);
          if (ordinaryLeft) expect(run).toBeLessThanOrEqual(max);
        });
      }),
      { numRuns: 300 },
    );
  });
});
