import { PublicId, PublicRatingInput, Rating } from '@luot/shared';
import type { RawRoute } from '../../http/http-server';
import { readJson, sendError, sendJson } from '../../http/http-util';
import type { AddressLimit } from '../limits/address-limit';
import type { RatingService } from './rating-service';

const BODY_LIMIT = 4096;

/** RT8: the phone page rates its own ticket after service, once; no token, limited per address (L5). */
export function ratingRoutes(ratings: RatingService, limit?: AddressLimit): RawRoute[] {
  return [
    {
      method: 'POST',
      path: /^\/api\/public\/tickets\/([^/]*)\/rating$/,
      roles: 'public',
      doc: {
        path: '/api/public/tickets/{publicId}/rating',
        summary: {
          vi: 'Công dân đánh giá mức độ hài lòng sau khi được phục vụ (một lần)',
          en: 'The citizen rates the service once it is done (once)',
        },
        params: { publicId: { schema: PublicId, example: 'AAAAAAAAAAAAAAAA' } },
        body: { content: { 'application/json': PublicRatingInput }, example: { level: 'verySatisfied' } },
        response: { content: { 'application/json': Rating } },
        errors: [
          'BAD_REQUEST',
          'PAYLOAD_TOO_LARGE',
          'TICKET_NOT_FOUND',
          'NOTHING_TO_RATE',
          'RATING_DONE',
          'RATING_CLOSED',
          'RATE_LIMITED',
        ],
      },
      async handle(req, res, match) {
        if (limit?.refuse(req, res)) return;
        // A refusal (RT2, RT4) is a DomainError: the server answers its code.
        const parsed = PublicRatingInput.safeParse(await readJson(req, BODY_LIMIT));
        if (!parsed.success) return sendError(res, 'BAD_REQUEST');
        sendJson(res, 200, ratings.submitPublic(match[1] ?? '', parsed.data));
      },
    },
  ];
}
