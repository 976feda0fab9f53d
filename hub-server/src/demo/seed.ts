import type { Db } from '../db/open';
import { createAdminPassword } from '../features/admin-access/admin-password';
import { hashSecret } from '../features/secrets/scrypt-hash';
import { COMMAND_LINE } from '../features/audit/audit-log';
import type { CentreRepository } from '../features/centre/centre-repository';
import { createOfficerRepository } from '../features/officers/officer-repository';
import { createSetupStore } from '../features/setup/setup-store';
import { DEMO_ADMIN_PASSWORD, DEMO_SETUP } from './demo-centre';

/**
 * Seeds the demo centre into an empty database by applying its setup document, the way
 * `luot setup apply` does (C8); a database with a centre is left as it is.
 */
export function seedDemoCentre(db: Db, centre: CentreRepository, now: number): boolean {
  // C1: the demo is set up: its admin password too (a demo database made before it gets one now).
  const password = createAdminPassword(db);
  if (!password.exists()) password.saveHash(hashSecret(DEMO_ADMIN_PASSWORD));
  if (centre.settings()) return false;
  const store = createSetupStore(db, { centre, officers: createOfficerRepository(db), clock: { now: () => now } });
  store.apply(DEMO_SETUP, COMMAND_LINE);
  return true;
}
