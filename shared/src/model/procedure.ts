/**
 * An administrative procedure (thủ tục hành chính) of the centre's catalogue (SPEC R1–R4): what a
 * citizen reads before coming, and the service (so the counters) that receives it. Imported from
 * the national or provincial procedure database's exports (JSON, CSV, XLSX) as dossiers are.
 */
import { z } from 'zod';
import { cellText, headingKey, levelOfCell } from './dossier-cells';
import { DossierLevel } from './dossier-kinds';

/** A form to download: its name, and an http(s) address when the export gives one. */
export const ProcedureForm = z.object({ name: z.string().min(1), url: z.string().nullable() });
export type ProcedureForm = z.infer<typeof ProcedureForm>;

/** R1: one procedure as stored and served (`GET /api/procedures/:code`). */
export const Procedure = z.object({
  /** The national database's code, e.g. "1.000894.000.00.00.H12" or "2.000528". */
  code: z.string().min(1).max(100),
  name: z.string().min(1).max(500),
  /** The field (lĩnh vực), e.g. "Hộ tịch". */
  field: z.string().min(1).max(200),
  /** The level that handles it; null when the export does not say. */
  level: DossierLevel.nullable(),
  /** As the export writes it: "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ". */
  processingTime: z.string().max(2000),
  /** As the export writes it: "Miễn lệ phí", "Lệ phí: 8.000 đồng/bản". */
  fees: z.string().max(2000),
  documents: z.array(z.string().min(1)),
  forms: z.array(ProcedureForm),
  legalBasis: z.array(z.string().min(1)),
  /** The service that receives it (R3); null when none of the centre's services does. */
  serviceId: z.number().int().positive().nullable(),
});
export type Procedure = z.infer<typeof Procedure>;

/** Import columns: the JSON key, and the heading a procedure database export most often uses. */
export const PROCEDURE_COLUMNS = {
  code: 'Mã thủ tục',
  name: 'Tên thủ tục',
  field: 'Lĩnh vực',
  level: 'Cấp thực hiện',
  processingTime: 'Thời hạn giải quyết',
  fees: 'Phí, lệ phí',
  documents: 'Thành phần hồ sơ',
  forms: 'Mẫu đơn, tờ khai',
  legalBasis: 'Căn cứ pháp lý',
  service: 'Dịch vụ',
} as const;
export type ProcedureColumn = keyof typeof PROCEDURE_COLUMNS;

/** R2: the other headings exports write for each column, compared folded as D17 compares them. */
export const PROCEDURE_COLUMN_HEADINGS: Readonly<Record<ProcedureColumn, readonly string[]>> = {
  code: ['Mã TTHC', 'Mã số thủ tục', 'Mã thủ tục hành chính', 'Mã số TTHC'],
  name: ['Tên TTHC', 'Tên thủ tục hành chính', 'Thủ tục', 'Thủ tục hành chính'],
  field: ['Tên lĩnh vực', 'Lĩnh vực thực hiện'],
  level: ['Cấp', 'Cấp giải quyết', 'Cơ quan thực hiện cấp'],
  processingTime: ['Thời hạn xử lý', 'Thời gian giải quyết', 'Thời hạn'],
  fees: ['Phí', 'Lệ phí', 'Phí lệ phí', 'Mức phí', 'Phí/lệ phí'],
  documents: ['Hồ sơ', 'Thành phần, số lượng hồ sơ', 'Giấy tờ cần nộp', 'Hồ sơ cần nộp'],
  forms: ['Mẫu đơn', 'Mẫu tờ khai', 'Biểu mẫu', 'Mẫu đơn tờ khai', 'Tờ khai'],
  legalBasis: ['Căn cứ pháp lý của thủ tục', 'Cơ sở pháp lý', 'Văn bản pháp lý'],
  service: ['Dịch vụ tiếp nhận', 'Quầy tiếp nhận', 'Dịch vụ xếp hàng'],
};

/** R2: columns exports carry that the kiosk does not show: recognised and skipped. */
export const PROCEDURE_SKIPPED_HEADINGS: readonly string[] = [
  'STT',
  'TT',
  'Số TT',
  'Số thứ tự',
  'Cơ quan thực hiện',
  'Đối tượng thực hiện',
  'Kết quả thực hiện',
  'Trình tự thực hiện',
  'Cách thức thực hiện',
  'Yêu cầu, điều kiện',
  'Yêu cầu điều kiện',
  'Mức độ',
  'Mức độ dịch vụ công',
  'Loại thủ tục',
  'Ghi chú',
  'Số lượng hồ sơ',
];

const HEADINGS: ReadonlyMap<string, ProcedureColumn | 'skip'> = new Map<string, ProcedureColumn | 'skip'>([
  ...PROCEDURE_SKIPPED_HEADINGS.map((h) => [headingKey(h), 'skip'] as const),
  ...(Object.keys(PROCEDURE_COLUMNS) as ProcedureColumn[]).flatMap((col) =>
    [col, PROCEDURE_COLUMNS[col], ...PROCEDURE_COLUMN_HEADINGS[col]].map((h) => [headingKey(h), col] as const),
  ),
]);

/** R2: the column a heading names, 'skip' for one the catalogue does not need, null when unknown. */
export function procedureColumnOfHeading(heading: string): ProcedureColumn | 'skip' | null {
  return HEADINGS.get(headingKey(heading)) ?? null;
}

/** Why an imported row is not a procedure (R2). Texts in i18n `procedures.rejects`. */
export const PROCEDURE_REJECT_REASONS = [
  'notAnObject',
  'columnCount',
  'codeMissing',
  'codeTooLong',
  'nameMissing',
  'nameTooLong',
  'fieldMissing',
  'fieldTooLong',
  'levelUnknown',
  'textTooLong',
  'listInvalid',
  'formUrlInvalid',
  'serviceUnknown',
] as const;
export type ProcedureRejectReason = (typeof PROCEDURE_REJECT_REASONS)[number];

