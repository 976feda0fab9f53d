import {
  buildAnnouncement,
  buildShortAnnouncement,
  DomainError,
  ticketLabel,
  type AnnouncementOptions,
  type CentreSettings,
} from '@luot/shared';
import { z } from 'zod';
import type { RawRoute } from '../../http/http-server';
import { sendError } from '../../http/http-util';
import { announcementAudio } from './announcement-audio';
import { SpeechBusyError, type SpeechEngine } from './speech-engine';
import { encodeWav } from './wav';

/** `?number=1005&counter=3[&form=short]`: a ticket number, a counter number, the form (V16); nothing else. */
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
  /** V16: `short` is "1003, quầy 2" without the chime, for a wall with calls waiting (A7). */
  form: z.enum(['full', 'short']).optional(),
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
        summary: {
          vi: 'Âm thanh lời mời: tiếng chuông và giọng đọc (form=short: chỉ số và quầy, không chuông)',
          en: 'Announcement audio: chime and speech (form=short: number and counter only, no chime)',
        },
        query: AnnouncementAudioQuery,
        queryExample: { number: '1005', counter: '3' },
        response: { content: { 'audio/wav': null } },
        errors: ['BAD_REQUEST', 'SPEECH_BUSY'],
      },
      async handle(req, res) {
        const url = new URL(req.url ?? '/', 'http://hub');
        const query = AnnouncementAudioQuery.safeParse(Object.fromEntries(url.searchParams));
        if (!query.success) return sendError(res, 'BAD_REQUEST');
        const { number, counter, form } = query.data;
        const settings = deps.centreSettings();
        const label = settings ? ticketLabel(number, settings.blockSize, settings.numberFormat) : String(number);
        const short = form === 'short';
        const announcement = (short ? buildShortAnnouncement : buildAnnouncement)(
          label,
          counter,
          deps.announcement?.(),
        );
        const audio = await announcementAudio(deps.engine, announcement, { chime: !short }).catch((e: unknown) => {
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
          // Same number, counter and form, same audio: a recall may reuse it, but not across days.
          'cache-control': 'private, max-age=300',
        });
        res.end(wav);
      },
    },
  ];
}
