import { buildAnnouncement, DomainError, ticketLabel, type AnnouncementOptions, type CentreSettings } from '@luot/shared';
import { z } from 'zod';
import type { RawRoute } from '../../http/http-server';
import { sendError } from '../../http/http-util';
import { announcementAudio } from './announcement-audio';
import { SpeechBusyError, type SpeechEngine } from './speech-engine';
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
  /** The centre's wording and dialect; the defaults of V10 and V7 when absent. */
  announcement?(): AnnouncementOptions;
}

/**
 * `GET /api/announcements/audio?number=N&counter=M` (display, admin): chime + speech as audio/wav.
 * A display fetches it with its bearer token when a call reaches it. 503 `SPEECH_BUSY` when the
 * speech engine's queue is full (S6).
 */
export function speechRoutes(deps: SpeechRouteDeps): RawRoute[] {
  return [
    {
      method: 'GET',
      path: /^\/api\/announcements\/audio$/,
      roles: ['display', 'admin'],
      doc: {
        path: '/api/announcements/audio',
        summary: { vi: 'Âm thanh lời mời: tiếng chuông và giọng đọc', en: 'Announcement audio: chime and speech' },
        query: AnnouncementAudioQuery,
        queryExample: { number: '1005', counter: '3' },
        response: { content: { 'audio/wav': null } },
        errors: ['BAD_REQUEST', 'SPEECH_BUSY'],
      },
      async handle(req, res) {
        const url = new URL(req.url ?? '/', 'http://hub');
        const query = AnnouncementAudioQuery.safeParse(Object.fromEntries(url.searchParams));
        if (!query.success) return sendError(res, 'BAD_REQUEST');
        const { number, counter } = query.data;
        const settings = deps.centreSettings();
        const label = settings ? ticketLabel(number, settings.blockSize, settings.numberFormat) : String(number);
        const announcement = buildAnnouncement(label, counter, deps.announcement?.());
        const audio = await announcementAudio(deps.engine, announcement).catch((e: unknown) => {
          // S6: too many phrases waiting is 503 SPEECH_BUSY, never a 500; the display skips this
          // clip (A5) and the hub stays up for the next call.
          if (e instanceof SpeechBusyError) {
            res.setHeader('retry-after', '2');
            throw new DomainError('SPEECH_BUSY', e.message);
          }
          throw e;
        });
        const wav = encodeWav(audio);
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
