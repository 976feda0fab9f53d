import {
  DomainError,
  fillMessage,
  parseProcedureRow,
  PROCEDURE_COLUMNS,
  SetupInvalidError,
  vi,
  type Clock,
  type FieldProblem,
  type Procedure,
  type ProcedureDeleted,
  type ProcedureSaveInput,
} from '@luot/shared';
import { outcome, type ActionTable } from '../../actions';
import { writeTransaction, type Db } from '../../db/open';
import { actorOf, type AuditActor, type AuditLog } from '../audit/audit-log';
import { serviceOfRow } from './import-procedures';
import type { ProcedureRepository } from './procedure-repository';

const ADMIN = ['admin'] as const;

type EditedKey = keyof ProcedureSaveInput['procedure'];
const EDITED_KEYS: readonly EditedKey[] = [
  'code',
  'name',
  'field',
  'level',
  'processingTime',
  'fees',
  'documents',
  'forms',
  'legalBasis',
];
/** A row every import check passes: each field is checked alone in its place (R12). */
const VALID_ROW: Record<EditedKey, unknown> = {
  code: 'X',
  name: 'X',
  field: 'X',
  level: null,
  processingTime: '',
  fees: '',
  documents: [],
  forms: [],
  legalBasis: [],
};

/**
 * R12: the import's row checks (R2, `parseProcedureRow`) applied to a procedure from the console,
 * one field at a time in an otherwise valid row, so that every wrong field is named with the
 * import's Vietnamese reason — not only the first, as a rejected row says.
 */
function problemsOf(p: ProcedureSaveInput['procedure']): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const key of EDITED_KEYS) {
    const checked = parseProcedureRow({ ...VALID_ROW, [key]: p[key] ?? VALID_ROW[key] });
    if (!checked.ok) problems.push({ path: `procedure.${key}`, message: vi.procedures.rejects[checked.reason] });
  }
  return problems;
}

export interface ProcedureActionDeps {
  db: Db;
  clock: Clock;
  procedures: ProcedureRepository;
  audit: AuditLog;
}

/** R12, R13: the admin console edits the catalogue one procedure at a time. Admins only. */
export function procedureActions(deps: ProcedureActionDeps): Pick<ActionTable, 'procedure:save' | 'procedure:delete'> {
  const { db, clock, procedures, audit } = deps;
  const C = vi.procedures.changes;

  const save = writeTransaction(db, (by: AuditActor, input: ProcedureSaveInput): Procedure => {
    const problems = problemsOf(input.procedure);
    const parsed = parseProcedureRow({ ...input.procedure, service: input.serviceId ?? null });
    if (problems.length === 0 && !parsed.ok) {
      // Never expected (each field passed alone), but a row the import would refuse is never stored.
      problems.push({ path: 'procedure', message: vi.procedures.rejects[parsed.reason] });
    }
    let serviceId: number | null = null;
    if (parsed.ok) {
      const found = serviceOfRow(parsed.procedure, procedures.services());
      if (found === 'unknown') problems.push({ path: 'serviceId', message: vi.procedures.rejects.serviceUnknown });
      else serviceId = found;
    }
    if (problems.length > 0 || !parsed.ok) throw new SetupInvalidError(problems, 'BAD_REQUEST');
    const p = parsed.procedure;
    const existed = procedures.exists(p.code);
    procedures.save([{ ...p, serviceId }], clock.now());
    audit.record(
      by,
      existed ? 'procedure.update' : 'procedure.add',
      fillMessage(existed ? C.updated : C.added, { code: p.code, name: p.name }),
    );
    return procedures.get(p.code)!;
  });

  const remove = writeTransaction(db, (by: AuditActor, code: string): ProcedureDeleted => {
    const found = procedures.get(code.normalize('NFC').trim());
    if (!found || !procedures.remove(found.code)) {
      throw new DomainError('NOT_FOUND', `${PROCEDURE_COLUMNS.code} ${code}`);
    }
    audit.record(by, 'procedure.delete', fillMessage(C.removed, { code: found.code, name: found.name }));
    return { code: found.code, name: found.name };
  });

  return {
    'procedure:save': { roles: ADMIN, run: (device, input) => outcome(save(actorOf(device), input)) },
    'procedure:delete': { roles: ADMIN, run: (device, input) => outcome(remove(actorOf(device), input.code)) },
  };
}
