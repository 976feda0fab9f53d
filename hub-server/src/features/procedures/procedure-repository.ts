import {
  buildProcedureIndex,
  foldVi,
  searchWords,
  type DossierLevel,
  type Procedure,
  type ProcedureDetail,
  type ProcedureForm,
  type ProcedureIndex,
  type ProcedureList,
  type ProcedureRow,
  type ProcedureSummary,
} from '@luot/shared';
import type { Db } from '../../db/open';

interface ProcedureDbRow {
  code: string;
  name: string;
  field: string;
  level: string | null;
  processing_time: string;
  fees: string;
  documents: string;
  forms: string;
  legal_basis: string;
  service_id: number | null;
}

export interface ServiceRef {
  id: number;
  name: string;
  nameEn: string;
  field: string;
}

/** The largest list `GET /api/procedures` gives (the whole catalogue of a province fits). */
export const MAX_LIST = 5000;

/**
 * R3: the service that receives a procedure of this field when the file does not name one: the
 * service whose field, folded, is the procedure's; else the first (by id) whose field's words all
 * appear in the procedure's field or the other way round ("Hộ tịch" → "Tư pháp – Hộ tịch").
 */
export function serviceForField(field: string, services: readonly ServiceRef[]): ServiceRef | null {
  const f = foldVi(field);
  const exact = services.find((s) => foldVi(s.field) === f);
  if (exact) return exact;
  const words = new Set(searchWords(field));
  return (
    services.find((s) => {
      const sw = searchWords(s.field);
      return sw.length > 0 && (sw.every((w) => words.has(w)) || [...words].every((w) => sw.includes(w)));
    }) ?? null
  );
}

/**
 * R3: the service a file's `service` cell names: a service id, or a service's name or field
 * (folded). Null when it names none.
 */
export function serviceNamed(named: string | number, services: readonly ServiceRef[]): ServiceRef | null {
  if (typeof named === 'number') return services.find((s) => s.id === named) ?? null;
  const n = foldVi(named);
  return services.find((s) => foldVi(s.name) === n) ?? services.find((s) => foldVi(s.field) === n) ?? null;
}

const toProcedure = (r: ProcedureDbRow): Procedure => ({
  code: r.code,
  name: r.name,
  field: r.field,
  level: r.level as DossierLevel | null,
  processingTime: r.processing_time,
  fees: r.fees,
  documents: JSON.parse(r.documents) as string[],
  forms: JSON.parse(r.forms) as ProcedureForm[],
  legalBasis: JSON.parse(r.legal_basis) as string[],
  serviceId: r.service_id,
});

/**
 * The catalogue in the database, and its search index (R6): built once per version of the
 * catalogue — after an import, here or by the `luot` command in another process — never per query.
 */
export function createProcedureRepository(db: Db) {
  const all = db.prepare<[], ProcedureDbRow>('SELECT * FROM procedures');
  const one = db.prepare<[string], ProcedureDbRow>('SELECT * FROM procedures WHERE code = ?');
  const has = db.prepare<[string], { code: string }>('SELECT code FROM procedures WHERE code = ?');
  const drop = db.prepare<[string]>('DELETE FROM procedures WHERE code = ?');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM procedures');
  /** The catalogue's version: changes with every import that wrote something (R4). */
  const version = db.prepare<[], { n: number; at: number | null }>(
    'SELECT COUNT(*) AS n, MAX(updated_at) AS at FROM procedures',
  );
  const servicesQuery = db.prepare<[], { id: number; name: string; name_en: string; field: string }>(
    'SELECT id, name, name_en, field FROM services ORDER BY id',
  );
  const upsert = db.prepare(
    `INSERT INTO procedures (code, name, field, level, processing_time, fees, documents, forms, legal_basis, service_id, updated_at)
     VALUES (@code, @name, @field, @level, @processingTime, @fees, @documents, @forms, @legalBasis, @serviceId, @at)
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, field = excluded.field, level = excluded.level,
       processing_time = excluded.processing_time, fees = excluded.fees, documents = excluded.documents,
       forms = excluded.forms, legal_basis = excluded.legal_basis, service_id = excluded.service_id,
       updated_at = excluded.updated_at`,
  );

  const write = db.transaction((rows: readonly (ProcedureRow & { serviceId: number | null })[], at: number): void => {
    for (const p of rows) {
      upsert.run({
        code: p.code,
        name: p.name,
        field: p.field,
        level: p.level,
        processingTime: p.processingTime,
        fees: p.fees,
        documents: JSON.stringify(p.documents),
        forms: JSON.stringify(p.forms),
        legalBasis: JSON.stringify(p.legalBasis),
        serviceId: p.serviceId,
        at,
      });
    }
  });

  let cached: { key: string; summaries: ProcedureSummary[]; index: ProcedureIndex<ProcedureSummary> } | null = null;

  const services = (): ServiceRef[] =>
    servicesQuery.all().map((s) => ({ id: s.id, name: s.name, nameEn: s.name_en, field: s.field }));

  /** R3: the stored service while it exists, else the field's. */
  const serviceOf = (p: Procedure, refs: readonly ServiceRef[]): ServiceRef | null =>
    (p.serviceId !== null ? refs.find((s) => s.id === p.serviceId) : undefined) ?? serviceForField(p.field, refs);

  const catalogue = () => {
    const v = version.get();
    const refs = services();
    const key = `${v?.n ?? 0}:${v?.at ?? 0}:${refs.map((s) => `${s.id}/${s.field}`).join(',')}`;
    if (cached?.key === key) return cached;
    const summaries = all.all().map((r): ProcedureSummary => {
      const p = toProcedure(r);
      return { code: p.code, name: p.name, field: p.field, level: p.level, serviceId: serviceOf(p, refs)?.id ?? null };
    });
    cached = { key, summaries, index: buildProcedureIndex(summaries) };
    return cached;
  };

  return {
    services,
    count: (): number => count.get()?.n ?? 0,
    exists: (code: string): boolean => has.get(code) !== undefined,
    /** R8: the matches of a query, best first; every procedure by field and name for an empty one. */
    search(query: string, limit?: number): ProcedureList {
      const c = catalogue();
      const max = Math.min(limit ?? (searchWords(query).length === 0 ? MAX_LIST : 50), MAX_LIST);
      return { query, total: c.summaries.length, procedures: c.index.search(query, max).map((h) => h.item) };
    },
    /** R8: one procedure by its code (exactly, else ignoring case and spaces), with its service. */
    detail(code: string, centreName: string): ProcedureDetail | null {
      const row = one.get(code) ?? one.get(code.toUpperCase());
      if (!row) return null;
      const p = toProcedure(row);
      const s = serviceOf(p, services());
      return {
        ...p,
        serviceId: s?.id ?? null,
        serviceName: s?.name ?? null,
        serviceNameEn: s?.nameEn ?? null,
        centreName,
      };
    },
    /** R4: writes procedures (replacing those with the same code) in one transaction. */
    save(rows: readonly (ProcedureRow & { serviceId: number | null })[], at: number): void {
      write(rows, at);
      cached = null;
    },
    /** R13: removes one procedure (in the caller's transaction); false when there is none. */
    remove(code: string): boolean {
      const gone = drop.run(code).changes > 0;
      cached = null;
      return gone;
    },
    /** R12: one stored procedure, as R1 keeps it (its service as stored). */
    get(code: string): Procedure | null {
      const row = one.get(code);
      return row ? toProcedure(row) : null;
    },
  };
}
export type ProcedureRepository = ReturnType<typeof createProcedureRepository>;
