import { announcementOptions, DEFAULT_DISPLAY_CONFIG, fillMessage, vi, type Clock } from '@luot/shared';
import { outcome, type ActionTable } from '../../actions';
import { actorOf, type AuditLog } from '../audit/audit-log';
import type { CentreRepository } from '../centre/centre-repository';
import type { DisplayConfigs } from './display-configs';
import type { DisplayService } from './display-service';

export interface DisplayActionDeps {
  configs: DisplayConfigs;
  display: DisplayService;
  centre: CentreRepository;
  clock: Clock;
  audit: AuditLog;
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
      run: (device, input) => {
        const before = configs.get(input.displayId);
        const change = configs.configure(input);
        // C9: a change that changed something is in the admin audit log, as `luot display set`'s is.
        if (before && JSON.stringify(before.config) !== JSON.stringify(change.config)) {
          const summary = fillMessage(vi.setup.changes.displayChanged, { name: before.name, what: 'cấu hình' });
          deps.audit.record(actorOf(device), 'display.changed', summary);
        }
        return outcome(change, ['displayConfigured', change]);
      },
    },
    'display:sync': {
      roles: ['display', 'admin'],
      run: (_device, input) => outcome(deps.display.sync(input.afterSeq)),
    },
  };
}
