import type { Ticket } from '@luot/shared';
import type { ActionDef, ActionTable } from '../../actions';
import type { Notifier } from '../../realtime/notifier';
import type { CounterService } from '../counters/counter-service';
import type { DisplayService } from '../display/display-service';
import type { Actor, QueueService } from './queue-service';

type QueueActions = Pick<
  ActionTable,
  | 'ticket:issue'
  | 'counter:view'
  | 'counter:callNext'
  | 'counter:recall'
  | 'counter:start'
  | 'counter:finish'
  | 'counter:noShow'
  | 'counter:transfer'
  | 'counter:pause'
  | 'counter:resume'
  | 'officer:signIn'
  | 'officer:signOut'
>;

const COUNTER_ROLES = ['counter', 'admin'] as const;
/** How many upcoming tickets an officer sees. */
const UPCOMING = 8;

/** The queue's actions: each runs one transaction, then tells every screen what changed. */
export function queueActions(queue: QueueService, counters: CounterService, display: DisplayService, notify: Notifier): QueueActions {
  /** After a counter changed: its tile, the queue counts, and the call to announce, if any. */
  function changed(counterId: number, callSeq?: number): void {
    if (callSeq !== undefined) {
      const call = display.call(callSeq);
      if (call) notify.ticketCalled(call);
    }
    const state = display.counterState(counterId);
    if (state) notify.counterUpdated(state);
    notify.queueUpdated(queue.queues());
  }
  /** An action on the counter's current ticket: run it, then tell the screens. */
  const onCurrent = (act: (counterId: number, ticketId: number | undefined, actor: Actor) => Ticket) =>
    ({
      roles: COUNTER_ROLES,
      run: (device, { counterId, ticketId }) => {
        const ticket = act(counterId, ticketId, { deviceId: device.id });
        changed(counterId);
        return ticket;
      },
    }) satisfies ActionDef<'counter:start'>;

  function counterState(counterId: number) {
    const state = display.counterState(counterId);
    if (!state) throw new Error(`counter ${counterId} vanished`);
    return state;
  }

  return {
    'ticket:issue': {
      roles: ['kiosk', 'admin'],
      run: (device, input) => {
        const ticket = queue.issue(input, { deviceId: device.id });
        notify.ticketIssued(ticket);
        notify.queueUpdated(queue.queues());
        return ticket;
      },
    },
    'counter:view': {
      roles: COUNTER_ROLES,
      run: (_device, { counterId }) => {
        queue.rollover();
        const counter = counterState(counterId);
        const queues = queue.queues().filter((q) => counter.serviceIds.includes(q.serviceId));
        return { counter, next: queue.upcoming(counter.serviceIds, UPCOMING), queues };
      },
    },
    'counter:callNext': {
      roles: COUNTER_ROLES,
      run: (device, { counterId }) => {
        const { ticket, callSeq } = queue.callNext(counterId, { deviceId: device.id });
        changed(counterId, callSeq);
        return ticket;
      },
    },
    'counter:recall': {
      roles: COUNTER_ROLES,
      run: (device, { counterId, ticketId }) => {
        const { ticket, callSeq } = queue.recall(counterId, ticketId, { deviceId: device.id });
        changed(counterId, callSeq);
        return ticket;
      },
    },
    'counter:start': onCurrent(queue.start),
    'counter:finish': onCurrent(queue.finish),
    'counter:noShow': onCurrent(queue.noShow),
    'counter:transfer': {
      roles: COUNTER_ROLES,
      run: (device, { counterId, serviceId, ticketId }) => {
        const ticket = queue.transfer(counterId, serviceId, ticketId, { deviceId: device.id });
        changed(counterId);
        return ticket;
      },
    },
    'counter:pause': {
      roles: COUNTER_ROLES,
      run: (device, { counterId }) => {
        counters.pause(counterId, { deviceId: device.id });
        changed(counterId);
        return counterState(counterId);
      },
    },
    'counter:resume': {
      roles: COUNTER_ROLES,
      run: (device, { counterId }) => {
        counters.resume(counterId, { deviceId: device.id });
        changed(counterId);
        return counterState(counterId);
      },
    },
    'officer:signIn': {
      roles: COUNTER_ROLES,
      run: (device, { counterId, name, pin }) => {
        const officer = counters.signIn(counterId, name, pin, { deviceId: device.id });
        changed(counterId);
        return officer;
      },
    },
    'officer:signOut': {
      roles: COUNTER_ROLES,
      run: (device, { counterId }) => {
        counters.signOut(counterId, { deviceId: device.id });
        changed(counterId);
        return counterState(counterId);
      },
    },
  };
}
