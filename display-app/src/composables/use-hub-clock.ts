import type { Clock } from '@luot/shared';
import { onBeforeUnmount, ref } from 'vue';

/**
 * W5: the hub's time on the wall. A TV's own clock may be minutes off; the wall measures the
 * offset from each `display:get` answer (the hub's time at the midpoint of the round trip) and
 * uses it for the clock on screen and for judging a call's age (A4).
 */
export function useHubClock(intervalMs = 1000) {
  let offset = 0;
  const clock: Clock = { now: () => Date.now() + offset };
  const now = ref(clock.now());
  const timer = setInterval(() => (now.value = clock.now()), intervalMs);
  onBeforeUnmount(() => clearInterval(timer));

  /** Takes the hub's time from an answer sent at `sentAt` and received at `receivedAt` (local ms). */
  function measure(serverTime: number, sentAt: number, receivedAt: number): void {
    offset = serverTime - (sentAt + receivedAt) / 2;
    now.value = clock.now();
  }
  return { clock, now, measure };
}
export type HubClock = ReturnType<typeof useHubClock>;
