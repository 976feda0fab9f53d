import { writeTransaction, type Db } from '../db/open';
import type { CentreRepository } from '../features/centre/centre-repository';
import { createOfficerRepository } from '../features/officers/officer-repository';
import { DEMO_COUNTERS, DEMO_DISPLAYS, DEMO_OFFICERS, DEMO_PIN, DEMO_SERVICES, DEMO_SETTINGS } from './demo-centre';

/** Seeds the demo centre into an empty database; a database with a centre is left as it is. */
export function seedDemoCentre(db: Db, centre: CentreRepository, now: number): boolean {
  if (centre.settings()) return false;
  writeTransaction(db, () => {
    centre.saveSettings(DEMO_SETTINGS);
    for (const s of DEMO_SERVICES) centre.addService(s);
    for (const c of DEMO_COUNTERS) centre.addCounter(c);
    const insertDisplay = db.prepare('INSERT INTO displays (id, name) VALUES (?, ?)');
    for (const d of DEMO_DISPLAYS) insertDisplay.run(d.id, d.name);
    const officers = createOfficerRepository(db);
    for (const name of DEMO_OFFICERS) officers.add(name, DEMO_PIN, now);
  })();
  return true;
}
