/**
 * Small pure WAV tools: enough to join a chime, recorded clips and synthesised speech into
 * one file. Only 16-bit PCM, the format of eSpeak NG and of every common recorder.
 */

export interface PcmFormat {
  sampleRate: number;
  channels: number;
}

export interface Wav {
  format: PcmFormat;
  /** Interleaved 16-bit little-endian samples, a whole number of frames. */
  data: Uint8Array;
}

/** A file that is not WAV we can use; the message names the problem for the operator. */
export class WavError extends Error {
  override name = 'WavError';
}

const BYTES_PER_SAMPLE = 2;
const HEADER_BYTES = 44;
const ascii = (b: Uint8Array, at: number): string => String.fromCharCode(...b.subarray(at, at + 4));
const frameBytes = (f: PcmFormat): number => f.channels * BYTES_PER_SAMPLE;

/** Reads a RIFF/WAVE file; tolerates extra chunks, odd padding and the "unknown length" sizes of streaming writers. */
export function parseWav(bytes: Uint8Array): Wav {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || ascii(bytes, 0) !== 'RIFF' || ascii(bytes, 8) !== 'WAVE') {
    throw new WavError('not a RIFF/WAVE file');
  }
  let format: PcmFormat | null = null;
  let at = 12;
  // Each pass moves forward by at least 8 bytes, so the loop ends with the buffer.
  while (at + 8 <= bytes.length) {
    const id = ascii(bytes, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > bytes.length) throw new WavError('fmt chunk too short');
      const tag = view.getUint16(body, true);
      const channels = view.getUint16(body + 2, true);
      const sampleRate = view.getUint32(body + 4, true);
      const bits = view.getUint16(body + 14, true);
      if (tag !== 1 || bits !== 16) throw new WavError(`only 16-bit PCM is supported (format ${tag}, ${bits} bits)`);
      if (channels < 1 || channels > 2 || sampleRate < 8000 || sampleRate > 192_000) {
        throw new WavError(`unsupported layout: ${channels} channels at ${sampleRate} Hz`);
      }
      format = { sampleRate, channels };
    } else if (id === 'data') {
      if (!format) throw new WavError('data chunk before fmt chunk');
      const end = Math.min(body + size, bytes.length);
      const whole = end - body - ((end - body) % frameBytes(format));
      return { format, data: bytes.slice(body, body + whole) };
    }
    at = body + size + (size % 2);
  }
  throw new WavError(format ? 'no data chunk' : 'no fmt chunk');
}

/** A canonical 44-byte-header WAV file. */
export function encodeWav(wav: Wav): Uint8Array {
  const { sampleRate, channels } = wav.format;
  const out = new Uint8Array(HEADER_BYTES + wav.data.length);
  const view = new DataView(out.buffer);
  const put = (at: number, s: string): void => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  put(0, 'RIFF');
  view.setUint32(4, 36 + wav.data.length, true);
  put(8, 'WAVE');
  put(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * frameBytes(wav.format), true);
  view.setUint16(32, frameBytes(wav.format), true);
  view.setUint16(34, 16, true);
  put(36, 'data');
  view.setUint32(40, wav.data.length, true);
  out.set(wav.data, HEADER_BYTES);
  return out;
}

export const sameFormat = (a: PcmFormat, b: PcmFormat): boolean =>
  a.sampleRate === b.sampleRate && a.channels === b.channels;

export function durationMs(wav: Wav): number {
  return (wav.data.length / frameBytes(wav.format) / wav.format.sampleRate) * 1000;
}

export function silence(format: PcmFormat, ms: number): Wav {
  const frames = Math.round((format.sampleRate * Math.max(0, ms)) / 1000);
  return { format, data: new Uint8Array(frames * frameBytes(format)) };
}

/** Joins clips of one format, with `gapMs` of silence between them. */
export function concatWav(clips: readonly Wav[], gapMs = 0): Wav {
  const first = clips[0];
  if (!first) throw new WavError('nothing to join');
  const odd = clips.find((c) => !sameFormat(c.format, first.format));
  if (odd) {
    throw new WavError(
      `clips differ in format: ${first.format.sampleRate} Hz × ${first.format.channels} vs ${odd.format.sampleRate} Hz × ${odd.format.channels}`,
    );
  }
  const gap = silence(first.format, gapMs).data;
  const parts = clips.flatMap((c, i) => (i === 0 || gap.length === 0 ? [c.data] : [gap, c.data]));
  const data = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    data.set(p, at);
    at += p.length;
  }
  return { format: first.format, data };
}

/** A sine tone with short fades, so it starts and stops without a click. */
function tone(format: PcmFormat, hz: number, ms: number, level: number): Wav {
  const wav = silence(format, ms);
  const view = new DataView(wav.data.buffer);
  const frames = wav.data.length / frameBytes(format);
  const fade = Math.min(frames / 2, Math.round(format.sampleRate * 0.012));
  for (let i = 0; i < frames; i++) {
    // Exponential decay after the attack makes it a bell rather than a beep.
    const envelope = Math.min(1, i / fade, (frames - i) / fade) * Math.exp((-3 * i) / frames);
    const sample = Math.round(level * 32767 * envelope * Math.sin((2 * Math.PI * hz * i) / format.sampleRate));
    for (let c = 0; c < format.channels; c++) view.setInt16((i * format.channels + c) * BYTES_PER_SAMPLE, sample, true);
  }
  return wav;
}

/** The two-tone "ding-dong" before every announcement, in the speech's own format. */
export function chime(format: PcmFormat): Wav {
  return concatWav([tone(format, 880, 350, 0.5), tone(format, 660, 550, 0.5), silence(format, 250)]);
}

export interface WavSummary {
  durationMs: number;
  /** 0–1 of full scale. */
  peak: number;
  rms: number;
}

/** Loudness figures of a clip, the numbers a reviewer reads instead of listening. */
export function summarizeWav(wav: Wav): WavSummary {
  const view = new DataView(wav.data.buffer, wav.data.byteOffset, wav.data.byteLength);
  const n = wav.data.length / BYTES_PER_SAMPLE;
  let peak = 0;
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    const s = view.getInt16(i * BYTES_PER_SAMPLE, true) / 32768;
    peak = Math.max(peak, Math.abs(s));
    sumSquares += s * s;
  }
  return { durationMs: durationMs(wav), peak, rms: n === 0 ? 0 : Math.sqrt(sumSquares / n) };
}
