import {
  DomainError,
  DossierImportDocument,
  DossierImportResult,
  DossierLookup,
  DossierStats,
  DossierStatsQuery,
  HTTP_STATUS,
  ImportApiError,
  vi,
  type ErrorCode,
} from '@luot/shared';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { RawRoute } from '../../http/http-server';
import { sendJson } from '../../http/http-util';
import type { Notifier } from '../../realtime/notifier';
import type { AddressLimit } from '../limits/address-limit';
import type { DossierService } from './dossier-service';
import { ImportColumnsError } from './import/columns';
import { formatOfContentType, IMPORT_FORMATS, type ImportFormat } from './import/import-dossiers';

export interface DossierRoutesDeps {
  dossiers: DossierService;
  /** After an import or a push changed dossiers (committed and answered), the walls get the new panel. */
  notify: Pick<Notifier, 'dossiersUpdated'>;
  /** The public look-up's limit per client address (L5). */
  lookupLimit?: AddressLimit;
  /** Largest upload accepted; a million-row CSV is about 110 MB. */
  maxUploadBytes?: number;
}

/** D12: the largest upload; also the cap of a scheduled pull (D21). */
export const DEFAULT_MAX_UPLOAD = 256 * 1024 * 1024;
const MAX_CODE_LENGTH = 100;

const ImportQuery = z.strictObject({
  format: z.enum(IMPORT_FORMATS).optional(),
  ignoreUnknown: z.enum(['0', '1']).optional().meta({
    description:
      'D17: 1 = nhập cả khi tệp CSV/XLSX có cột không nhận ra (các cột đó không được đọc) / import even when a CSV or XLSX file has unknown columns (they are not read)',
  }),
});
const IMPORT_ERRORS: readonly ErrorCode[] = [
  'IMPORT_INVALID',
  'IMPORT_EMPTY',
  'IMPORT_ENCODING',
  'IMPORT_TOO_MANY_REJECTED',
  'CALENDAR_INVALID',
  'PAYLOAD_TOO_LARGE',
];
/** What the two import routes have in common in GET /api/openapi.json. */
const IMPORT_DOC = {
  response: { content: { 'application/json': DossierImportResult } },
  errors: IMPORT_ERRORS,
  errorSchema: ImportApiError,
};
const EXAMPLE_BATCH = {
  dossiers: [
    {
      code: 'HS-0000001',
      field: 'Đất đai',
      level: 'commune',
      channel: 'counter',
      receivedAt: '2024-03-01T08:00:00+07:00',
      processingDays: 5,
    },
  ],
};

/**
 * The dossier REST edge:
 *   POST /api/dossiers                     admin   a JSON batch {calendar?, dossiers: […]}
 *   POST /api/dossiers/import?format=…     admin   a file's raw bytes (JSON, CSV or XLSX; format from
 *                                                  ?format, else the content-type)
 *   GET  /api/stats/dossiers?from&to&groupBy  admin, display
 *   GET  /api/dossiers/:code               public  {code, status, field, due} only
 */
