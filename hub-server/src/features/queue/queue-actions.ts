import { DomainError, type Ticket } from '@luot/shared';
import { outcome, type ActionDef, type ActionTable } from '../../actions';
import type { HubEvent } from '../../realtime/notifier';
import type { DisplayService } from '../display/display-service';
import type { Actor, QueueService } from './queue-service';

type QueueActions = Pick<
  ActionTable,
  | 'ticket:issue'
  | 'counter:view'
  | 'counter:callNext'
  | 'counter:callNumber'
  | 'counter:recallNoShow'
  | 'counter:recall'
  | 'counter:start'
  | 'counter:finish'
  | 'counter:noShow'
  | 'counter:transfer'
  | 'ticket:cancel'
  | 'service:cancelWaiting'
>;

export const COUNTER_ROLES = ['counter', 'admin'] as const;
/** How many upcoming tickets an officer sees. */
const UPCOMING = 8;

/** The queue's actions: each runs one transaction and returns what the screens must learn. */
export function queueActions(queue: QueueService, display: DisplayService): QueueActions {
  /** An action on the counter's current ticket. */
  const onCurrent = (act: (counterId: number, ticketId: number | undefined, actor: Actor) => Ticket) =>
    ({
      roles: COUNTER_ROLES,
      run: (device, { counterId, ticketId }) =>
        outcome(act(counterId, ticketId, { deviceId: device.id }), ...display.counterChanged(counterId)),
    }) satisfies ActionDef<'counter:start'>;

  return {
    'ticket:issue': {
      roles: ['kiosk', 'admin'],
      run: (device, input) => {
        const ticket = queue.issue(input, { deviceId: device.id });
        return outcome(ticket, ['ticketIssued', ticket], ['queueUpdated', queue.queues()]);
      },
    },
    'counter:view': {
      roles: COUNTER_ROLES,
      run: (_device, { counterId }) => {
        // A screen opened after midnight must not list yesterday's tickets (Q8).
        queue.rollover();
        const counter = display.counterState(counterId);
        if (!counter) throw new DomainError('COUNTER_NOT_FOUND');
        const queues = queue.queues().filter((q) => counter.serviceIds.includes(q.serviceId));
        return outcome({
          counter,
          current: queue.current(counterId),
          next: queue.upcoming(counter.serviceIds, UPCOMING),
          queues,
        });
      },
    },
    'counter:callNext': {
      roles: COUNTER_ROLES,
      run: (device, { counterId, resolve }) => {
        const { ticket, callSeq } = queue.callNext(counterId, { deviceId: device.id }, resolve);
        return outcome(ticket, ...display.counterChanged(counterId, callSeq));
      },
    },
    'counter:callNumber': {
      roles: COUNTER_ROLES,
      run: (device, { counterId, number }) => {
        const { ticket, callSeq } = queue.callNumber(counterId, number, { deviceId: device.id });
        return outcome(ticket, ...display.counterChanged(counterId, callSeq));
      },
    },
    'counter:recallNoShow': {
      roles: COUNTER_ROLES,
      run: (device, { counterId, ticketId, number }) => {
        if ((ticketId === undefined) === (number === undefined)) {
          throw new DomainError('BAD_REQUEST', 'exactly one of ticketId and number');
        }
        const which = ticketId !== undefined ? { ticketId } : { number: number! };
        const { ticket, callSeq } = queue.recallNoShow(counterId, which, { deviceId: device.id });
        return outcome(ticket, ...display.counterChanged(counterId, callSeq));
      },
    },
    'counter:recall': {
      roles: COUNTER_ROLES,
      run: (device, { counterId, ticketId }) => {
        const { ticket, callSeq } = queue.recall(counterId, ticketId, { deviceId: device.id });
        return outcome(ticket, ...display.counterChanged(counterId, callSeq));
      },
    },
    'counter:start': onCurrent(queue.start),
    'counter:finish': onCurrent(queue.finish),
    'counter:noShow': onCurrent(queue.noShow),
    'ticket:cancel': {
      roles: ['admin'],
      run: (device, { ticketId, reason }) => {
        const ticket = queue.cancel(ticketId, reason, { deviceId: device.id });
        // A called ticket had a counter: its tile and its officer's screen are told too.
        const told: HubEvent[] =
          ticket.counterId !== null ? display.counterChanged(ticket.counterId) : [['queueUpdated', queue.queues()]];
        return outcome(ticket, ...told);
      },
    },
    'service:cancelWaiting': {
      roles: ['admin'],
      run: (device, { serviceId, reason }) => {
        const cancelled = queue.cancelWaiting(serviceId, reason, { deviceId: device.id });
        const told: HubEvent[] = cancelled > 0 ? [['queueUpdated', queue.queues()]] : [];
        return outcome({ serviceId, cancelled }, ...told);
      },
    },
    'counter:transfer': {
      roles: COUNTER_ROLES,
      run: (device, { counterId, serviceId, ticketId }) =>
        outcome(
          queue.transfer(counterId, serviceId, ticketId, { deviceId: device.id }),
          ...display.counterChanged(counterId),
        ),
    },
  };
}
