/**
 * Speech under a burst (SPEC S6): 100 distinct announcements asked of the hub's voice at once
 * (eSpeak NG behind the cache, as `startHub` makes it), after one phrase to start the worker.
 * How long until every request is answered, the process's peak RSS while it runs (worker threads
 * included, sampled every 5 ms), how many were spoken and how many refused with SPEECH_BUSY.
 * Before S6 the same burst took the process past 3.8 GB and lost 39 phrases to timeouts.
 */
import { buildAnnouncement } from '@luot/shared';
import { createSpeech, SpeechBusyError } from '@luot/hub-server';

export interface SpeechBurst {
  ms: number;
  peakRssMb: number;
  /** RSS just before the burst, for scale. */
  baseRssMb: number;
  ok: number;
  busy: number;
  /** Failures other than SPEECH_BUSY: 0 when all is well. */
  failed: number;
}

const mb = (bytes: number): number => Math.round(bytes / 1e6);

export async function benchSpeech(): Promise<{ burst100: SpeechBurst }> {
  const speech = await createSpeech({ dialect: 'north' });
  try {
    await speech.synthesize('Mời công dân có số thứ tự một đến quầy số một');
    const base = process.memoryUsage().rss;
    let peak = base;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const start = performance.now();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) => speech.synthesize(buildAnnouncement(String(1001 + i), 1 + (i % 9)).spoken)),
    );
    const ms = performance.now() - start;
    clearInterval(sample);
    peak = Math.max(peak, process.memoryUsage().rss);
    const rejected = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    const busy = rejected.filter((e) => e instanceof SpeechBusyError).length;
    return {
      burst100: {
        ms: Math.round(ms),
        peakRssMb: mb(peak),
        baseRssMb: mb(base),
        ok: outcomes.length - rejected.length,
        busy,
        failed: rejected.length - busy,
      },
    };
  } finally {
    await speech.close();
  }
}

/** The same, under the name `bench/main.ts` loads each benchmark by. */
export const run = benchSpeech;
