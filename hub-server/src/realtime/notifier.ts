import type {
  CallEvent,
  ClientToServerEvents,
  CounterState,
  DisplayConfigured,
  DossierPanel,
  HubAlert,
  PrinterAlert,
  RatingRequest,
  ServerToClientEvents,
  ServiceQueue,
  Ticket,
  TicketPrint,
} from '@luot/shared';
import type { Server } from 'socket.io';
import { counterRoom, deviceRoom, roleRoom } from './rooms';

export type HubIo = Server<ClientToServerEvents, ServerToClientEvents>;

/**
 * What the hub tells the screens, one named method per notification. Features receive this (or
 * return the events it names), never the socket server; every call comes after the commit.
 */
export interface Notifier {
  ticketIssued(ticket: Ticket): void;
  ticketCalled(call: CallEvent): void;
  counterUpdated(counter: CounterState): void;
  queueUpdated(queues: ServiceQueue[]): void;
  dossiersUpdated(panel: DossierPanel): void;
  displayConfigured(change: DisplayConfigured): void;
  /** To the one kiosk whose ticket was printed (or not). */
  printFinished(deviceId: number, print: TicketPrint): void;
  /** To the admins and the counters (K12): a ticket did not reach paper. */
  printerFailed(alert: PrinterAlert): void;
  /** To the admins: the hub cannot do its work (a full disk). */
  hubAlert(alert: HubAlert): void;
  /** C8: the centre's setup changed: every screen reads the centre again. */
  centreChanged(): void;
  /** G2: the device's token was revoked: its open sockets are dropped at once (it cannot reconnect). */
  deviceRevoked(deviceId: number): void;
  /** RT6: to that counter's devices only: a finished ticket may be rated. */
  ratingRequested(request: RatingRequest): void;
}

/** A notification as data: what an action caused, told by the edge after it answered. */
export type HubEvent = { [K in keyof Notifier]: [K, ...Parameters<Notifier[K]>] }[keyof Notifier];

/** Tells each event, in order. */
export function publish(notifier: Notifier, events: readonly HubEvent[]): void {
  for (const [name, ...args] of events) (notifier[name] as (...a: typeof args) => void)(...args);
}

/** The notifier over socket.io rooms: each message goes only to the screens that use it. */
export function createSocketNotifier(io: HubIo): Notifier {
  /** When each alert was last said: a full disk fails every action, the admins hear it once a minute. */
  const alerted = new Map<HubAlert['code'], number>();
  return {
    // H9: a ticket's status page id and priority go only to the staff's screens.
    ticketIssued: (t) => io.to([roleRoom('counter'), roleRoom('admin')]).emit('ticket:issued', t),
    ticketCalled: (c) => io.emit('ticket:called', c),
    counterUpdated: (c) => io.emit('counter:updated', c),
    // The wall shows no queue counts; sparing 50 displays this message halves their call latency.
    queueUpdated: (q) => io.except(roleRoom('display')).emit('queue:updated', q),
    dossiersUpdated: (panel) => io.to([roleRoom('display'), roleRoom('admin')]).emit('dossiers:updated', panel),
    // Each wall keeps only the change addressed to its own display.
    displayConfigured: (change) => io.emit('display:configured', change),
    printFinished: (deviceId, print) => io.to(deviceRoom(deviceId)).emit('print:finished', print),
    printerFailed: (alert) => io.to([roleRoom('counter'), roleRoom('admin')]).emit('printer:failed', alert),
    hubAlert: (alert) => {
      const at = Date.parse(alert.at);
      if (at - (alerted.get(alert.code) ?? -Infinity) < 60_000) return;
      alerted.set(alert.code, at);
      io.to(roleRoom('admin')).emit('hub:alert', alert);
    },
    centreChanged: () => io.emit('centre:changed'),
    deviceRevoked: (deviceId) => io.in(deviceRoom(deviceId)).disconnectSockets(true),
    ratingRequested: (r) => io.to(counterRoom(r.counterId)).emit('rating:requested', r),
  };
}
