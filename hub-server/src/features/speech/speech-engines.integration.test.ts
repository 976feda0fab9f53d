import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEspeakEngine, ESPEAK_VOICES } from './espeak-engine';
import { cachedSpeech } from './speech-cache';
import { speechEngineContract } from './speech-engine.contract';
import { loadVoicePack, MANIFEST_FILE, VoicePackError } from './voice-pack';
import { chime, encodeWav, type PcmFormat } from './wav';

const LONG = 'Mời công dân có số thứ tự một nghìn không trăm linh năm đến quầy số ba';
const SHORT = 'ba';

/** A pack on disk whose "recordings" are tones: one phrase clip, the rest single words. */
async function writePack(format: PcmFormat = { sampleRate: 16000, channels: 1 }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'luot-voice-'));
  const keys = ['Mời công dân có số thứ tự', 'đến quầy số', 'một', 'nghìn', 'không', 'trăm', 'linh', 'năm', 'ba'];
  const clips: Record<string, string> = {};
  for (const [i, key] of keys.entries()) {
    clips[key] = `clip-${i}.wav`;
    await writeFile(join(dir, clips[key]), encodeWav(chime(format)));
  }
  await writeFile(join(dir, MANIFEST_FILE), JSON.stringify({ name: 'Thử nghiệm', gapMs: 30, clips }));
  return dir;
}

speechEngineContract('eSpeak NG (WebAssembly worker)', { make: () => createEspeakEngine(), long: LONG, short: SHORT });
speechEngineContract('voice pack', { make: async () => loadVoicePack(await writePack()), long: LONG, short: SHORT });
speechEngineContract('cache over eSpeak NG', {
  make: () => cachedSpeech(createEspeakEngine()),
  long: LONG,
  short: SHORT,
});

describe('eSpeak NG engine', () => {
  it('V12: the southern voice sounds different from the northern one', async () => {
    const north = createEspeakEngine();
    const south = createEspeakEngine({ voice: ESPEAK_VOICES.south });
    try {
      const [a, b] = await Promise.all([north.synthesize(LONG), south.synthesize(LONG)]);
      expect(b.data).not.toEqual(a.data);
    } finally {
      await Promise.all([north.close(), south.close()]);
    }
  });

  it('S5: an unknown voice is a SpeechError naming the problem, not a hang', async () => {
    const engine = createEspeakEngine({ voice: 'zz-nowhere' });
    try {
      await expect(engine.synthesize(SHORT)).rejects.toThrow(/voice does not exist/);
    } finally {
      await engine.close();
    }
  });

  it('S5: a phrase that outlives the timeout is given up with a SpeechError', async () => {
    const engine = createEspeakEngine({ timeoutMs: 1 });
    try {
      await expect(engine.synthesize(LONG)).rejects.toThrow(/no answer within 1 ms/);
    } finally {
      await engine.close();
    }
  });

  it('S5: a closed engine starts its worker again on the next phrase', async () => {
    const engine = createEspeakEngine();
    try {
      const before = await engine.synthesize(SHORT);
      await engine.close();
      expect((await engine.synthesize(SHORT)).data).toEqual(before.data);
    } finally {
      await engine.close();
    }
  });
});

describe('loadVoicePack', () => {
  it('V11: a pack whose clips differ in format is refused as a whole', async () => {
    const dir = await writePack();
    await writeFile(join(dir, 'clip-3.wav'), encodeWav(chime({ sampleRate: 44100, channels: 1 })));
    await expect(loadVoicePack(dir)).rejects.toThrow(/share one sample rate/);
  });

  it('V11: every broken clip and a bad manifest are reported by file name', async () => {
    const dir = await writePack();
    await writeFile(join(dir, 'clip-0.wav'), 'not audio');
    await writeFile(join(dir, 'clip-8.wav'), '');
    const err = await loadVoicePack(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VoicePackError);
    expect((err as Error).message).toMatch(/clip-0\.wav: not a RIFF/);
    expect((err as Error).message).toMatch(/clip-8\.wav/);

    await writeFile(join(dir, MANIFEST_FILE), JSON.stringify({ name: 'x', clips: { một: '../../etc/passwd.wav' } }));
    await expect(loadVoicePack(dir)).rejects.toThrow(/file name inside the pack folder/);
    await expect(loadVoicePack(join(dir, 'missing'))).rejects.toThrow(VoicePackError);
  });
});
