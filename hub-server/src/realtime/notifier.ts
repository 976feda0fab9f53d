import type { CallEvent, DossierPanel, ClientToServerEvents, CounterState, ServerToClientEvents, ServiceQueue, Ticket } from '@luot/shared';
import type { Server } from 'socket.io';
import { roleRoom } from './socket-server';

export type HubIo = Server<ClientToServerEvents, ServerToClientEvents>;

/** Notifications to every connected device; called only after the change is committed. */
export function createNotifier(io: HubIo) {
  return {
    ticketIssued: (t: Ticket) => io.emit('ticket:issued', t),
    ticketCalled: (c: CallEvent) => io.emit('ticket:called', c),
    counterUpdated: (c: CounterState) => io.emit('counter:updated', c),
    // The wall shows no queue counts; sparing 50 displays this message halves their call latency.
    dossiersUpdated: (panel: DossierPanel) => io.to([roleRoom('display'), roleRoom('admin')]).emit('dossiers:updated', panel),
    queueUpdated: (q: ServiceQueue[]) => io.except(roleRoom('display')).emit('queue:updated', q),
  };
}
export type Notifier = ReturnType<typeof createNotifier>;