/** A procedure read from a row, with the service as the file names it (resolved by the hub, R3). */
export type ProcedureRow = Omit<Procedure, 'serviceId'> & { service: string | number | null };

export type ParsedProcedureRow =
  { ok: true; procedure: ProcedureRow } | { ok: false; code: string | null; reason: ProcedureRejectReason };

const MAX_TEXT = 2000;
const MAX_ITEMS = 200;
/** A list item is a line; a cell's list items are its lines, with their bullets or numbers taken off. */
const BULLET = /^\s*(?:[-–•*+]|\(?\d{1,2}[.)]|[a-zđ][.)])\s+/i;

/**
 * R2: a list cell: a JSON list of strings, or text whose lines (or, on one line, its "; "-separated
 * parts) are the items, bullets and numbering removed. Undefined when it is neither.
 */
export function listOfCell(v: unknown): string[] | undefined {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) {
    if (!v.every((x) => typeof x === 'string' || typeof x === 'number')) return undefined;
    return v.map(cellText).filter((s) => s !== '');
  }
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const text = cellText(v);
  if (text === '') return [];
  const lines = text.includes('\n') ? text.split(/\r?\n/) : text.split(/;\s+/);
  return lines.map((l) => l.replace(BULLET, '').trim()).filter((l) => l !== '');
}

const URL_IN_TEXT = /https?:\/\/\S+/i;

/**
 * R2: forms: a JSON list of `{name, url?}` or strings, or a cell with one form a line, "Name — URL"
 * or "Name (URL)" or a bare name. A URL that is not http(s) makes the row invalid.
 */
export function formsOfCell(v: unknown): ProcedureForm[] | 'urlInvalid' | undefined {
  const one = (item: unknown): ProcedureForm | 'urlInvalid' | undefined => {
    if (typeof item === 'string') {
      const text = cellText(item);
      // An address of another kind (ftp:, file:) is not one a citizen's phone can open.
      if (/\b[a-z][a-z0-9+.-]*:\/\/\S*/i.test(text) && !URL_IN_TEXT.test(text)) return 'urlInvalid';
      const url = URL_IN_TEXT.exec(text)?.[0]?.replace(/[).,;]+$/, '') ?? null;
      const name = (url ? text.replace(url, '') : text)
        .replace(/[()[\]]/g, ' ')
        .replace(/\s*[-–—:|]\s*$/, '')
        .replace(/\s+/g, ' ')
        .trim();
      return { name: name || (url ?? ''), url };
    }
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
    const rec = item as Record<string, unknown>;
    const name = cellText(rec.name);
    const url = cellText(rec.url);
    if (name === '') return undefined;
    if (url !== '' && !/^https?:\/\/\S+$/i.test(url)) return 'urlInvalid';
    return { name, url: url === '' ? null : url };
  };
  let items: unknown[];
  if (Array.isArray(v)) items = v;
  else {
    const lines = listOfCell(v);
    if (lines === undefined) return undefined;
    items = lines;
  }
  const out: ProcedureForm[] = [];
  for (const item of items) {
    const f = one(item);
    if (f === undefined || f === 'urlInvalid') return f;
    if (f.name !== '') out.push(f);
  }
  return out;
}

/**
 * R2: validates one imported row. The first failing check, in column order, is the reason; the code
 * is returned with a rejection when the row has one.
 */
export function parseProcedureRow(raw: unknown): ParsedProcedureRow {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, code: null, reason: 'notAnObject' };
  }
  const r = raw as Record<string, unknown>;
  const code = cellText(r.code);
  const fail = (reason: ProcedureRejectReason): ParsedProcedureRow => ({
    ok: false,
    code: code === '' ? null : code,
    reason,
  });
  if (code === '') return fail('codeMissing');
  if (code.length > 100) return fail('codeTooLong');
  const name = cellText(r.name);
  if (name === '') return fail('nameMissing');
  if (name.length > 500) return fail('nameTooLong');
  const field = cellText(r.field);
  if (field === '') return fail('fieldMissing');
  if (field.length > 200) return fail('fieldTooLong');
  let level: DossierLevel | null = null;
  if (cellText(r.level) !== '') {
    const parsed = DossierLevel.safeParse(levelOfCell(r.level));
    if (!parsed.success) return fail('levelUnknown');
    level = parsed.data;
  }
  const processingTime = cellText(r.processingTime);
  const fees = cellText(r.fees);
  if (processingTime.length > MAX_TEXT || fees.length > MAX_TEXT) return fail('textTooLong');
  const documents = listOfCell(r.documents);
  const legalBasis = listOfCell(r.legalBasis);
  const forms = formsOfCell(r.forms);
  if (forms === 'urlInvalid') return fail('formUrlInvalid');
  if (documents === undefined || legalBasis === undefined || forms === undefined) return fail('listInvalid');
  if (documents.length > MAX_ITEMS || legalBasis.length > MAX_ITEMS || forms.length > MAX_ITEMS) {
    return fail('listInvalid');
  }
  if ([...documents, ...legalBasis].some((s) => s.length > MAX_TEXT)) return fail('textTooLong');
  const rawService = r.service;
  const service =
    typeof rawService === 'number' && Number.isInteger(rawService) && rawService > 0
      ? rawService
      : cellText(rawService) === ''
        ? null
        : /^\d+$/.test(cellText(rawService))
          ? Number(cellText(rawService))
          : cellText(rawService);
  return {
    ok: true,
    procedure: { code, name, field, level, processingTime, fees, documents, forms, legalBasis, service },
  };
}
