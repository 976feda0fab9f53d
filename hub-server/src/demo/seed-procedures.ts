import { Readable } from 'node:stream';
import type { Db } from '../db/open';
import { importProcedures } from '../features/procedures/import-procedures';
import { createProcedureRepository } from '../features/procedures/procedure-repository';
import demoProcedures from './demo-procedures.json';

/**
 * R11: the demo centre's sample catalogue (ten procedures over its five services), imported as an
 * admin's upload would be, into an empty catalogue only: a catalogue the demo's user imported stays.
 */
export async function seedDemoProcedures(db: Db, now: number): Promise<boolean> {
  const repo = createProcedureRepository(db);
  if (repo.count() > 0) return false;
  const bytes = new TextEncoder().encode(JSON.stringify(demoProcedures));
  await importProcedures(repo, Readable.from([bytes]), { format: 'json', now });
  return true;
}
