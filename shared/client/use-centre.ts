import type { CentreSnapshot, CounterState } from '@luot/shared';
import { shallowRef } from 'vue';
import type { HubConnection } from './connection';
import { useAddressForm } from './i18n';

/**
 * The centre as the hub sees it, kept current: re-read on every (re)connection and whenever its
 * setup changes (`centre:changed`, C8), then patched by the hub's notifications.
 */
export function useCentre(hub: HubConnection) {
  const centre = shallowRef<CentreSnapshot | null>(null);
  const error = shallowRef<string | null>(null);
  // I5: the app speaks in the centre's register, and follows a change of it.
  useAddressForm(() => centre.value?.addressForm);

  async function reload(): Promise<void> {
    try {
      centre.value = await hub.request('centre:get', {});
      error.value = null;
    } catch (e) {
      error.value = (e as Error).message;
    }
  }
  const patchCounter = (c: CounterState): void => {
    if (!centre.value) return;
    centre.value = { ...centre.value, counters: centre.value.counters.map((x) => (x.id === c.id ? c : x)) };
  };

  hub.socket.on('connect', () => void reload());
  // C8: the admin changed the centre (services, counters, names): read it again, no page reload.
  hub.socket.on('centre:changed', () => void reload());
  hub.socket.on('queue:updated', (queues) => {
    if (centre.value) centre.value = { ...centre.value, queues };
  });
  hub.socket.on('counter:updated', patchCounter);
  return { centre, error, reload };
}
