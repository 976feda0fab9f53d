import { outcome, type ActionTable } from '../../actions';
import type { DossierService } from './dossier-service';

/** The wall's dossier panel on request. */
export function dossierActions(dossiers: DossierService): Pick<ActionTable, 'dossiers:panel'> {
  return {
    'dossiers:panel': {
      roles: ['display', 'admin'],
      run: () => outcome(dossiers.panel()),
    },
  };
}
