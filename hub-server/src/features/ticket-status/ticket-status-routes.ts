import { PublicId, PublicTicketStatus } from '@luot/shared';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RawRoute } from '../../http/http-server';
import type { AddressLimit } from '../limits/address-limit';
import { sendError, sendJson } from '../../http/http-util';
import type { TicketStatusService } from './ticket-status';

/**
 * The citizen's phone, no token (P1, P2): `GET /t/<publicId>` is the status page (the kiosk
 * app's second page), `GET /api/public/tickets/<publicId>` its data. An id that is not a
 * ticket's is a 404, the page saying so in words.
 */
export function ticketStatusRoutes(
  status: TicketStatusService,
  kioskDist: string | undefined,
  limit?: AddressLimit,
): RawRoute[] {
  return [
    {
      method: 'GET',
      path: /^\/api\/public\/tickets\/([^/]*)$/,
      roles: 'public',
      doc: {
        path: '/api/public/tickets/{publicId}',
        summary: { vi: 'Tình trạng một vé (trang của công dân)', en: "A ticket's status (the citizen's page)" },
        params: { publicId: { schema: PublicId, example: 'AAAAAAAAAAAAAAAA' } },
        response: { content: { 'application/json': PublicTicketStatus } },
        errors: ['TICKET_NOT_FOUND', 'RATE_LIMITED'],
      },
      handle(req, res, match) {
        // L5: phones poll this; one address may not flood it.
        if (limit?.refuse(req, res)) return;
        const view = status.publicStatus(match[1] ?? '');
        if (!view) return sendError(res, 'TICKET_NOT_FOUND');
        sendJson(res, 200, view);
      },
    },
    {
      method: 'GET',
      path: /^\/t\/([^/]*)\/?$/,
      roles: 'public',
      doc: {
        path: '/t/{publicId}',
        summary: {
          vi: 'Trang theo dõi vé trên điện thoại (mã QR trên vé)',
          en: "The phone's ticket page (the ticket's QR code)",
        },
        params: { publicId: { schema: PublicId, example: 'AAAAAAAAAAAAAAAA' } },
        response: { content: { 'text/html': null } },
        otherResponses: {
          404: {
            content: { 'text/html': null },
            description: { vi: 'Không có vé này: trang nói bằng lời', en: 'No such ticket: the page says so' },
          },
          503: {
            content: { 'text/plain': null },
            description: { vi: 'Ứng dụng chưa được build', en: 'The app is not built' },
          },
        },
        errors: ['RATE_LIMITED'],
      },
      async handle(req, res, match) {
        if (limit?.refuse(req, res)) return;
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
