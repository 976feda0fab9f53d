import { describe, expect, it } from 'vitest';
import { chime, concatWav, durationMs, encodeWav, parseWav, silence, summarizeWav, WavError, type Wav } from './wav';

const mono = { sampleRate: 22050, channels: 1 };

/** A clip whose samples are 1, 2, 3… so joins and slices can be checked sample by sample. */
function ramp(n: number, format = mono): Wav {
  const data = new Uint8Array(n * 2 * format.channels);
  const view = new DataView(data.buffer);
  for (let i = 0; i < n * format.channels; i++) view.setInt16(i * 2, i + 1, true);
  return { format, data };
}

const samples = (w: Wav): number[] => Array.from(new Int16Array(w.data.slice().buffer));

/** A hand-made file: RIFF header then the given chunks. */
function riff(...chunks: [string, Uint8Array, number?][]): Uint8Array {
  const parts = chunks.flatMap(([id, body, size]) => {
    const head = new Uint8Array(8);
    head.set([...id].map((c) => c.charCodeAt(0)));
    new DataView(head.buffer).setUint32(4, size ?? body.length, true);
    return [head, body, body.length % 2 ? new Uint8Array(1) : new Uint8Array(0)];
  });
  const total = 12 + parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  out.set([...'RIFF'].map((c) => c.charCodeAt(0)));
  new DataView(out.buffer).setUint32(4, total - 8, true);
  out.set(
    [...'WAVE'].map((c) => c.charCodeAt(0)),
    8,
  );
  let at = 12;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function fmt(tag = 1, channels = 1, rate = 22050, bits = 16): Uint8Array {
  const b = new Uint8Array(16);
  const v = new DataView(b.buffer);
  v.setUint16(0, tag, true);
  v.setUint16(2, channels, true);
  v.setUint32(4, rate, true);
  v.setUint32(8, (rate * channels * bits) / 8, true);
  v.setUint16(12, (channels * bits) / 8, true);
  v.setUint16(14, bits, true);
  return b;
}

describe('WAV tools', () => {
  it('V14: encode then parse gives back the same format and samples', () => {
    const wav = ramp(100, { sampleRate: 16000, channels: 2 });
    const back = parseWav(encodeWav(wav));
    expect(back.format).toEqual({ sampleRate: 16000, channels: 2 });
    expect(samples(back)).toEqual(samples(wav));
    expect(encodeWav(wav).length).toBe(44 + 400);
  });

  it('V14: parsing skips unknown and odd-sized chunks and clamps an "unknown length" data chunk', () => {
    const pcm = encodeWav(ramp(10)).subarray(44);
    const file = riff(['LIST', new Uint8Array(3)], ['fmt ', fmt()], ['data', pcm, 0xffffffff]);
    const wav = parseWav(file);
    expect(samples(wav)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('V14: a data chunk cut mid-frame keeps only whole frames', () => {
    const pcm = encodeWav(ramp(4, { sampleRate: 8000, channels: 2 })).subarray(44, 44 + 14);
    expect(samples(parseWav(riff(['fmt ', fmt(1, 2, 8000)], ['data', pcm]))).length).toBe(6);
  });

  it('V14: files that are not 16-bit PCM WAV are refused with a reason', () => {
    const cases: [Uint8Array, RegExp][] = [
      [new TextEncoder().encode('ID3 not a wav at all'), /RIFF/],
      [riff(['fmt ', fmt(3, 1, 22050, 32)], ['data', new Uint8Array(8)]), /16-bit PCM/],
      [riff(['fmt ', fmt(1, 1, 44100, 24)], ['data', new Uint8Array(6)]), /16-bit PCM/],
      [riff(['fmt ', fmt(1, 6, 44100)], ['data', new Uint8Array(12)]), /channels/],
      [riff(['data', new Uint8Array(4)], ['fmt ', fmt()]), /before fmt/],
      [riff(['fmt ', fmt()]), /no data/],
    ];
    for (const [bytes, reason] of cases) expect(() => parseWav(bytes)).toThrow(reason);
  });

  it('V14: joining keeps order, inserts the gap, and refuses mixed formats', () => {
    const joined = concatWav([ramp(2), ramp(3)], 1000 / 22050);
    expect(samples(joined)).toEqual([1, 2, 0, 1, 2, 3]);
    expect(() => concatWav([ramp(2), ramp(2, { sampleRate: 44100, channels: 1 })])).toThrow(WavError);
    expect(() => concatWav([])).toThrow(WavError);
  });

  it('V14: durations follow the sample rate', () => {
    expect(durationMs(silence(mono, 250))).toBeCloseTo(250, 0);
    expect(durationMs(ramp(22050))).toBe(1000);
  });

  it('V14: the chime is two audible tones under a second, without clipping, in the format asked for', () => {
    const c = chime({ sampleRate: 16000, channels: 2 });
    const s = summarizeWav(c);
    expect(c.format).toEqual({ sampleRate: 16000, channels: 2 });
    expect(s.durationMs).toBeGreaterThan(800);
    expect(s.durationMs).toBeLessThan(1500);
    expect(s.peak).toBeGreaterThan(0.3);
    expect(s.peak).toBeLessThan(0.6);
    expect(s.rms).toBeGreaterThan(0.05);
    // It starts from silence: no click at the first sample.
    expect(Math.abs(samples(c)[0] ?? 1)).toBe(0);
  });
});
