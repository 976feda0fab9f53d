import { DomainError } from '@luot/shared';
import { outcome, type ActionTable } from '../../actions';
import type { DisplayService } from '../display/display-service';
import { COUNTER_ROLES } from '../queue/queue-actions';
import type { CounterService } from './counter-service';

type CounterActions = Pick<ActionTable, 'counter:pause' | 'counter:resume' | 'officer:signIn' | 'officer:signOut'>;

/** A counter's own state: open or paused, and the officer at it (Q10). */
export function counterActions(counters: CounterService, display: DisplayService): CounterActions {
  function stateOf(counterId: number) {
    const state = display.counterState(counterId);
    if (!state) throw new DomainError('COUNTER_NOT_FOUND');
    return outcome(state, ...display.counterChanged(counterId));
  }
  return {
    'counter:pause': {
      roles: COUNTER_ROLES,
      run: (device, { counterId }) => {
        counters.pause(counterId, { deviceId: device.id });
        return stateOf(counterId);
      },
    },
    'counter:resume': {
      roles: COUNTER_ROLES,
      run: (device, { counterId }) => {
        counters.resume(counterId, { deviceId: device.id });
        return stateOf(counterId);
      },
    },
    'officer:signIn': {
      roles: COUNTER_ROLES,
      run: (device, { counterId, name, pin, move }) => {
        const { officer, left } = counters.signIn(counterId, name, pin, move === true, { deviceId: device.id });
        // The new counter first, then each it left (Q18): their screens see where the officer went.
        return outcome(
          officer,
          ...display.counterChanged(counterId),
          ...left.flatMap((id) => display.counterChanged(id)),
        );
      },
    },
    'officer:signOut': {
      roles: COUNTER_ROLES,
      run: (device, { counterId }) => {
        counters.signOut(counterId, { deviceId: device.id });
        return stateOf(counterId);
      },
    },
  };
}
