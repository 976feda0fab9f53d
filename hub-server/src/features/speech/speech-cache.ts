import { checkPhrase, type SpeechEngine } from './speech-engine';
import type { Wav } from './wav';

export interface SpeechCacheOptions {
  maxEntries?: number;
  maxBytes?: number;
}

/**
 * Remembers recent phrases (V13), least recently used out first, bounded in entries and bytes.
 * Every display fetches the same call at once, and a recall repeats it: one synthesis serves all.
 * In memory only: each call is a new phrase, so a disk cache would mostly grow.
 */
export function cachedSpeech(inner: SpeechEngine, options: SpeechCacheOptions = {}): SpeechEngine {
  const maxEntries = options.maxEntries ?? 64;
  const maxBytes = options.maxBytes ?? 32_000_000;
  const done = new Map<string, Wav>();
  const inFlight = new Map<string, Promise<Wav>>();
  let bytes = 0;

  const remember = (key: string, wav: Wav): void => {
    if (wav.data.length > maxBytes) return;
    done.set(key, wav);
    bytes += wav.data.length;
    // Map iteration is insertion order, so the first key is the least recently used.
    for (const [oldKey, old] of done) {
      if (done.size <= maxEntries && bytes <= maxBytes) break;
      done.delete(oldKey);
      bytes -= old.data.length;
    }
  };

  return {
    async synthesize(text) {
      const key = checkPhrase(text);
      const hit = done.get(key);
      if (hit) {
        done.delete(key);
        done.set(key, hit);
        return hit;
      }
      const running = inFlight.get(key);
      if (running) return running;
      const job = inner.synthesize(key).finally(() => inFlight.delete(key));
      inFlight.set(key, job);
      const wav = await job;
      if (!done.has(key)) remember(key, wav);
      return wav;
    },
    close: () => inner.close(),
  };
}
