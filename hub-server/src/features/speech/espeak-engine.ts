import type { NumberDialect } from '@luot/shared';
import { Worker } from 'node:worker_threads';
import { checkPhrase, SpeechBusyError, SpeechError, type SpeechEngine } from './speech-engine';
import { parseWav, WavError, type Wav } from './wav';

/** eSpeak NG's Vietnamese voices. */
export const ESPEAK_VOICES = { north: 'vi', south: 'vi-vn-x-south' } as const satisfies Record<NumberDialect, string>;

export interface EspeakOptions {
  voice?: string;
  /** Slower than eSpeak's 175 so a hall with an echo still hears every syllable. */
  wordsPerMinute?: number;
  /**
   * A phrase not back this long after a worker started on it (time spent waiting does not count)
   * is given up and that worker replaced (S7).
   */
  timeoutMs?: number;
  /** Worker threads making phrases side by side, each one phrase at a time (S6): ~40 MB each while busy. */
  workers?: number;
  /** Phrases that may wait for a free worker (S6); one more is refused at once with SpeechBusyError. */
  maxQueue?: number;
  /** The worker script (espeak-worker.mjs); tests put in one that hangs or crashes on cue. */
  workerUrl?: URL;
}

export const ESPEAK_DEFAULTS = { wordsPerMinute: 145, timeoutMs: 15_000, workers: 1, maxQueue: 16 } as const;

function toWav(bytes: Uint8Array): Wav {
  try {
    return parseWav(bytes);
  } catch (e) {
    throw e instanceof WavError ? new SpeechError(`eSpeak NG wrote an unreadable WAV: ${e.message}`) : e;
  }
}

interface Job {
  text: string;
  resolve(bytes: Uint8Array): void;
  reject(e: Error): void;
}

/** One worker thread and the phrase it is making. */
interface Lane {
  worker: Worker | null;
  current: { id: number; job: Job; timer: NodeJS.Timeout } | null;
  /** Set while a worker that timed out, crashed or was closed is being ended: no phrase goes here. */
  stopping: Promise<void> | null;
}

type Reply = { id: number; ok: true; wav: Uint8Array } | { id: number; ok: false; error: string };

/**
 * eSpeak NG (GPL-3.0) as WebAssembly in worker threads: nothing downloaded, nothing installed.
 * Kept behind SpeechEngine so that a centre can replace it with a voice pack or another engine.
 *
 * Bounded (S6, S7): a fixed pool of workers, kept and reused, each making one phrase at a time,
 * and a bounded queue in front of them, so a burst of distinct phrases costs time, never memory.
 */
export function createEspeakEngine(options: EspeakOptions = {}): SpeechEngine {
  const voice = options.voice ?? ESPEAK_VOICES.north;
  const wpm = options.wordsPerMinute ?? ESPEAK_DEFAULTS.wordsPerMinute;
  const timeoutMs = options.timeoutMs ?? ESPEAK_DEFAULTS.timeoutMs;
  const workers = options.workers ?? ESPEAK_DEFAULTS.workers;
  const maxQueue = options.maxQueue ?? ESPEAK_DEFAULTS.maxQueue;
  const workerUrl = options.workerUrl ?? new URL('./espeak-worker.mjs', import.meta.url);
  if (!/^[a-z]{2,3}(-[a-z0-9]+)*$/i.test(voice)) throw new SpeechError(`invalid eSpeak voice name: ${voice}`);
  if (!Number.isInteger(wpm) || wpm < 80 || wpm > 300) throw new SpeechError('wordsPerMinute must be 80–300');
  if (!Number.isInteger(workers) || workers < 1 || workers > 16) throw new SpeechError('workers must be 1–16');
  if (!Number.isInteger(maxQueue) || maxQueue < 0 || maxQueue > 1000) throw new SpeechError('maxQueue must be 0–1000');
  if (!(timeoutMs > 0)) throw new SpeechError('timeoutMs must be positive');
  const args = ['-v', voice, '-s', String(wpm)];

  const lanes: Lane[] = Array.from({ length: workers }, () => ({ worker: null, current: null, stopping: null }));
  const queue: Job[] = [];
  let nextId = 1;

  const isFree = (lane: Lane): boolean => lane.current === null && lane.stopping === null;

  const pump = (): void => {
    for (const lane of lanes) {
      const job = isFree(lane) ? queue.shift() : undefined;
      if (job) run(lane, job);
    }
  };

  /** The phrase on this lane is done: its worker is kept for the next one. */
  const finish = (lane: Lane, id: number, settle: (job: Job) => void): void => {
    const running = lane.current;
    if (!running || running.id !== id) return;
    lane.current = null;
    clearTimeout(running.timer);
    // The worker keeps the process alive only while a phrase is being made (a CLI must exit).
    lane.worker?.unref();
    settle(running.job);
    pump();
  };

  /** Ends a worker that timed out, crashed or is closed; only its own phrase fails (S7). */
  const retire = (lane: Lane, w: Worker, error: Error): void => {
    if (lane.worker !== w) return;
    lane.worker = null;
    const running = lane.current;
    lane.current = null;
    if (running) {
      clearTimeout(running.timer);
      running.job.reject(error);
    }
    // The lane takes the next phrase (on a new worker) once this one is really gone, so a
    // replaced worker never overlaps its successor.
    lane.stopping = w
      .terminate()
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        lane.stopping = null;
        pump();
      });
  };

  const start = (lane: Lane): Worker => {
    const w = new Worker(workerUrl);
    w.on('message', (reply: Reply) => {
      if (lane.worker !== w) return;
      finish(lane, reply.id, (job) =>
        reply.ok ? job.resolve(reply.wav) : job.reject(new SpeechError(`eSpeak NG: ${reply.error}`)),
      );
    });
    w.on('error', (e) => retire(lane, w, new SpeechError(`eSpeak NG worker failed: ${e.message}`)));
    w.on('exit', () => retire(lane, w, new SpeechError('eSpeak NG worker stopped')));
    return w;
  };

  const run = (lane: Lane, job: Job): void => {
    lane.worker ??= start(lane);
    const w = lane.worker;
    const id = nextId++;
    // S7: the clock starts now, when a worker takes the phrase, not when it was asked for.
    const timer = setTimeout(
      () => retire(lane, w, new SpeechError(`eSpeak NG gave no answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    lane.current = { id, job, timer };
    w.ref();
    w.postMessage({ id, text: job.text, args });
  };

  return {
    async synthesize(text) {
      const phrase = checkPhrase(text);
      const bytes = await new Promise<Uint8Array>((resolve, reject) => {
        const job: Job = { text: phrase, resolve, reject };
        const lane = queue.length === 0 ? lanes.find(isFree) : undefined;
        if (lane) return run(lane, job);
        if (queue.length >= maxQueue) {
          return reject(new SpeechBusyError(`eSpeak NG is busy: ${workers} making, ${queue.length} waiting`));
        }
        queue.push(job);
      });
      return toWav(bytes);
    },
    async close() {
      const closed = new SpeechError('eSpeak NG engine closed');
      for (const job of queue.splice(0)) job.reject(closed);
      for (const lane of lanes) if (lane.worker) retire(lane, lane.worker, closed);
      // Every worker being ended, those retired just now and any still going from a timeout.
      await Promise.all(lanes.flatMap((lane) => lane.stopping ?? []));
    },
  };
}
