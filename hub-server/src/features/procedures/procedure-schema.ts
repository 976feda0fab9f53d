import { PROCEDURE_COLUMNS, procedureColumnOfHeading, type ProcedureColumn } from '@luot/shared';
import type { ImportSchema } from '../dossiers/import/import-item';

const REQUIRED: readonly ProcedureColumn[] = ['code', 'name', 'field'];

/**
 * R2: a procedure file for the dossier import's readers (CSV, XLSX, JSON): its headings, its
 * required columns, `{"procedures": […]}`. A procedure with its documents and legal basis is
 * longer than a dossier: an element may be 256 KB.
 */
export const PROCEDURE_SCHEMA: ImportSchema = {
  columnOfHeading: procedureColumnOfHeading,
  missing: (present) => REQUIRED.filter((c) => !present.has(c)),
  label: (c) => `${PROCEDURE_COLUMNS[c as ProcedureColumn]} (${c})`,
  listKey: 'procedures',
  calendarKey: null,
  maxElementChars: 256 * 1024,
};
