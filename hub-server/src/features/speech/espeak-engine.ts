import type { NumberDialect } from '@luot/shared';
import { Worker } from 'node:worker_threads';
import { checkPhrase, SpeechError, type SpeechEngine } from './speech-engine';
import { parseWav, WavError, type Wav } from './wav';

/** eSpeak NG's Vietnamese voices. */
export const ESPEAK_VOICES = { north: 'vi', south: 'vi-vn-x-south' } as const satisfies Record<NumberDialect, string>;

export interface EspeakOptions {
  voice?: string;
  /** Slower than eSpeak's 175 so a hall with an echo still hears every syllable. */
  wordsPerMinute?: number;
  /** A phrase not back by then is given up and the worker restarted. */
  timeoutMs?: number;
}

function toWav(bytes: Uint8Array): Wav {
  try {
    return parseWav(bytes);
  } catch (e) {
    throw e instanceof WavError ? new SpeechError(`eSpeak NG wrote an unreadable WAV: ${e.message}`) : e;
  }
}

interface Pending {
  resolve(bytes: Uint8Array): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
}

type Reply = { id: number; ok: true; wav: Uint8Array } | { id: number; ok: false; error: string };

/**
 * eSpeak NG (GPL-3.0) as WebAssembly in a worker thread: nothing downloaded, nothing installed.
 * Kept behind SpeechEngine so that a centre can replace it with a voice pack or another engine.
 */
export function createEspeakEngine(options: EspeakOptions = {}): SpeechEngine {
  const voice = options.voice ?? ESPEAK_VOICES.north;
  const wpm = options.wordsPerMinute ?? 145;
  const timeoutMs = options.timeoutMs ?? 15_000;
  if (!/^[a-z]{2,3}(-[a-z0-9]+)*$/i.test(voice)) throw new SpeechError(`invalid eSpeak voice name: ${voice}`);
  if (!Number.isInteger(wpm) || wpm < 80 || wpm > 300) throw new SpeechError('wordsPerMinute must be 80–300');
  const args = ['-v', voice, '-s', String(wpm)];

  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  // The worker keeps the process alive only while a phrase is being made (a CLI must exit).
  const updateRef = (): void => {
    if (pending.size > 0) worker?.ref();
    else worker?.unref();
  };

  const failAll = (e: Error): void => {
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(e);
    }
    pending.clear();
  };

  const start = (): Worker => {
    const w = new Worker(new URL('./espeak-worker.mjs', import.meta.url));
    w.on('message', (reply: Reply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      clearTimeout(p.timer);
      updateRef();
      if (reply.ok) p.resolve(reply.wav);
      else p.reject(new SpeechError(`eSpeak NG: ${reply.error}`));
    });
    w.on('error', (e) => failAll(new SpeechError(`eSpeak NG worker failed: ${e.message}`)));
    w.on('exit', () => {
      if (worker === w) worker = null;
      failAll(new SpeechError('eSpeak NG worker stopped'));
    });
    return w;
  };

  return {
    async synthesize(text) {
      const phrase = checkPhrase(text);
      worker ??= start();
      const w = worker;
      const id = nextId++;
      const bytes = await new Promise<Uint8Array>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new SpeechError(`eSpeak NG gave no answer within ${timeoutMs} ms`));
          // A stuck worker would hold every later phrase too: start afresh.
          void w.terminate();
        }, timeoutMs);
        pending.set(id, { resolve, reject, timer });
        updateRef();
        w.postMessage({ id, text: phrase, args });
      });
      return toWav(bytes);
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
