import type { DossierPanel } from '@luot/shared';
import type { HubConnection } from '@luot/shared/client/connection';
import { shallowRef } from 'vue';

/** A centre that has not imported any dossier this year gets its wall space back for the queue. */
const hasFigures = (p: DossierPanel): boolean => p.year.total.received > 0 || p.year.total.pending > 0;

/**
 * The dossier figures for the wall: read on every (re)connection, then replaced whenever the hub
 * says dossiers arrived (an import, a push) or a new day began. Null while there is nothing to show.
 */
export function useDossierPanel(hub: HubConnection) {
  const panel = shallowRef<DossierPanel | null>(null);
  const show = (p: DossierPanel | null): void => {
    panel.value = p && hasFigures(p) ? p : null;
  };
  hub.socket.on('connect', () => {
    hub.request('dossiers:panel', {}).then(show, () => show(null));
  });
  hub.socket.on('dossiers:updated', show);
  return panel;
}
