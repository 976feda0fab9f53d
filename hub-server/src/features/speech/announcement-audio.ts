import type { Announcement } from '@luot/shared';
import type { SpeechEngine } from './speech-engine';
import { chime, concatWav, type Wav } from './wav';

/** What a display plays for a call (V14): the chime, then the spoken words. */
export async function announcementAudio(engine: SpeechEngine, announcement: Announcement): Promise<Wav> {
  const speech = await engine.synthesize(announcement.spoken);
  return concatWav([chime(speech.format), speech]);
}
