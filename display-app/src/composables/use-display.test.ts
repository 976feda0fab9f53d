import { DEFAULT_DISPLAY_CONFIG, type CallEvent, type DisplaySetup, type DisplaySync } from '@luot/shared';
import type { HubConnection } from '@luot/shared/client/connection';
import { describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { useDisplay } from './use-display';
import type { HubClock } from './use-hub-clock';

const call = (seq: number): CallEvent => ({
  seq,
  kind: 'call',
  ticketId: seq,
  label: String(1000 + seq),
  number: 1000 + seq,
  serviceId: 1,
  counterId: 1,
  counterNumber: 1,
  at: '2025-03-10T02:00:00.000Z',
});

const setupAnswer = (displayId: number | null): DisplaySetup => ({
  displayId,
  name: 'Màn hình sảnh chính',
  config: DEFAULT_DISPLAY_CONFIG,
  announcement: { template: 'Mời công dân có số thứ tự {số} đến quầy số {quầy}', dialect: 'north' },
  serverTime: 5_000,
});
const syncAnswer = (seq: number, missed: CallEvent[] = []): DisplaySync => ({
  state: {
    centreName: 'Trung tâm',
    addressForm: 'congDan',
    logoUrl: null,
    services: [],
    counters: [],
    lastCalls: [],
    seq,
  },
  missed,
});

/** A hub whose answers arrive only when the test says so, and whose socket events the test fires. */
function fakeHub() {
  const handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  const pending: { name: string; input: unknown; resolve(v: unknown): void }[] = [];
  let connects = 0;
  const socket = {
    connected: true,
    on(event: string, fn: (...args: unknown[]) => void) {
      handlers.set(event, [...(handlers.get(event) ?? []), fn]);
      return socket;
    },
    connect() {
      connects++;
    },
  };
  const hub = {
    socket,
    request: (name: string, input: unknown) => new Promise((resolve) => pending.push({ name, input, resolve })),
  } as unknown as HubConnection;
  const fire = (event: string, ...args: unknown[]): void => {
    for (const fn of handlers.get(event) ?? []) fn(...args);
  };
  /** Answers the oldest request, which must be `name`, and lets the display take its next step. */
  const answer = async (name: string, value: unknown): Promise<unknown> => {
    const next = pending.shift();
    expect(next?.name).toBe(name);
    next!.resolve(value);
    await new Promise((r) => setTimeout(r, 0));
    return next!.input;
  };
  return { hub, fire, answer, connects: () => connects };
}

function setup() {
  const fake = fakeHub();
  const measured: number[] = [];
  const time = {
    clock: { now: () => 0 },
    now: ref(0),
    measure: (t: number) => measured.push(t),
  } as unknown as HubClock;
  const delivered: number[] = [];
  const display = useDisplay(fake.hub, time, (c) => delivered.push(c.seq));
  return { ...fake, display, delivered, measured };
}

describe('useDisplay', () => {
  it('W7: a live call during the reconnect catch-up does not make the wall drop the calls it missed', async () => {
    const { fire, answer, delivered, display } = setup();
    fire('connect');
    await answer('display:get', setupAnswer(1));
    expect(await answer('display:sync', syncAnswer(10))).toEqual({ afterSeq: 0 });

    fire('disconnect', 'transport close');
    fire('connect');
    await answer('display:get', setupAnswer(1));
    // Call 13 is made while the catch-up is on its way; 11 and 12 were made while the wall was away.
    fire('ticket:called', call(13));
    expect(await answer('display:sync', syncAnswer(13, [call(11), call(12), call(13)]))).toEqual({ afterSeq: 10 });
    expect(delivered).toEqual([11, 12, 13]);
    expect(display.state.value?.lastCalls.map((c) => c.seq)).toEqual([13, 12, 11]);
  });

  it("W15: a live call makes its ticket the counter's current at once; a caught-up one leaves the hub's state alone", async () => {
    const { fire, answer, display } = setup();
    const counter = { id: 1, number: 1, name: 'Quầy 1', serviceIds: [1], paused: false, officer: null, current: null };
    const withCounter = (seq: number, missed: CallEvent[] = []): DisplaySync => {
      const sync = syncAnswer(seq, missed);
      return { ...sync, state: { ...sync.state, counters: [counter] } };
    };
    fire('connect');
    await answer('display:get', setupAnswer(1));
    await answer('display:sync', withCounter(10));
    // Live, before the hub's counter:updated: the tile and the big number already have it.
    fire('ticket:called', call(11));
    expect(display.state.value?.counters[0]?.current).toMatchObject({ id: 11, label: '1011', status: 'called' });
    // The counter finished it; then the wall reconnects and catches up on call 11 and 12, both
    // resolved since: the state from the hub stands.
    fire('counter:updated', counter);
    fire('disconnect', 'transport close');
    fire('connect');
    await answer('display:get', setupAnswer(1));
    await answer('display:sync', withCounter(12, [call(12)]));
    expect(display.state.value?.counters[0]?.current).toBeNull();
  });

  it('W5/W6: the setup sets the hub time; a change for this display applies, one for another does not', async () => {
    const { fire, answer, display, measured } = setup();
    fire('connect');
    await answer('display:get', setupAnswer(1));
    await answer('display:sync', syncAnswer(0));
    expect(measured).toEqual([5_000]);
    fire('display:configured', { displayId: 2, config: { ...DEFAULT_DISPLAY_CONFIG, notice: 'khác' } });
    expect(display.setup.value?.config.notice).toBe('');
    fire('display:configured', { displayId: 1, config: { ...DEFAULT_DISPLAY_CONFIG, notice: 'Nghỉ trưa 11 giờ 30' } });
    expect(display.setup.value?.config.notice).toBe('Nghỉ trưa 11 giờ 30');
  });

  it('W9: a socket the hub closed on purpose is reopened by the wall (socket.io reopens the others itself)', () => {
    vi.useFakeTimers();
    try {
      const { fire, connects } = setup();
      fire('disconnect', 'transport close');
      fire('disconnect', 'io server disconnect');
      vi.advanceTimersByTime(999);
      expect(connects()).toBe(0);
      vi.advanceTimersByTime(1);
      expect(connects()).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
