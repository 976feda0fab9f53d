import { buildAnnouncement } from '@luot/shared';
import { existsSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createEspeakEngine, type EspeakOptions } from './espeak-engine';
import { cachedSpeech } from './speech-cache';
import { SpeechBusyError, SpeechError, type SpeechEngine } from './speech-engine';
import { durationMs } from './wav';

const FAULTY_WORKER = new URL('./test-fixtures/faulty-espeak-worker.mjs', import.meta.url);
const phrase = (n: number, counter = 3): string => buildAnnouncement(String(n), counter).spoken;

/** OS threads of this process (Linux): each worker thread is one, so none may outlive close(). */
const threads = (): number => readdirSync('/proc/self/task').length;
const canCountThreads = existsSync('/proc/self/task');

/** Samples the process's RSS (worker threads included) every few ms while `work` runs. */
async function peakRssDuring<T>(work: () => Promise<T>): Promise<{ result: T; baseMb: number; peakMb: number }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, baseMb: base / 1e6, peakMb: peak / 1e6 };
  } finally {
    clearInterval(sample);
  }
}

describe('eSpeak NG worker pool (S6, S7)', () => {
  const open: SpeechEngine[] = [];
  const engine = (options: EspeakOptions = {}): SpeechEngine => {
    const e = createEspeakEngine(options);
    open.push(e);
    return e;
  };
  let threadsBefore = 0;

  afterEach(async () => {
    await Promise.all(open.splice(0).map((e) => e.close()));
    // close() has ended every worker the test started: the thread count is back where it was.
    if (canCountThreads && threadsBefore > 0)
      await expect.poll(threads, { timeout: 5_000 }).toBeLessThanOrEqual(threadsBefore);
    threadsBefore = 0;
  });

  it('S6: a burst of 100 distinct phrases takes workers + queue (1 + 16), refuses the rest at once with SpeechBusyError, speaks every one it took, and memory stays flat', async () => {
    threadsBefore = canCountThreads ? threads() : 0;
    const speech = engine();
    await speech.synthesize('ba'); // a running hub: worker started, module compiled

    const { result, baseMb, peakMb } = await peakRssDuring(() =>
      Promise.allSettled(Array.from({ length: 100 }, (_, i) => speech.synthesize(phrase(2000 + i)))),
    );
    // One eSpeak NG instance costs ~37 MB: before S6, 20 distinct phrases at once grew the
    // process by ~800 MB and 100 by ~3.7 GB. Now one instance at a time, whatever the burst.
    expect(peakMb - baseMb, `RSS ${Math.round(baseMb)} → ${Math.round(peakMb)} MB`).toBeLessThan(400);
    const spoken = result.filter((r) => r.status === 'fulfilled');
    const refused = result.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(spoken).toHaveLength(17);
    expect(refused).toHaveLength(83);
    for (const e of refused) {
      expect(e).toBeInstanceOf(SpeechBusyError);
      expect(e).toMatchObject({ code: 'SPEECH_BUSY' });
    }
    for (const r of spoken) expect(durationMs(r.value)).toBeGreaterThan(2000);
    // First come, first served: the 17 taken are the first 17 asked.
    expect(result.slice(0, 17).every((r) => r.status === 'fulfilled')).toBe(true);
  });

  it('S6: refusing a burst costs nothing: the engine speaks the next phrase after it, the same audio as before for the same phrase (S3)', async () => {
    const speech = engine();
    const first = await speech.synthesize(phrase(1005));
    const burst = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => speech.synthesize(phrase(3000 + i))));
    expect(burst.filter((r) => r.status === 'rejected')).toHaveLength(40 - 17);
    const again = await speech.synthesize(phrase(1005));
    expect(again.data).toEqual(first.data);
  });

  it('S6: the pool and the queue are configurable: 2 workers and 3 waiting take 5 of a burst of 12', async () => {
    threadsBefore = canCountThreads ? threads() : 0;
    const speech = engine({ workers: 2, maxQueue: 3 });
    const burst = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => speech.synthesize(phrase(4000 + i))));
    expect(burst.map((r) => r.status)).toEqual([
      ...Array<string>(5).fill('fulfilled'),
      ...Array<string>(7).fill('rejected'),
    ]);
    if (canCountThreads) expect(threads()).toBeLessThanOrEqual(threadsBefore + 2);
  });

  it('S6: a worker is kept and reused for successive phrases, not one thread per phrase', async () => {
    if (!canCountThreads) return;
    threadsBefore = threads();
    const speech = engine();
    await speech.synthesize('một');
    const withWorker = threads();
    expect(withWorker).toBe(threadsBefore + 1);
    for (let i = 0; i < 5; i++) {
      await speech.synthesize(phrase(5000 + i));
      expect(threads()).toBe(withWorker);
    }
  });

  it('S6: bad pool settings are refused when the engine is made', () => {
    expect(() => createEspeakEngine({ workers: 0 })).toThrow(SpeechError);
    expect(() => createEspeakEngine({ workers: 1.5 })).toThrow(/workers/);
    expect(() => createEspeakEngine({ maxQueue: -1 })).toThrow(/maxQueue/);
  });

  it('S7: a phrase that hangs fails alone after the timeout counted from its start; its worker is replaced and the phrases queued behind it, waiting longer than the timeout, are still spoken', async () => {
    threadsBefore = canCountThreads ? threads() : 0;
    const timeoutMs = 3_000;
    const speech = engine({ workerUrl: FAULTY_WORKER, timeoutMs });
    await speech.synthesize('ba');
    const started = performance.now();
    const hang = speech.synthesize('treo');
    const behind = [1, 2, 3].map((i) => speech.synthesize(phrase(6000 + i)));
    await expect(hang).rejects.toThrow(`eSpeak NG gave no answer within ${timeoutMs} ms`);
    const audio = await Promise.all(behind);
    expect(performance.now() - started).toBeGreaterThan(timeoutMs);
    for (const wav of audio) expect(durationMs(wav)).toBeGreaterThan(2000);
    expect(durationMs(await speech.synthesize('bốn'))).toBeGreaterThan(0);
  });

  it('S7: a worker that crashes fails only its own phrase; the phrase queued behind it and the next one are spoken by a new worker', async () => {
    threadsBefore = canCountThreads ? threads() : 0;
    const speech = engine({ workerUrl: FAULTY_WORKER });
    const crash = speech.synthesize('sập');
    const behind = speech.synthesize(phrase(7001));
    await expect(crash).rejects.toThrow(/eSpeak NG worker failed: worker crashed on cue/);
    expect(durationMs(await behind)).toBeGreaterThan(2000);
    expect(durationMs(await speech.synthesize('năm'))).toBeGreaterThan(0);
  });

  it('S6: close() refuses the phrases still waiting and ends the workers; the engine starts again on the next phrase', async () => {
    threadsBefore = canCountThreads ? threads() : 0;
    const speech = engine();
    const asked = Promise.allSettled([1, 2, 3].map((i) => speech.synthesize(phrase(8000 + i))));
    await speech.close();
    const outcome = await asked;
    expect(outcome.every((r) => r.status === 'rejected' && r.reason instanceof SpeechError)).toBe(true);
    if (canCountThreads) await expect.poll(threads, { timeout: 5_000 }).toBeLessThanOrEqual(threadsBefore);
    expect(durationMs(await speech.synthesize('sáu'))).toBeGreaterThan(0);
  });

  it('V13: behind the cache, a burst of many requests for a few phrases shares one synthesis each and none is refused', async () => {
    const speech = cachedSpeech(engine());
    const asked = Array.from({ length: 100 }, (_, i) => speech.synthesize(phrase(9000 + (i % 5))));
    const audio = await Promise.all(asked);
    for (let i = 5; i < 100; i++) expect(audio[i]).toBe(audio[i % 5]);
  });
});
