import { outcome, type ActionTable } from '../../actions';
import type { AdminAccess } from './admin-access';

/** G6: the admin makes a one-time pairing code for a new device. */
export function adminAccessActions(access: AdminAccess): Pick<ActionTable, 'pairing:create'> {
  return {
    'pairing:create': {
      roles: ['admin'],
      run: (device, input) => outcome(access.createCode(device, input)),
    },
  };
}
