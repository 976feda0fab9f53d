import type { CallEvent, CounterState } from '@luot/shared';

/**
 * W15: a call is still open while its ticket is its counter's current ticket, called or being
 * served, paused or not. Done, no-show, transferred or cancelled, or another ticket called there,
 * closes it. A counter the wall does not know cannot close it.
 */
export function isOpen(call: CallEvent, counters: readonly CounterState[]): boolean {
  const counter = counters.find((c) => c.id === call.counterId);
  return counter === undefined || counter.current?.id === call.ticketId;
}

/**
 * What the big number shows (W14, W15): the call the voice is saying, when it is saying one, so
 * screen and voice never disagree; otherwise the newest call still open; otherwise nothing.
 * `lastCalls` is newest first, as the hub sends it.
 */
export function heroCall(
  lastCalls: readonly CallEvent[],
  counters: readonly CounterState[],
  speaking: CallEvent | null,
): CallEvent | null {
  if (speaking) return speaking;
  return lastCalls.find((c) => isOpen(c, counters)) ?? null;
}
