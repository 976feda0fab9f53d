import { announcementOptions, DEFAULT_DISPLAY_CONFIG, type Clock } from '@luot/shared';
import type { ActionTable } from '../../actions';
import type { Db } from '../../db/open';
import type { HubIo } from '../../realtime/notifier';
import type { CentreRepository } from '../centre/centre-repository';
import { createDisplayConfigs } from './display-configs';

export interface DisplayActionDeps {
  db: Db;
  centre: CentreRepository;
  io: HubIo;
  clock: Clock;
}

/**
 * The walls' configuration actions (SPEC W5, W6). A display reads its own setup;
 * an admin changes one display's configuration, which is then pushed to every wall.
 */
export function displayActions(deps: DisplayActionDeps): Pick<ActionTable, 'display:get' | 'display:configure'> {
  const configs = createDisplayConfigs(deps.db, deps.centre);
  return {
    'display:get': {
      roles: ['display', 'admin'],
      run: (device) => {
        const display = device.displayId === null ? null : configs.get(device.displayId);
        return {
          displayId: display?.id ?? null,
          name: display?.name ?? '',
          config: display?.config ?? DEFAULT_DISPLAY_CONFIG,
          announcement: announcementOptions(deps.centre.settings()),
          serverTime: deps.clock.now(),
        };
      },
    },
    'display:configure': {
      roles: ['admin'],
      run: (_device, input) => {
        const change = configs.configure(input);
        // After the commit: each wall keeps only the change addressed to its own display.
        deps.io.emit('display:configured', change);
        return change;
      },
    },
  };
}
