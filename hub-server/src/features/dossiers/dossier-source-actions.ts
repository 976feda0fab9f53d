import { ExplainedError } from '@luot/shared';
import { outcome, type ActionTable } from '../../actions';
import type { DossierSourceFeature } from './dossier-source';

/** D21: the admin console's scheduled dossier pull: read and set the source, pull now. */
export function dossierSourceActions(
  source: DossierSourceFeature,
): Pick<ActionTable, 'dossierSource:get' | 'dossierSource:set' | 'dossierSource:pullNow'> {
  return {
    'dossierSource:get': {
      roles: ['admin'],
      run: () => outcome(source.state()),
    },
    'dossierSource:set': {
      roles: ['admin'],
      run: (device, input) => outcome(source.set(input, { deviceId: device.id, actor: device.label })),
    },
    'dossierSource:pullNow': {
      roles: ['admin'],
      // The pull takes up to 30 s: answered at once with `pulling`, its result read with dossierSource:get.
      run: () => {
        if (source.state().source === null) {
          throw new ExplainedError('BAD_REQUEST', 'Chưa cấu hình nguồn hồ sơ.');
        }
        void source.pullNow();
        return outcome(source.state());
      },
    },
  };
}
