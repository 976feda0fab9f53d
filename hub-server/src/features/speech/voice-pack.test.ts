import { describe, expect, it } from 'vitest';
import { cachedSpeech } from './speech-cache';
import { SpeechError, type SpeechEngine } from './speech-engine';
import { phraseWords, planClips, preferVoicePack, voicePackFromClips, VoicePackError } from './voice-pack';
import type { Wav } from './wav';

const format = { sampleRate: 8000, channels: 1 };

/** A one-sample clip holding `v`, so a join can be read back as the list of clips used. */
const mark = (v: number, f = format): Wav => {
  const data = new Uint8Array(2 * f.channels);
  new DataView(data.buffer).setInt16(0, v, true);
  return { format: f, data };
};
const marks = (w: Wav): number[] => Array.from(new Int16Array(w.data.slice().buffer));

/** An engine that records what it was asked and answers after the test says so. */
function fakeEngine() {
  const asked: string[] = [];
  const waiting: { text: string; resolve(w: Wav): void; reject(e: Error): void }[] = [];
  const engine: SpeechEngine = {
    synthesize: (text) =>
      new Promise<Wav>((resolve, reject) => {
        asked.push(text);
        waiting.push({ text, resolve, reject });
      }),
    close: async () => {},
  };
  const answer = (text: string, wav: Wav | Error): void => {
    const i = waiting.findIndex((w) => w.text === text);
    if (i < 0) throw new Error(`nobody asked for "${text}"`);
    const [job] = waiting.splice(i, 1);
    if (wav instanceof Error) job?.reject(wav);
    else job?.resolve(wav);
  };
  return { engine, asked, answer };
}

describe('voice pack', () => {
  it('V11: words are matched in NFC lower case, punctuation and line breaks ignored', () => {
    expect(phraseWords('  Mời CÔNG dân,\n số thứ tự: 1005! '.normalize('NFD'))).toEqual(
      ['mời', 'công', 'dân', 'số', 'thứ', 'tự', '1005'].map((w) => w.normalize('NFC')),
    );
  });

  it('V11: the longest recorded phrase wins, and missing words are named', () => {
    const keys = new Set(['mời công dân', 'mời', 'công', 'dân', 'số', 'ba']);
    expect(planClips(['mời', 'công', 'dân', 'số', 'ba'], (k) => keys.has(k), 3)).toEqual({
      keys: ['mời công dân', 'số', 'ba'],
      missing: [],
    });
    expect(planClips(['mời', 'bạn', 'số', 'tư'], (k) => keys.has(k), 3).missing).toEqual(['bạn', 'tư']);
  });

  it('V11: a covered phrase is its clips joined in order with the pack gap', async () => {
    const pack = voicePackFromClips(
      't',
      new Map([
        ['Mời công dân', mark(7)],
        ['số', mark(8)],
        ['ba', mark(9)],
      ]),
      1000 / 8000,
    );
    expect(marks(await pack.synthesize('mời công dân số ba ba'))).toEqual([7, 0, 8, 0, 9, 0, 9]);
    expect(pack.missing('mời công dân số bốn')).toEqual(['bốn']);
    await expect(pack.synthesize('mời công dân số bốn')).rejects.toThrow(SpeechError);
  });

  it('V11: clips of different formats make no pack', () => {
    expect(() =>
      voicePackFromClips(
        't',
        new Map([
          ['một', mark(1)],
          ['hai', mark(2, { sampleRate: 16000, channels: 1 })],
        ]),
        0,
      ),
    ).toThrow(VoicePackError);
  });

  it('V12: the pack speaks what it covers; anything else goes to the fallback engine', async () => {
    const pack = voicePackFromClips(
      't',
      new Map([
        ['số', mark(1)],
        ['ba', mark(3)],
      ]),
      0,
    );
    const fallback = fakeEngine();
    const voice = preferVoicePack(pack, fallback.engine);
    expect(marks(await voice.synthesize('Số ba'))).toEqual([1, 3]);
    const pending = voice.synthesize('số bốn');
    fallback.answer('số bốn', mark(44));
    expect(marks(await pending)).toEqual([44]);
    expect(fallback.asked).toEqual(['số bốn']);
  });
});

describe('speech cache', () => {
  it('V13: displays asking at once share one synthesis, and a recall is served from memory', async () => {
    const inner = fakeEngine();
    const cache = cachedSpeech(inner.engine);
    const all = Promise.all([cache.synthesize('số ba'), cache.synthesize(' số ba '), cache.synthesize('số ba')]);
    inner.answer('số ba', mark(3));
    expect((await all).map(marks)).toEqual([[3], [3], [3]]);
    expect(marks(await cache.synthesize('số ba'))).toEqual([3]);
    expect(inner.asked).toEqual(['số ba']);
  });

  it('V13: the least recently used phrase leaves first when the bound is reached', async () => {
    const inner = fakeEngine();
    const cache = cachedSpeech(inner.engine, { maxEntries: 2 });
    const say = async (t: string): Promise<void> => {
      const before = inner.asked.length;
      const p = cache.synthesize(t);
      if (inner.asked.length > before) inner.answer(t, mark(1));
      await p;
    };
    await say('một');
    await say('hai');
    await say('một');
    await say('ba');
    await say('một');
    await say('hai');
    expect(inner.asked).toEqual(['một', 'hai', 'ba', 'hai']);
  });

  it('V13: a failed synthesis is not remembered', async () => {
    const inner = fakeEngine();
    const cache = cachedSpeech(inner.engine);
    const first = cache.synthesize('ba');
    inner.answer('ba', new SpeechError('boom'));
    await expect(first).rejects.toThrow('boom');
    const second = cache.synthesize('ba');
    inner.answer('ba', mark(3));
    expect(marks(await second)).toEqual([3]);
    expect(inner.asked).toEqual(['ba', 'ba']);
  });
});
