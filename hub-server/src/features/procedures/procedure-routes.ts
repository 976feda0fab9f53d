import {
  DomainError,
  HTTP_STATUS,
  ImportApiError,
  ProcedureDetail,
  ProcedureImportResult,
  ProcedureList,
  ProcedureSearchQuery,
  vi,
  type Clock,
  type ErrorCode,
} from '@luot/shared';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { z } from 'zod';
import type { RawRoute } from '../../http/http-server';
import { sendError, sendJson } from '../../http/http-util';
import { DEFAULT_MAX_UPLOAD } from '../dossiers/dossier-routes';
import { ImportColumnsError } from '../dossiers/import/columns';
import { formatOfContentType, IMPORT_FORMATS, type ImportFormat } from '../dossiers/import/import-dossiers';
import type { AddressLimit } from '../limits/address-limit';
import type { RatePolicy } from '../limits/token-bucket';
import { importProcedures } from './import-procedures';
import { MAX_LIST, type ProcedureRepository } from './procedure-repository';

/**
 * R8: the public catalogue routes per client address (L5's limiter): a kiosk reads the list once
 * per visit, a phone one page; a screen that searches on every keystroke stays well inside it.
 */
export const PROCEDURE_LIMIT: RatePolicy = { perMinute: 120, burst: 60 };

export interface ProcedureRoutesDeps {
  procedures: ProcedureRepository;
  clock: Clock;
  centreName: () => string;
  /** The kiosk app's built folder (its procedure.html is the phone page, R9). */
  kioskDist: string | undefined;
  limit?: AddressLimit;
  maxUploadBytes?: number;
}

const MAX_CODE_LENGTH = 100;
/** A code in the demo catalogue, for the OpenAPI document and its test. */
const EXAMPLE_CODE = '1.000894.000.00.00.H12';
const CodeParam = { code: { schema: z.string().min(1).max(MAX_CODE_LENGTH), example: EXAMPLE_CODE } };

const ImportQuery = z.strictObject({
  format: z.enum(IMPORT_FORMATS).optional(),
  preview: z.enum(['0', '1']).optional().meta({
    description: 'R4: 1 = chỉ xem trước, không ghi gì / preview only, nothing is written',
  }),
  ignoreUnknown: z.enum(['0', '1']).optional().meta({
    description: 'D17: 1 = nhập cả khi có cột không nhận ra / import even with unknown columns',
  }),
});
const IMPORT_ERRORS: readonly ErrorCode[] = [
  'IMPORT_INVALID',
  'IMPORT_EMPTY',
  'IMPORT_ENCODING',
  'IMPORT_FORMAT',
  'IMPORT_COLUMNS',
  'IMPORT_UNKNOWN_COLUMNS',
  'IMPORT_TOO_MANY_REJECTED',
  'PAYLOAD_TOO_LARGE',
  'BAD_REQUEST',
];

/** The code of a path, decoded, NFC, trimmed; null when it cannot be a code. */
function codeOf(raw: string | undefined): string | null {
  let code: string;
  try {
    code = decodeURIComponent(raw ?? '')
      .normalize('NFC')
      .trim();
  } catch {
    return null;
  }
  return code === '' || code.length > MAX_CODE_LENGTH ? null : code;
}

const flag = (v: string | null, name: string): boolean => {
  if (v === null || v === '0') return false;
  if (v === '1') return true;
  throw new DomainError('BAD_REQUEST', `${name}: 0 | 1`);
};

/**
 * The procedure catalogue's edge (R4, R8, R9):
 *   GET  /api/procedures?q=&limit=        public  matches best first (all by field and name without q)
 *   GET  /api/procedures/:code            public  one procedure, with its service
 *   GET  /p/:code                         public  the phone page of a procedure (the kiosk's QR)
 *   POST /api/procedures/import?format=&preview=1   admin   a file's raw bytes (JSON, CSV, XLSX)
 */
