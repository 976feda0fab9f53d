import type { NumberDialect } from '@luot/shared';
import { createEspeakEngine, ESPEAK_VOICES, type EspeakOptions } from './espeak-engine';
import { cachedSpeech, type SpeechCacheOptions } from './speech-cache';
import type { SpeechEngine } from './speech-engine';
import { loadVoicePack, preferVoicePack } from './voice-pack';

export interface SpeechOptions {
  /** Picks eSpeak NG's northern or southern Vietnamese voice. */
  dialect?: NumberDialect;
  /** A folder with manifest.json and clips; used for every phrase it can say whole. */
  voicePackDir?: string;
  /** Voice, speed, and the bounds of S6/S7: `workers` (1), `maxQueue` (16), `timeoutMs` (15 s). */
  espeak?: EspeakOptions;
  cache?: SpeechCacheOptions;
}

/**
 * The hub's voice: voice pack where complete, eSpeak NG otherwise, behind one cache.
 * Rejects with VoicePackError when a pack is configured but unusable.
 *
 * @example
 * const speech = await createSpeech({ dialect: 'north', voicePackDir: 'data/voice-pack' });
 */
export async function createSpeech(options: SpeechOptions = {}): Promise<SpeechEngine> {
  const espeak = createEspeakEngine({ voice: ESPEAK_VOICES[options.dialect ?? 'north'], ...options.espeak });
  const voice = options.voicePackDir ? preferVoicePack(await loadVoicePack(options.voicePackDir), espeak) : espeak;
  return cachedSpeech(voice, options.cache);
}