export function dossierRoutes(deps: DossierRoutesDeps): RawRoute[] {
  const upload = async (
    req: IncomingMessage,
    res: ServerResponse,
    format: ImportFormat | null,
    ignoreUnknown: string | null = null,
  ): Promise<void> => {
    let result: DossierImportResult;
    try {
      if (format === null) throw new DomainError('IMPORT_FORMAT');
      if (ignoreUnknown !== null && ignoreUnknown !== '0' && ignoreUnknown !== '1') {
        throw new DomainError('BAD_REQUEST', 'ignoreUnknown: 0 | 1');
      }
      result = await deps.dossiers.import(req, {
        format,
        ignoreUnknownColumns: ignoreUnknown === '1',
        maxBytes: deps.maxUploadBytes ?? DEFAULT_MAX_UPLOAD,
      });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      // The rest of a refused upload is not read (it may be 100 MB of junk): answer, then hang up.
      if (!req.complete) res.setHeader('connection', 'close');
      // The detail says where the file is wrong (line, column, encoding), in Vietnamese; a refused
      // heading row also says how each heading was read (D17).
      const body: ImportApiError = {
        code: e.code,
        message: vi.errors[e.code],
        detail: e.detail ?? null,
        ...(e instanceof ImportColumnsError ? { columns: e.columns } : {}),
      };
      return sendJson(res, HTTP_STATUS[e.code], body);
    }
    sendJson(res, 200, result);
    if (result.accepted + result.updated > 0) deps.notify.dossiersUpdated(deps.dossiers.panel());
  };

  return [
    {
      method: 'POST',
      path: /^\/api\/dossiers$/,
      roles: ['admin'],
      doc: {
        ...IMPORT_DOC,
        path: '/api/dossiers',
        summary: { vi: 'Đẩy một lô hồ sơ (JSON)', en: 'Push a batch of dossiers (JSON)' },
        body: { content: { 'application/json': DossierImportDocument }, example: EXAMPLE_BATCH },
      },
      handle: (req, res) => upload(req, res, 'json'),
    },
    {
      method: 'POST',
      path: /^\/api\/dossiers\/import$/,
      roles: ['admin'],
      doc: {
        ...IMPORT_DOC,
        path: '/api/dossiers/import',
        summary: {
          vi: 'Nhập tệp hồ sơ: JSON, CSV hoặc XLSX (định dạng theo ?format, nếu không thì theo content-type)',
          en: 'Import a dossier file: JSON, CSV or XLSX (format from ?format, else the content-type)',
        },
        query: ImportQuery,
        body: {
          content: {
            'application/json': DossierImportDocument,
            'text/csv': null,
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': null,
          },
          example: EXAMPLE_BATCH,
        },
        errors: [...IMPORT_ERRORS, 'IMPORT_FORMAT', 'IMPORT_COLUMNS', 'IMPORT_UNKNOWN_COLUMNS', 'BAD_REQUEST'],
      },
      handle: (req, res) => {
        const query = new URL(req.url ?? '/', 'http://hub').searchParams;
        const asked = query.get('format');
        const format = asked
          ? (IMPORT_FORMATS as readonly string[]).includes(asked)
            ? (asked as ImportFormat)
            : null
          : formatOfContentType(req.headers['content-type']);
        return upload(req, res, format, query.get('ignoreUnknown'));
      },
    },
    {
      method: 'GET',
      path: /^\/api\/stats\/dossiers$/,
      roles: ['admin', 'display'],
      doc: {
        path: '/api/stats/dossiers',
        summary: {
          vi: 'Số liệu hồ sơ của một kỳ, có thể theo nhóm',
          en: 'Dossier figures of a period, optionally grouped',
        },
        query: DossierStatsQuery,
        queryExample: { from: '2024-01-01', to: '2024-12-31', groupBy: 'field' },
        response: { content: { 'application/json': DossierStats } },
        errors: ['PERIOD_INVALID'],
      },
      handle: (req, res) => {
        const q = new URL(req.url ?? '/', 'http://hub').searchParams;
        sendJson(
          res,
          200,
          deps.dossiers.stats({ from: q.get('from'), to: q.get('to'), groupBy: q.get('groupBy') || undefined }),
        );
      },
    },
    {
      method: 'GET',
      path: /^\/api\/dossiers\/([^/]+)$/,
      roles: 'public',
      doc: {
        path: '/api/dossiers/{code}',
        summary: { vi: 'Tra cứu một hồ sơ theo mã (công khai)', en: 'Look a dossier up by its code (public)' },
        params: { code: { schema: z.string().min(1).max(MAX_CODE_LENGTH), example: 'HS-0000001' } },
        response: { content: { 'application/json': DossierLookup } },
        errors: ['DOSSIER_NOT_FOUND', 'RATE_LIMITED'],
      },
      handle: (req, res, match) => {
        if (deps.lookupLimit?.refuse(req, res)) return;
        let code: string;
        try {
          code = decodeURIComponent(match[1] ?? '')
            .normalize('NFC')
            .trim();
        } catch {
          throw new DomainError('DOSSIER_NOT_FOUND');
        }
        if (code === '' || code.length > MAX_CODE_LENGTH) throw new DomainError('DOSSIER_NOT_FOUND');
        sendJson(res, 200, deps.dossiers.lookup(code));
      },
    },
  ];
}
