/**
 * V17: what the console does with a recording before it goes to the hub: one channel at one
 * sample rate for every clip (the hub refuses mixed formats), the silence before and after cut
 * away (clips are joined with a short gap), then a 16-bit PCM WAV file.
 */

/** Every clip the console records is at this rate, whatever the microphone's. */
export const CLIP_SAMPLE_RATE = 22_050;
/** Quieter than this (of full scale) is silence at the edges. */
const SILENCE = 0.02;
/** Kept around the voice so a word does not start or end abruptly. */
const MARGIN_MS = 40;

/** The samples from a little before the first sound to a little after the last; all of them when silent. */
export function trimSilence(samples: Float32Array, sampleRate: number): Float32Array {
  let first = samples.findIndex((s) => Math.abs(s) > SILENCE);
  if (first === -1) return samples;
  let last = samples.length - 1;
  while (last > first && Math.abs(samples[last] ?? 0) <= SILENCE) last--;
  const margin = Math.round((sampleRate * MARGIN_MS) / 1000);
  first = Math.max(0, first - margin);
  return samples.subarray(first, Math.min(samples.length, last + 1 + margin));
}

/** A canonical 44-byte-header WAV file: mono, 16-bit PCM. */
export function encodeMonoWav(samples: Float32Array, sampleRate: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(out.buffer);
  const put = (at: number, s: string): void => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  put(0, 'RIFF');
  view.setUint32(4, 36 + samples.length * 2, true);
  put(8, 'WAVE');
  put(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  put(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  samples.forEach((s, i) => {
    const clipped = Math.max(-1, Math.min(1, s));
    view.setInt16(44 + i * 2, Math.round(clipped < 0 ? clipped * 32768 : clipped * 32767), true);
  });
  return out;
}

/**
 * A recorded blob (webm/ogg from MediaRecorder) → the WAV the hub takes: decoded by the browser,
 * mixed down to mono and resampled to CLIP_SAMPLE_RATE (OfflineAudioContext), edges trimmed.
 */
export async function recordingToWav(recorded: Blob): Promise<Uint8Array<ArrayBuffer>> {
  const context = new AudioContext();
  let decoded: AudioBuffer;
  try {
    decoded = await context.decodeAudioData(await recorded.arrayBuffer());
  } finally {
    void context.close();
  }
  const frames = Math.max(1, Math.ceil((decoded.duration || 0) * CLIP_SAMPLE_RATE));
  const offline = new OfflineAudioContext(1, frames, CLIP_SAMPLE_RATE);
  const source = offline.createBufferSource();
  source.buffer = decoded;
  source.connect(offline.destination);
  source.start();
  const mono = await offline.startRendering();
  return encodeMonoWav(trimSilence(mono.getChannelData(0), CLIP_SAMPLE_RATE), CLIP_SAMPLE_RATE);
}
