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
      run: (device, { counterId, name, pin }) =>
        outcome(counters.signIn(counterId, name, pin, { deviceId: device.id }), ...display.counterChanged(counterId)),
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
