import { describe, expect, it } from 'vitest';
import { encodeMonoWav, trimSilence } from './voice-recording';

describe('the console’s recording to WAV', () => {
  it('V17: encodes mono 16-bit PCM with a canonical header, full scale clipped', () => {
    const wav = encodeMonoWav(new Float32Array([0, 0.5, -1, 2]), 22_050);
    const view = new DataView(wav.buffer);
    expect(new TextDecoder().decode(wav.subarray(0, 4))).toBe('RIFF');
    expect(new TextDecoder().decode(wav.subarray(8, 16))).toBe('WAVEfmt ');
    expect([view.getUint16(20, true), view.getUint16(22, true), view.getUint32(24, true)]).toEqual([1, 1, 22_050]);
    expect(view.getUint16(34, true)).toBe(16);
    expect(view.getUint32(40, true)).toBe(8);
    expect([0, 1, 2, 3].map((i) => view.getInt16(44 + i * 2, true))).toEqual([0, 16384, -32768, 32767]);
  });

  it('V17: trims the silence around the voice, keeping a 40 ms margin', () => {
    const rate = 1000;
    const samples = new Float32Array(1000);
    samples.fill(0.5, 400, 600);
    const trimmed = trimSilence(samples, rate);
    expect(trimmed.length).toBe(200 + 2 * 40);
    expect(trimSilence(new Float32Array(10), rate).length).toBe(10);
  });
});
