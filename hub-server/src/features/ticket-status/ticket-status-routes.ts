import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RawRoute } from '../../http/http-server';
import { sendError, sendJson } from '../../http/http-util';
import type { TicketStatusService } from './ticket-status';

/**
 * The citizen's phone, no token (P1, P2): `GET /t/<publicId>` is the status page (the kiosk
 * app's second page), `GET /api/public/tickets/<publicId>` its data. An id that is not a
 * ticket's is a 404, the page saying so in words.
 */
export function ticketStatusRoutes(status: TicketStatusService, kioskDist: string | undefined): RawRoute[] {
  return [
    {
      method: 'GET',
      path: /^\/api\/public\/tickets\/([^/]*)$/,
      roles: 'public',
      handle(_req, res, match) {
        const view = status.publicStatus(match[1] ?? '');
        if (!view) return sendError(res, 'TICKET_NOT_FOUND');
        sendJson(res, 200, view);
      },
    },
    {
      method: 'GET',
      path: /^\/t\/([^/]*)\/?$/,
      roles: 'public',
      async handle(_req, res, match) {
        const page = kioskDist ? await readFile(join(kioskDist, 'phone.html')).catch(() => null) : null;
        if (!page) {
          res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
          return void res.end('Ứng dụng chưa được build (npm run build).');
        }
        const found = status.publicStatus(match[1] ?? '') !== null;
        res.writeHead(found ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
        res.end(page);
      },
    },
  ];
}
