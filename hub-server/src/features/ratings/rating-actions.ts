import type { ActionTable } from '../../actions';
import { aroundAction, outcome } from '../../actions';
import type { HubEvent } from '../../realtime/notifier';
import type { QueueService } from '../queue/queue-service';
import type { RatingService } from './rating-service';

type RatingActions = Pick<ActionTable, 'rating:submit' | 'rating:pending'>;
type Finishing = Pick<ActionTable, 'counter:finish' | 'counter:callNext'>;

/** RT6: the rating request for a ticket just finished, as an event for its counter's devices. */
const requested = (ratings: RatingService, ticketId: number | undefined): HubEvent[] => {
  const request = ticketId === undefined ? null : ratings.requestFor(ticketId);
  return request ? [['ratingRequested', request]] : [];
};

/**
 * RT6: finishing a ticket ("Hoàn thành", or "Gọi tiếp" that ends the one being served, Q7) also
 * asks the counter's rating page to have it rated.
 */
export function withRatingRequests<T extends Finishing>(actions: T, ratings: RatingService, queue: QueueService): T {
  const finishing = aroundAction(actions, 'counter:finish', (finish) => (device, input) => {
    const done = finish(device, input);
    return { ...done, events: [...done.events, ...requested(ratings, done.data.id)] };
  });
  return aroundAction(finishing, 'counter:callNext', (callNext) => (device, input) => {
    const before = queue.current(input.counterId)?.id;
    const done = callNext(device, input);
    return { ...done, events: [...done.events, ...requested(ratings, before)] };
  });
}

/**
 * RT4, RT7: the counter's rating page is a `counter` device bound to its counter (the dispatcher
 * refuses another counter's id), so it rates only its own counter's tickets.
 */
export function ratingActions(ratings: RatingService): RatingActions {
  return {
    'rating:submit': {
      roles: ['counter'],
      run: (device, { counterId, ticketId, level, reason }) =>
        outcome(ratings.submitAtCounter(counterId, ticketId, { level, reason }, 'counter', device.id)),
    },
    'rating:pending': {
      roles: ['counter', 'admin'],
      run: (_device, { counterId }) => outcome(ratings.pending(counterId)),
    },
  };
}
