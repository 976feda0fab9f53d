import type { CallEvent, ClientToServerEvents, CounterState, ServerToClientEvents, ServiceQueue, Ticket } from '@luot/shared';
import type { Server } from 'socket.io';

export type HubIo = Server<ClientToServerEvents, ServerToClientEvents>;

/** Notifications to every connected device; called only after the change is committed. */
export function createNotifier(io: HubIo) {
  return {
    ticketIssued: (t: Ticket) => io.emit('ticket:issued', t),
    ticketCalled: (c: CallEvent) => io.emit('ticket:called', c),
    counterUpdated: (c: CounterState) => io.emit('counter:updated', c),
    queueUpdated: (q: ServiceQueue[]) => io.emit('queue:updated', q),
  };
}
export type Notifier = ReturnType<typeof createNotifier>;
