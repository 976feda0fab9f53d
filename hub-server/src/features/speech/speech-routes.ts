import { buildAnnouncement, ticketLabel, type AnnouncementOptions, type CentreSettings } from '@luot/shared';
import { z } from 'zod';
import type { RawRoute } from '../../http/http-server';
import { sendError } from '../../http/http-util';
import { announcementAudio } from './announcement-audio';
import type { SpeechEngine } from './speech-engine';
import { encodeWav } from './wav';

/** `?number=1005&counter=3`: a ticket number and a counter number, nothing else. */
export const AnnouncementAudioQuery = z.strictObject({
  number: z
    .string()
    .regex(/^\d{1,6}$/)
    .transform(Number)
    .pipe(z.number().int().min(1)),
  counter: z
    .string()
    .regex(/^\d{1,3}$/)
    .transform(Number)
    .pipe(z.number().int().min(1)),
});

export interface SpeechRouteDeps {
  engine: SpeechEngine;
  /** The centre's number format decides the label spoken (1005 or A005). */
  centreSettings(): CentreSettings | null;
  /** The centre's wording and dialect; DOMAIN §6 defaults when absent. */
  announcement?(): AnnouncementOptions;
}

/**
 * `GET /api/announcements/audio?number=N&counter=M` (display, admin): chime + speech as audio/wav.
 * A display fetches it with its bearer token when a call reaches it.
 */
export function speechRoutes(deps: SpeechRouteDeps): RawRoute[] {
  return [
    {
      method: 'GET',
      path: /^\/api\/announcements\/audio$/,
      roles: ['display', 'admin'],
      async handle(req, res) {
        const url = new URL(req.url ?? '/', 'http://hub');
        const query = AnnouncementAudioQuery.safeParse(Object.fromEntries(url.searchParams));
        if (!query.success) return sendError(res, 'BAD_REQUEST');
        const { number, counter } = query.data;
        const settings = deps.centreSettings();
        const label = settings ? ticketLabel(number, settings.blockSize, settings.numberFormat) : String(number);
        const announcement = buildAnnouncement(label, counter, deps.announcement?.());
        const wav = encodeWav(await announcementAudio(deps.engine, announcement));
        res.writeHead(200, {
          'content-type': 'audio/wav',
          'content-length': wav.length,
          // Same number and counter, same audio: a recall may reuse it, but not across days.
          'cache-control': 'private, max-age=300',
        });
        res.end(wav);
      },
    },
  ];
}
