import { announcementOptions, DEFAULT_DISPLAY_CONFIG, type Clock } from '@luot/shared';
import { outcome, type ActionTable } from '../../actions';
import type { CentreRepository } from '../centre/centre-repository';
import type { DisplayConfigs } from './display-configs';
import type { DisplayService } from './display-service';

export interface DisplayActionDeps {
  configs: DisplayConfigs;
  display: DisplayService;
  centre: CentreRepository;
  clock: Clock;
}

/**
 * The walls' actions (SPEC W5, W6, W8): a display reads its own setup and catches up on missed
 * calls; an admin changes one display's configuration, which is then pushed to every wall.
 */
export function displayActions(
  deps: DisplayActionDeps,
): Pick<ActionTable, 'display:get' | 'display:configure' | 'display:sync'> {
  const { configs } = deps;
  return {
    'display:get': {
      roles: ['display', 'admin'],
      run: (device) => {
        const display = device.displayId === null ? null : configs.get(device.displayId);
        return outcome({
          displayId: display?.id ?? null,
          name: display?.name ?? '',
          config: display?.config ?? DEFAULT_DISPLAY_CONFIG,
          announcement: announcementOptions(deps.centre.settings()),
          serverTime: deps.clock.now(),
        });
      },
    },
    'display:configure': {
      roles: ['admin'],
      run: (_device, input) => {
        const change = configs.configure(input);
        return outcome(change, ['displayConfigured', change]);
      },
    },
    'display:sync': {
      roles: ['display', 'admin'],
      run: (_device, input) => outcome(deps.display.sync(input.afterSeq)),
    },
  };
}
