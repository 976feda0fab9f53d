import type { Announcement } from '@luot/shared';
import type { SpeechEngine } from './speech-engine';
import { chime, concatWav, type Wav } from './wav';

/** What a display plays for a call (V14): the chime, then the spoken words; the short form (V16) has no chime. */
export async function announcementAudio(
  engine: SpeechEngine,
  announcement: Announcement,
  options: { chime?: boolean } = {},
): Promise<Wav> {
  const speech = await engine.synthesize(announcement.spoken);
  return options.chime === false ? speech : concatWav([chime(speech.format), speech]);
}
