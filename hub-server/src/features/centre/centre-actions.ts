import { outcome, type ActionTable } from '../../actions';
import type { DisplayService } from '../display/display-service';
import type { QueueService } from '../queue/queue-service';
import { logoUrl } from './centre-logo';
import type { CentreRepository } from './centre-repository';

const ALL_ROLES = ['kiosk', 'counter', 'display', 'admin'] as const;

/** Who a device is, and the centre as every screen draws it. */
export function centreActions(
  centre: CentreRepository,
  queue: QueueService,
  display: DisplayService,
): Pick<ActionTable, 'device:whoami' | 'centre:get'> {
  return {
    'device:whoami': {
      roles: ALL_ROLES,
      run: (device) => outcome({ role: device.role, counterId: device.counterId, label: device.label }),
    },
    'centre:get': {
      roles: ALL_ROLES,
      run: () =>
        outcome({
          centreName: centre.settings()?.name ?? '',
          addressForm: centre.settings()?.addressForm ?? 'congDan',
          publicUrl: centre.settings()?.publicUrl ?? null,
          logoUrl: logoUrl(centre.settings()),
          services: centre.services(),
          counters: display.counterStates(),
          queues: queue.queues(),
          priorityCategories: centre.settings()?.priorityCategories ?? [],
        }),
    },
  };
}
