import type { CallEvent, CounterState, DisplaySetup, DisplayState } from '@luot/shared';
import type { HubConnection } from '@luot/shared/client/connection';
import { shallowRef } from 'vue';
import { createCallFeed } from '../announce/call-feed';
import type { HubClock } from './use-hub-clock';

/** How many calls the wall keeps (the hub sends as many). */
const LAST_CALLS = 8;
/** A catch-up that fails is tried again this many times, this far apart, before giving up (W7). */
const SYNC_ATTEMPTS = 4;
const SYNC_RETRY_MS = 1500;
/** After the hub closed the socket on purpose, socket.io does not come back by itself (W9). */
const RECONNECT_AFTER_KICK_MS = 1000;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The counter as a call leaves it: the called ticket is its current one. */
const calledAt = (c: CounterState, call: CallEvent): CounterState => ({
  ...c,
  current: {
    id: call.ticketId,
    serviceId: call.serviceId,
    number: call.number,
    label: call.label,
    status: 'called',
    counterId: call.counterId,
  },
});

/**
 * The wall's view of the hub. On every (re)connection it reads its setup (configuration, hub
 * time) and catches up on what it missed after the last call it delivered; live calls that
 * arrive meanwhile are held and merged by seq (SPEC W7). `onCall` receives each new call
 * exactly once, in seq order.
 */
export function useDisplay(hub: HubConnection, time: HubClock, onCall: (call: CallEvent) => void) {
  const state = shallowRef<DisplayState | null>(null);
  const setup = shallowRef<DisplaySetup | null>(null);
  /** Each connection's catch-up; an older one still waiting on a dead socket stands down. */
  let connection = 0;

  const feed = createCallFeed((call) => {
    const s = state.value;
    if (s) {
      const lastCalls = [call, ...s.lastCalls.filter((c) => c.seq !== call.seq)]
        .sort((a, b) => b.seq - a.seq)
        .slice(0, LAST_CALLS);
      // A call newer than the state makes its ticket the counter's current (Q7, Q9) before the
      // hub's counter:updated says so, so tile and big number (W15) agree from the first moment.
      // A caught-up call is already in the state, which may know it was resolved since.
      const counters =
        call.seq > s.seq ? s.counters.map((c) => (c.id === call.counterId ? calledAt(c, call) : c)) : s.counters;
      state.value = { ...s, counters, lastCalls, seq: Math.max(s.seq, call.seq) };
    }
    onCall(call);
  });

  async function catchUp(id: number): Promise<void> {
    feed.syncStarted();
    for (let attempt = 1; attempt <= SYNC_ATTEMPTS; attempt++) {
      try {
        const sentAt = Date.now();
        const fresh = await hub.request('display:get', {});
        if (id !== connection) return;
        time.measure(fresh.serverTime, sentAt, Date.now());
        setup.value = fresh;
        const { state: now, missed } = await hub.request('display:sync', { afterSeq: feed.lastSeq() });
        if (id !== connection) return;
        state.value = now;
        feed.synced(now.seq, missed);
        return;
      } catch {
        if (id !== connection || !hub.socket.connected) return;
        if (attempt < SYNC_ATTEMPTS) await pause(SYNC_RETRY_MS);
      }
    }
    // Still connected but no catch-up: the calls held since are shown and spoken rather than lost.
    if (id === connection) feed.syncFailed();
  }

  const patchCounter = (c: CounterState): void => {
    const s = state.value;
    if (s) state.value = { ...s, counters: s.counters.map((x) => (x.id === c.id ? c : x)) };
  };

  hub.socket.on('connect', () => void catchUp(++connection));
  hub.socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect') setTimeout(() => hub.socket.connect(), RECONNECT_AFTER_KICK_MS);
  });
  // C8: the centre's setup changed (name, services, counters): read setup and state again, as on a
  // reconnection, calls arriving meanwhile held and merged by seq (W7).
  hub.socket.on('centre:changed', () => void catchUp(++connection));
  hub.socket.on('ticket:called', (call) => feed.live(call));
  hub.socket.on('counter:updated', patchCounter);
  hub.socket.on('display:configured', (change) => {
    const s = setup.value;
    // Every wall hears every change; each keeps its own display's (W6).
    if (s && s.displayId === change.displayId) setup.value = { ...s, config: change.config };
  });
  return { state, setup };
}
