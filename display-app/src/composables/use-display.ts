import type { CallEvent, CounterState, DisplayState } from '@luot/shared';
import type { HubConnection } from '@luot/shared/client/connection';
import { shallowRef } from 'vue';

/** How many calls the wall lists. */
const LAST_CALLS = 8;

/**
 * The wall's view of the hub. On every (re)connection it asks for what it missed after the
 * last call it saw, so a drop or a hub restart never loses or repeats a call.
 * `onCall` receives each new call exactly once, in seq order.
 */
export function useDisplay(hub: HubConnection, onCall: (call: CallEvent) => void = () => {}) {
  const state = shallowRef<DisplayState | null>(null);
  let lastSeq = 0;

  function accept(call: CallEvent): void {
    if (call.seq <= lastSeq) return;
    lastSeq = call.seq;
    const s = state.value;
    if (s) {
      const lastCalls = [call, ...s.lastCalls.filter((c) => c.seq !== call.seq)].slice(0, LAST_CALLS);
      state.value = { ...s, lastCalls, seq: call.seq };
    }
    onCall(call);
  }
  const patchCounter = (c: CounterState): void => {
    const s = state.value;
    if (s) state.value = { ...s, counters: s.counters.map((x) => (x.id === c.id ? c : x)) };
  };

  async function sync(): Promise<void> {
    const { state: fresh, missed } = await hub.request('display:sync', { afterSeq: lastSeq });
    state.value = fresh;
    // A display that never saw a call starts from now: it does not announce history.
    if (lastSeq === 0) lastSeq = fresh.seq;
    for (const call of missed) accept(call);
  }

  hub.socket.on('connect', () => void sync());
  hub.socket.on('ticket:called', accept);
  hub.socket.on('counter:updated', patchCounter);
  return { state };
}
