import { describe, expect, it } from 'vitest';
import { SpeechError, type SpeechEngine } from './speech-engine';
import { durationMs, encodeWav, parseWav, summarizeWav, type Wav } from './wav';

export interface ContractSubject {
  make(): SpeechEngine | Promise<SpeechEngine>;
  /** Two phrases the engine can say, the first clearly longer than the second. */
  long: string;
  short: string;
}

const samplesOf = (w: Wav): Uint8Array => w.data;

/** The behaviour every SpeechEngine owes the hub (SPEC S1–S5). */
export function speechEngineContract(name: string, subject: ContractSubject): void {
  describe(`SpeechEngine contract: ${name}`, () => {
    const withEngine = async (f: (e: SpeechEngine) => Promise<void>): Promise<void> => {
      const engine = await subject.make();
      try {
        await f(engine);
      } finally {
        await engine.close();
      }
    };

    it('S1: a phrase becomes audible 16-bit PCM that survives a WAV round trip', () =>
      withEngine(async (engine) => {
        const wav = await engine.synthesize(subject.long);
        const back = parseWav(encodeWav(wav));
        expect(back.format).toEqual(wav.format);
        expect(back.format.sampleRate).toBeGreaterThanOrEqual(8000);
        expect(durationMs(back)).toBeGreaterThan(500);
        expect(summarizeWav(back).rms).toBeGreaterThan(0.01);
      }));

    it('S2: a longer phrase lasts longer', () =>
      withEngine(async (engine) => {
        const long = await engine.synthesize(subject.long);
        const short = await engine.synthesize(subject.short);
        expect(durationMs(long)).toBeGreaterThan(durationMs(short) * 2);
      }));

    it('S3: the same phrase gives the same audio', () =>
      withEngine(async (engine) => {
        const a = await engine.synthesize(subject.long);
        const b = await engine.synthesize(subject.long);
        expect(samplesOf(b)).toEqual(samplesOf(a));
      }));

    it('S4: phrases asked for at once each get their own audio', () =>
      withEngine(async (engine) => {
        const one = await engine.synthesize(subject.long);
        const two = await engine.synthesize(subject.short);
        const [a, b, c] = await Promise.all([
          engine.synthesize(subject.short),
          engine.synthesize(subject.long),
          engine.synthesize(subject.short),
        ]);
        expect(samplesOf(b)).toEqual(samplesOf(one));
        expect(samplesOf(a)).toEqual(samplesOf(two));
        expect(samplesOf(c)).toEqual(samplesOf(two));
      }));

    it('S5: an empty or overlong phrase is refused with a SpeechError, and the engine still works after', () =>
      withEngine(async (engine) => {
        for (const bad of ['', '   \n', 'số '.repeat(200)]) {
          await expect(engine.synthesize(bad)).rejects.toBeInstanceOf(SpeechError);
        }
        expect(durationMs(await engine.synthesize(subject.short))).toBeGreaterThan(0);
      }));
  });
}
