import { DomainError, HTTP_STATUS, vi, type ApiError, type DossierImportResult } from '@luot/shared';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RawRoute } from '../../http/http-server';
import { sendJson } from '../../http/http-util';
import type { Notifier } from '../../realtime/notifier';
import type { DossierService } from './dossier-service';
import { formatOfContentType, IMPORT_FORMATS, type ImportFormat } from './import/import-dossiers';

export interface DossierRoutesDeps {
  dossiers: DossierService;
  /** After an import or a push changed dossiers (committed and answered), the walls get the new panel. */
  notify: Pick<Notifier, 'dossiersUpdated'>;
  /** Largest upload accepted; a million-row CSV is about 110 MB. */
  maxUploadBytes?: number;
}

const DEFAULT_MAX_UPLOAD = 256 * 1024 * 1024;
const MAX_CODE_LENGTH = 100;

/**
 * The dossier REST edge:
 *   POST /api/dossiers                     admin   a JSON batch {calendar?, dossiers: […]}
 *   POST /api/dossiers/import?format=…     admin   a file's raw bytes (JSON, CSV or XLSX; format from
 *                                                  ?format, else the content-type)
 *   GET  /api/stats/dossiers?from&to&groupBy  admin, display
 *   GET  /api/dossiers/:code               public  {code, status, field, due} only
 */
export function dossierRoutes(deps: DossierRoutesDeps): RawRoute[] {
  const upload = async (req: IncomingMessage, res: ServerResponse, format: ImportFormat | null): Promise<void> => {
    let result: DossierImportResult;
    try {
      if (format === null) throw new DomainError('IMPORT_FORMAT');
      result = await deps.dossiers.import(req, { format, maxBytes: deps.maxUploadBytes ?? DEFAULT_MAX_UPLOAD });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      // The rest of a refused upload is not read (it may be 100 MB of junk): answer, then hang up.
      if (!req.complete) res.setHeader('connection', 'close');
      // The detail says where the file is wrong (line, column, encoding), in Vietnamese.
      const body = { code: e.code, message: vi.errors[e.code], detail: e.detail ?? null };
      return sendJson(res, HTTP_STATUS[e.code], body satisfies ApiError & { detail: string | null });
    }
    sendJson(res, 200, result);
    if (result.accepted + result.updated > 0) deps.notify.dossiersUpdated(deps.dossiers.panel());
  };

  return [
    {
      method: 'POST',
      path: /^\/api\/dossiers$/,
      roles: ['admin'],
      handle: (req, res) => upload(req, res, 'json'),
    },
    {
      method: 'POST',
      path: /^\/api\/dossiers\/import$/,
      roles: ['admin'],
      handle: (req, res) => {
        const asked = new URL(req.url ?? '/', 'http://hub').searchParams.get('format');
        const format = asked
          ? ((IMPORT_FORMATS as readonly string[]).includes(asked) ? (asked as ImportFormat) : null)
          : formatOfContentType(req.headers['content-type']);
        return upload(req, res, format);
      },
    },
    {
      method: 'GET',
      path: /^\/api\/stats\/dossiers$/,
      roles: ['admin', 'display'],
      handle: (req, res) => {
        const q = new URL(req.url ?? '/', 'http://hub').searchParams;
        sendJson(res, 200, deps.dossiers.stats({ from: q.get('from'), to: q.get('to'), groupBy: q.get('groupBy') || undefined }));
      },
    },
    {
      method: 'GET',
      path: /^\/api\/dossiers\/([^/]+)$/,
      roles: 'public',
      handle: (_req, res, match) => {
        let code: string;
        try {
          code = decodeURIComponent(match[1] ?? '').normalize('NFC').trim();
        } catch {
          throw new DomainError('DOSSIER_NOT_FOUND');
        }
        if (code === '' || code.length > MAX_CODE_LENGTH) throw new DomainError('DOSSIER_NOT_FOUND');
        sendJson(res, 200, deps.dossiers.lookup(code));
      },
    },
  ];
}
