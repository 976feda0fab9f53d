import {
  DomainError,
  parseProcedureRow,
  vi,
  type ProcedureImportColumns,
  type ProcedureImportResult,
  type ProcedureRejection,
  type ProcedureRejectReason,
  type ProcedureRow,
} from '@luot/shared';
import { csvItems } from '../dossiers/import/csv-items';
import type { ImportFormat, ImportOptions } from '../dossiers/import/import-dossiers';
import type { ImportReader } from '../dossiers/import/import-item';
import { jsonItems } from '../dossiers/import/json-items';
import { xlsxItems } from '../dossiers/import/xlsx-items';
import { PROCEDURE_SCHEMA } from './procedure-schema';
import { serviceForField, serviceNamed, type ProcedureRepository, type ServiceRef } from './procedure-repository';

/** R3: the service the row names, else the one whose field is the procedure's; 'unknown' when it names none. */
export function serviceOfRow(p: ProcedureRow, services: readonly ServiceRef[]): number | null | 'unknown' {
  if (p.service !== null) return serviceNamed(p.service, services)?.id ?? 'unknown';
  return serviceForField(p.field, services)?.id ?? null;
}

const READERS: Record<ImportFormat, ImportReader> = { json: jsonItems, csv: csvItems, xlsx: xlsxItems };

/** R4: a catalogue is thousands of procedures; a file with more rows than this is not one. */
export const MAX_PROCEDURE_ROWS = 50_000;
/** R4: as D12, a file this broken is refused whole rather than listed. */
export const MAX_PROCEDURE_REJECTED = 10_000;

export interface ProcedureImportOptions extends Omit<ImportOptions, 'onProgress'> {
  /** R4: read and check the file, say what would change, write nothing. */
  preview?: boolean;
}

/**
 * R2–R4: reads a procedure file with the dossier import's readers (the same formats, heading
 * recognition and file-level refusals, D12 D17), rejects bad rows with their Vietnamese reason and
 * keeps the others, and — unless previewing — writes them in one transaction at the end: a reader
 * sees all of an import or none of it.
 */
export async function importProcedures(
  repo: ProcedureRepository,
  source: AsyncIterable<Uint8Array>,
  opts: ProcedureImportOptions & { now: number },
): Promise<ProcedureImportResult> {
  const services = repo.services();
  const byCode = new Map<string, ProcedureRow & { serviceId: number | null }>();
  const rejected: ProcedureRejection[] = [];
  let columns: ProcedureImportColumns | undefined;
  let updated = 0;
  let rows = 0;
  let bytes = 0;
  const maxBytes = opts.maxBytes ?? Number.POSITIVE_INFINITY;
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      bytes += chunk.length;
      if (bytes > maxBytes) throw new DomainError('PAYLOAD_TOO_LARGE');
      yield chunk;
    }
  }
  const reject = (row: number, code: string | null, reason: ProcedureRejectReason): void => {
    rejected.push({ row, code, reason: vi.procedures.rejects[reason] });
    if (rejected.length > MAX_PROCEDURE_REJECTED) {
      throw new DomainError(
        'IMPORT_TOO_MANY_REJECTED',
        `hơn ${MAX_PROCEDURE_REJECTED.toLocaleString('vi-VN')} dòng lỗi, dừng ở dòng ${row}`,
      );
    }
  };
  const header = { ignoreUnknown: opts.ignoreUnknownColumns ?? false, schema: PROCEDURE_SCHEMA };
  for await (const items of READERS[opts.format](counted(), header)) {
    for (const item of items) {
      if (item.kind === 'columns') {
        columns = item.value as unknown as ProcedureImportColumns;
        continue;
      }
      if (item.kind === 'calendar') continue; // a procedure file has none (calendarKey null)
      rows += 1;
      if (rows > MAX_PROCEDURE_ROWS) {
        throw new DomainError(
          'IMPORT_INVALID',
          `hơn ${MAX_PROCEDURE_ROWS.toLocaleString('vi-VN')} thủ tục trong một tệp`,
        );
      }
      if (item.kind === 'reject') {
        reject(item.row, item.code, item.reason === 'columnCount' ? 'columnCount' : 'notAnObject');
        continue;
      }
      const parsed = parseProcedureRow(item.values);
      if (!parsed.ok) {
        reject(item.row, parsed.code, parsed.reason);
        continue;
      }
      const p = parsed.procedure;
      const serviceId = serviceOfRow(p, services);
      if (serviceId === 'unknown') {
        reject(item.row, p.code, 'serviceUnknown');
        continue;
      }
      // R4: a code repeated in the file: the last row wins, counted as an update.
      if (byCode.has(p.code)) updated += 1;
      byCode.set(p.code, { ...p, serviceId });
    }
  }
  let accepted = 0;
  for (const code of byCode.keys()) {
    if (repo.exists(code)) updated += 1;
    else accepted += 1;
  }
  const kept = [...byCode.values()];
  if (!opts.preview && kept.length > 0) repo.save(kept, opts.now);
  return {
    preview: opts.preview ?? false,
    accepted,
    updated,
    rejected,
    withoutService: kept.filter((p) => p.serviceId === null).map((p) => p.code),
    ...(columns ? { columns } : {}),
  };
}
