import { DisplayConfigured, DisplayConfigureInput, HTTP_STATUS, Id } from '@luot/shared';
import type { Dispatch } from '../../actions';
import type { HubEvent } from '../../realtime/notifier';
import type { RawRoute } from '../../http/http-server';
import { readJson, sendError, sendJson } from '../../http/http-util';

/**
 * `PUT /api/displays/:id` (admin): body `{counters?, orientation?, notice?}`, fields left out keep
 * their value (SPEC W6). A thin door onto `display:configure`, which validates, stores and pushes.
 * Raw because the generic action routes read a body only for POST.
 */
export function displayRoutes(dispatch: Dispatch, publish: (events: readonly HubEvent[]) => void): RawRoute[] {
  return [
    {
      method: 'PUT',
      path: /^\/api\/displays\/(\d{1,9})$/,
      roles: ['admin'],
      doc: {
        path: '/api/displays/{id}',
        summary: { vi: 'Cấu hình một màn hình sảnh', en: 'Configure a wall display' },
        params: { id: { schema: Id, example: 1 } },
        body: {
          content: { 'application/json': DisplayConfigureInput.omit({ displayId: true }) },
          example: { orientation: 'auto' },
        },
        response: { content: { 'application/json': DisplayConfigured } },
        errors: ['BAD_REQUEST', 'PAYLOAD_TOO_LARGE'],
      },
      async handle(req, res, match, device) {
        const body = await readJson(req, 10_000);
        if (typeof body !== 'object' || body === null || Array.isArray(body) || !device) {
          return sendError(res, 'BAD_REQUEST');
        }
        const { ack, events } = await dispatch('display:configure', device, { ...body, displayId: Number(match[1]) });
        if (!ack.ok) return sendJson(res, HTTP_STATUS[ack.code], { code: ack.code, message: ack.message });
        sendJson(res, 200, ack.data);
        publish(events);
      },
    },
  ];
}