export function procedureRoutes(deps: ProcedureRoutesDeps): RawRoute[] {
  const upload = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let result: ProcedureImportResult;
    try {
      const query = new URL(req.url ?? '/', 'http://hub').searchParams;
      const asked = query.get('format');
      const format = asked
        ? (IMPORT_FORMATS as readonly string[]).includes(asked)
          ? (asked as ImportFormat)
          : null
        : formatOfContentType(req.headers['content-type']);
      if (format === null) throw new DomainError('IMPORT_FORMAT');
      result = await importProcedures(deps.procedures, req, {
        format,
        preview: flag(query.get('preview'), 'preview'),
        ignoreUnknownColumns: flag(query.get('ignoreUnknown'), 'ignoreUnknown'),
        maxBytes: deps.maxUploadBytes ?? DEFAULT_MAX_UPLOAD,
        now: deps.clock.now(),
      });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      if (!req.complete) res.setHeader('connection', 'close');
      const body = {
        code: e.code,
        message: vi.errors[e.code],
        detail: e.detail ?? null,
        ...(e instanceof ImportColumnsError ? { columns: e.columns } : {}),
      };
      return sendJson(res, HTTP_STATUS[e.code], body);
    }
    sendJson(res, 200, result);
  };

  return [
    {
      method: 'POST',
      path: /^\/api\/procedures\/import$/,
      roles: ['admin'],
      doc: {
        path: '/api/procedures/import',
        summary: {
          vi: 'Nhập danh mục thủ tục: JSON, CSV hoặc XLSX (?preview=1 chỉ xem trước)',
          en: 'Import the procedure catalogue: JSON, CSV or XLSX (?preview=1 only previews)',
        },
        query: ImportQuery,
        body: {
          content: {
            'application/json': null,
            'text/csv': null,
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': null,
          },
          example: {
            procedures: [{ code: 'X.000001', name: 'Thủ tục mẫu', field: 'Hộ tịch', documents: ['Tờ khai'] }],
          },
        },
        response: { content: { 'application/json': ProcedureImportResult } },
        errors: IMPORT_ERRORS,
        errorSchema: ImportApiError,
      },
      handle: (req, res) => upload(req, res),
    },
    {
      method: 'GET',
      path: /^\/api\/procedures$/,
      roles: 'public',
      doc: {
        path: '/api/procedures',
        summary: {
          vi: 'Tìm thủ tục hành chính, không cần dấu (công khai)',
          en: 'Search the administrative procedures, accents optional (public)',
        },
        query: ProcedureSearchQuery,
        queryExample: { q: 'dang ky ket hon' },
        response: { content: { 'application/json': ProcedureList } },
        errors: ['BAD_REQUEST', 'RATE_LIMITED'],
      },
      handle(req, res) {
        if (deps.limit?.refuse(req, res)) return;
        const q = new URL(req.url ?? '/', 'http://hub').searchParams;
        const text = (q.get('q') ?? '').normalize('NFC');
        const limitText = q.get('limit');
        if (text.length > 200) throw new DomainError('BAD_REQUEST', 'q: tối đa 200 ký tự');
        let limit: number | undefined;
        if (limitText !== null) {
          limit = /^\d+$/.test(limitText) ? Number(limitText) : 0;
          if (limit < 1 || limit > MAX_LIST) throw new DomainError('BAD_REQUEST', `limit: 1–${MAX_LIST}`);
        }
        sendJson(res, 200, deps.procedures.search(text, limit));
      },
    },
    {
      method: 'GET',
      path: /^\/api\/procedures\/([^/]+)$/,
      roles: 'public',
      doc: {
        path: '/api/procedures/{code}',
        summary: { vi: 'Một thủ tục hành chính (công khai)', en: 'One administrative procedure (public)' },
        params: CodeParam,
        response: { content: { 'application/json': ProcedureDetail } },
        errors: ['NOT_FOUND', 'RATE_LIMITED'],
      },
      handle(req, res, match) {
        if (deps.limit?.refuse(req, res)) return;
        const code = codeOf(match[1]);
        const found = code === null ? null : deps.procedures.detail(code, deps.centreName());
        if (!found) return sendError(res, 'NOT_FOUND');
        sendJson(res, 200, found);
      },
    },
    {
      method: 'GET',
      path: /^\/p\/([^/]+)\/?$/,
      roles: 'public',
      doc: {
        path: '/p/{code}',
        summary: {
          vi: 'Trang thủ tục trên điện thoại (mã QR ở kiosk)',
          en: "A procedure's page on the phone (the kiosk's QR code)",
        },
        params: CodeParam,
        response: { content: { 'text/html': null } },
        otherResponses: {
          404: {
            content: { 'text/html': null },
            description: { vi: 'Không có thủ tục này: trang nói bằng lời', en: 'No such procedure: the page says so' },
          },
          503: {
            content: { 'text/plain': null },
            description: { vi: 'Ứng dụng chưa được build', en: 'The app is not built' },
          },
        },
        errors: ['RATE_LIMITED'],
      },
      async handle(req, res, match) {
        if (deps.limit?.refuse(req, res)) return;
        const page = deps.kioskDist ? await readFile(join(deps.kioskDist, 'procedure.html')).catch(() => null) : null;
        if (!page) {
          res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
          return void res.end('Ứng dụng chưa được build (npm run build).');
        }
        const code = codeOf(match[1]);
        const found = code !== null && deps.procedures.detail(code, '') !== null;
        res.writeHead(found ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
        res.end(page);
      },
    },
  ];
}
