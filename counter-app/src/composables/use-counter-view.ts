import type { CounterView } from '@luot/shared';
import type { HubConnection } from '@luot/shared/client/connection';
import { onBeforeUnmount, shallowRef } from 'vue';

/**
 * The officer's view of one counter, re-read from the hub whenever anything at the centre
 * changes (a ticket issued, any counter acting) and on every reconnection.
 */
export function useCounterView(hub: HubConnection, counterId: number) {
  const view = shallowRef<CounterView | null>(null);
  let pending = false;
  async function reload(): Promise<void> {
    // Notifications come in bursts; one read in flight is enough.
    if (pending) return;
    pending = true;
    try {
      view.value = await hub.request('counter:view', { counterId });
    } finally {
      pending = false;
    }
  }
  const onChange = (): void => void reload();
  const events = ['connect', 'queue:updated', 'counter:updated', 'ticket:issued'] as const;
  for (const e of events) hub.socket.on(e, onChange);
  onBeforeUnmount(() => {
    for (const e of events) hub.socket.off(e, onChange);
  });
  void reload();
  return { view, reload };
}
