import type { CallEvent, CounterState } from '@luot/shared';
import { describe, expect, it } from 'vitest';
import { heroCall, isOpen } from './hero-call';

const call = (seq: number, counterId: number, ticketId = 100 + seq, kind: CallEvent['kind'] = 'call'): CallEvent => ({
  seq,
  kind,
  ticketId,
  label: String(1000 + ticketId),
  number: 1000 + ticketId,
  serviceId: 1,
  counterId,
  counterNumber: counterId,
  at: '2026-11-28T02:00:00.000Z',
});

function counter(id: number, ticketId: number | null, over: Partial<CounterState> = {}): CounterState {
  return {
    id,
    number: id,
    name: `Quầy ${id}`,
    serviceIds: [1],
    paused: false,
    officer: null,
    current:
      ticketId === null
        ? null
        : {
            id: ticketId,
            serviceId: 1,
            number: 1000 + ticketId,
            label: String(1000 + ticketId),
            status: 'called',
            counterId: id,
          },
    ...over,
  };
}

describe('the big number (W14, W15)', () => {
  // Newest first: counter 3 called last, counter 1 before it, counter 2 first.
  const calls = [call(3, 3), call(2, 1), call(1, 2)];

  it('W14: while the voice says an older call, the big number shows that call, not the newest', () => {
    const counters = [counter(1, 102), counter(2, 101), counter(3, 103)];
    expect(heroCall(calls, counters, calls[2]!)?.seq).toBe(1);
    expect(heroCall(calls, counters, calls[1]!)?.seq).toBe(2);
  });

  it('W14: with nothing being said, the newest call', () => {
    const counters = [counter(1, 102), counter(2, 101), counter(3, 103)];
    expect(heroCall(calls, counters, null)?.seq).toBe(3);
    expect(heroCall([], counters, null)).toBeNull();
  });

  it('W15: a call whose counter is done with it (no ticket, or another one) gives way to the newest open call', () => {
    // Counter 3 finished its citizen; counter 1 has called someone else since (not in the list).
    expect(heroCall(calls, [counter(1, 999), counter(2, 101), counter(3, null)], null)?.seq).toBe(1);
    expect(heroCall(calls, [counter(1, null), counter(2, null), counter(3, null)], null)).toBeNull();
  });

  it('W15: a counter paused while its citizen is called, or serving them, keeps the call open', () => {
    const serving = counter(3, 103);
    serving.current!.status = 'serving';
    expect(isOpen(calls[0]!, [counter(3, 103, { paused: true })])).toBe(true);
    expect(isOpen(calls[0]!, [serving])).toBe(true);
    expect(heroCall(calls, [counter(1, null), counter(2, null), counter(3, 103, { paused: true })], null)?.seq).toBe(3);
  });

  it('W15: a recall is open like the call it repeats; a counter the wall does not know closes nothing', () => {
    const recall = call(4, 3, 103, 'recall');
    expect(isOpen(recall, [counter(3, 103)])).toBe(true);
    expect(isOpen(recall, [counter(3, null)])).toBe(false);
    expect(isOpen(call(5, 42), [counter(3, 103)])).toBe(true);
  });
});
