import {
  DomainError,
  dossierFacts,
  parseDossierRow,
  vi,
  workingDays,
  type CalendarDays,
  type DossierImportColumns,
  type DossierImportResult,
  type DossierRejection,
  type DossierRejectReason,
} from '@luot/shared';
import { parseCalendar } from '../dossier-calendar';
import type { StagedDossier } from '../dossier-stage';
import type { DossierStore } from '../dossier-store';
import { csvItems } from './csv-items';
import type { ImportReader } from './import-item';
import { jsonItems } from './json-items';
import { xlsxItems } from './xlsx-items';

export const IMPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const READERS: Record<ImportFormat, ImportReader> = { json: jsonItems, csv: csvItems, xlsx: xlsxItems };

/**
 * A file this broken is not the export we expect (100 MB of junk that happens to split into
 * lines): stop reading, keep nothing, rather than list a million reasons.
 */
export const MAX_REJECTED = 10_000;

/** Rows staged per temp-table transaction (small enough that they die young for the GC). */
const STAGE_BATCH = 2_000;

export interface ImportProgress {
  bytes: number;
  rows: number;
}

export interface ImportOptions {
  format: ImportFormat;
  /** Refuse more bytes than this (PAYLOAD_TOO_LARGE); none by default. */
  maxBytes?: number;
  /**
   * D17: import a CSV or XLSX file even though some of its headings are unknown (their columns are
   * not read); without it such a file is refused with IMPORT_UNKNOWN_COLUMNS before any row.
   */
  ignoreUnknownColumns?: boolean;
  onProgress?: (p: ImportProgress) => void;
}

/**
 * D9, D10, D12, D17: streams a file into the store. Bad rows are rejected with their row, code and reason
 * and the good ones kept; a malformed file (encoding, columns, syntax, too many bad rows) throws a
 * DomainError and leaves the stored dossiers as they were. Dossiers are written in one transaction
 * at the end, so a reader sees all of an import or none of it.
 */
export async function importDossiers(
  store: DossierStore,
  source: AsyncIterable<Uint8Array>,
  opts: ImportOptions,
): Promise<DossierImportResult> {
  const progress: ImportProgress = { bytes: 0, rows: 0 };
  const counted = countBytes(source, progress, opts.maxBytes ?? Number.POSITIVE_INFINITY);
  const storedCalendar = store.calendar();
  let days = workingDays(storedCalendar);
  let calendar: CalendarDays | null = null;
  let columns: DossierImportColumns | undefined;
  const rejected: DossierRejection[] = [];
  const reject = (row: number, code: string | null, reason: DossierRejectReason): void => {
    rejected.push({ row, code, reason: vi.dossierRejects[reason] });
    if (rejected.length > MAX_REJECTED) {
      throw new DomainError(
        'IMPORT_TOO_MANY_REJECTED',
        `hơn ${MAX_REJECTED.toLocaleString('vi-VN')} dòng lỗi, dừng ở dòng ${row}`,
      );
    }
  };

  const stage = store.stage();
  try {
    let batch: StagedDossier[] = [];
    const header = { ignoreUnknown: opts.ignoreUnknownColumns ?? false };
    for await (const items of READERS[opts.format](counted, header)) {
      for (const item of items) {
        if (item.kind === 'columns') {
          columns = item.value;
          continue;
        }
        if (item.kind === 'calendar') {
          calendar = parseCalendar(item.value);
          days = workingDays(calendar);
          continue;
        }
        progress.rows += 1;
        if (item.kind === 'reject') {
          reject(item.row, item.code, item.reason);
          continue;
        }
        const parsed = parseDossierRow(item.values);
        if (parsed.ok) batch.push({ record: parsed.dossier, facts: dossierFacts(parsed.dossier, days) });
        else reject(item.row, parsed.code, parsed.reason);
      }
      if (batch.length >= STAGE_BATCH) {
        stage.add(batch);
        batch = [];
        opts.onProgress?.(progress);
      }
    }
    stage.add(batch);
    opts.onProgress?.(progress);
    return { ...stage.merge(calendar, storedCalendar), rejected, ...(columns ? { columns } : {}) };
  } finally {
    stage.drop();
  }
}

async function* countBytes(
  source: AsyncIterable<Uint8Array>,
  progress: ImportProgress,
  maxBytes: number,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    progress.bytes += chunk.length;
    if (progress.bytes > maxBytes) throw new DomainError('PAYLOAD_TOO_LARGE');
    yield chunk;
  }
}

/** The format named by a file's extension, or null. */
export function formatOfFileName(name: string): ImportFormat | null {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  return (IMPORT_FORMATS as readonly string[]).includes(ext ?? '') ? (ext as ImportFormat) : null;
}

/** The format named by a request's content-type, or null. */
export function formatOfContentType(type: string | undefined): ImportFormat | null {
  const t = (type ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (t === 'application/json') return 'json';
  if (t === 'text/csv' || t === 'application/csv') return 'csv';
  if (t === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') return 'xlsx';
  return null;
}
