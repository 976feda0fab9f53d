import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manualClock, type DossierColumn, type DossierImportColumns } from '@luot/shared';
import { openDatabase, type Db } from '../../src/db/open';
import { createDossierService, type DossierService } from '../../src/features/dossiers/dossier-service';
import type { ImportFormat } from '../../src/features/dossiers/import/import-dossiers';

/** A dossier service on a real SQLite file in a fresh temporary folder. "Today" is 15/03/2024 in Hà Nội. */
export function dossierFixture(): {
  db: Db;
  dir: string;
  service: DossierService;
  clock: ReturnType<typeof manualClock>;
  close(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'luot-dossiers-'));
  const db = openDatabase(join(dir, 'luot.db'));
  const clock = manualClock(Date.parse('2024-03-15T10:00:00+07:00'));
  return {
    db,
    dir,
    clock,
    service: createDossierService(db, clock),
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Bytes as a stream of chunks of a given size, as a file or an upload arrives. */
// eslint-disable-next-line @typescript-eslint/require-await -- an async iterable of bytes already in memory: nothing to wait for
export async function* chunked(data: Uint8Array | string, size = 4096): AsyncGenerator<Uint8Array> {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export const importText = (service: DossierService, text: string | Uint8Array, format: ImportFormat) =>
  service.import(chunked(text), { format });

export const CSV_HEADER = 'code,field,level,channel,receivedAt,processingDays,dueDate,resolvedAt';

const COLUMN_ORDER = CSV_HEADER.split(',') as DossierColumn[];

/** D17: the `columns` of a file whose headings name, in CSV_HEADER's order, the first columns and nothing else. */
export const inOrder = (headings: readonly string[]): DossierImportColumns => ({
  mapped: headings.map((heading, i) => ({ heading, column: COLUMN_ORDER[i] as DossierColumn })),
  skipped: [],
  unknown: [],
});

export const storedCount = (db: Db): number => db.prepare('SELECT COUNT(*) FROM dossiers').pluck().get() as number;
