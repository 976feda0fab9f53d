import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { checkPhrase, SpeechError, type SpeechEngine } from './speech-engine';
import { concatWav, parseWav, sameFormat, type Wav } from './wav';

export const MANIFEST_FILE = 'manifest.json';
const MAX_CLIPS = 5000;
const MAX_CLIP_BYTES = 5_000_000;

/**
 * `manifest.json` of a voice pack: which recorded file says which word or phrase.
 *
 * @example
 * { "name": "Giọng nữ miền Bắc", "gapMs": 40,
 *   "clips": { "mời công dân có số thứ tự": "moi-cong-dan.wav", "một": "mot.wav", "nghìn": "nghin.wav" } }
 */
export const VoicePackManifest = z.strictObject({
  name: z.string().min(1).max(200),
  /** Silence between two clips, for recordings trimmed tight. */
  gapMs: z.number().int().min(0).max(1000).default(40),
  clips: z
    .record(
      z.string().min(1).max(200),
      z
        .string()
        .max(200)
        .regex(/^[^/\\.][^/\\]*\.wav$/i, 'a .wav file name inside the pack folder'),
    )
    .refine((c) => Object.keys(c).length > 0 && Object.keys(c).length <= MAX_CLIPS, `1–${MAX_CLIPS} clips`),
});
export type VoicePackManifest = z.infer<typeof VoicePackManifest>;

/** A pack that cannot be used: every problem found, one per line, for the operator. */
export class VoicePackError extends Error {
  override name = 'VoicePackError';
}

/** The words of a phrase as a pack matches them: NFC, lower case, punctuation dropped. */
export function phraseWords(text: string): string[] {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
}

export interface ClipPlan {
  /** Clip keys to join, in order. */
  keys: string[];
  /** Words no clip says; empty when the pack covers the phrase. */
  missing: string[];
}

/** Greedy longest match (V11): a recorded phrase beats the same words recorded one by one. */
export function planClips(words: readonly string[], has: (key: string) => boolean, maxWords: number): ClipPlan {
  const keys: string[] = [];
  const missing: string[] = [];
  let i = 0;
  while (i < words.length) {
    let taken = 0;
    for (let n = Math.min(maxWords, words.length - i); n >= 1 && taken === 0; n--) {
      const key = words.slice(i, i + n).join(' ');
      if (has(key)) {
        keys.push(key);
        taken = n;
      }
    }
    if (taken === 0) {
      missing.push(words[i] as string);
      taken = 1;
    }
    i += taken;
  }
  return { keys, missing };
}

export interface VoicePack extends SpeechEngine {
  readonly name: string;
  /** Words of `text` the pack has no clip for (empty: the pack can say it). */
  missing(text: string): string[];
}

/** A voice pack from its clips: the engine that joins human recordings instead of synthesising. */
export function voicePackFromClips(name: string, clips: ReadonlyMap<string, Wav>, gapMs: number): VoicePack {
  const keyed = new Map([...clips].map(([k, wav]) => [phraseWords(k).join(' '), wav] as const));
  const first = keyed.values().next().value;
  if (!first) throw new VoicePackError('a voice pack needs at least one clip');
  if ([...keyed.values()].some((w) => !sameFormat(w.format, first.format))) {
    throw new VoicePackError('all clips of a voice pack must share one sample rate and channel count');
  }
  const maxWords = Math.max(...[...keyed.keys()].map((k) => k.split(' ').length));
  const plan = (text: string): ClipPlan => planClips(phraseWords(text), (k) => keyed.has(k), maxWords);
  return {
    name,
    missing: (text) => plan(text).missing,
    // Synchronous work, but a phrase the pack cannot say is a rejection (as from any engine), not a throw.
    synthesize: (text) =>
      Promise.resolve().then(() => {
        const { keys, missing } = plan(checkPhrase(text));
        if (missing.length > 0) throw new SpeechError(`voice pack "${name}" has no clip for: ${missing.join(', ')}`);
        return concatWav(
          keys.map((k) => keyed.get(k) as Wav),
          gapMs,
        );
      }),
    close: async () => {},
  };
}

/** Reads a pack folder: `manifest.json` and its clips, all checked before the pack is used. */
export async function loadVoicePack(dir: string): Promise<VoicePack> {
  let manifest: VoicePackManifest;
  try {
    const text = await readFile(join(dir, MANIFEST_FILE), 'utf8');
    manifest = VoicePackManifest.parse(JSON.parse(text));
  } catch (e) {
    throw new VoicePackError(
      `${join(dir, MANIFEST_FILE)}: ${e instanceof z.ZodError ? z.prettifyError(e) : (e as Error).message}`,
    );
  }
  const problems: string[] = [];
  const clips = new Map<string, Wav>();
  for (const [key, file] of Object.entries(manifest.clips)) {
    const path = join(dir, file);
    try {
      if ((await stat(path)).size > MAX_CLIP_BYTES) throw new Error(`larger than ${MAX_CLIP_BYTES} bytes`);
      const normal = phraseWords(key).join(' ');
      if (normal === '' || clips.has(normal)) throw new Error(`the phrase "${key}" is empty or listed twice`);
      clips.set(normal, parseWav(await readFile(path)));
    } catch (e) {
      problems.push(`${file}: ${(e as Error).message}`);
    }
  }
  if (problems.length > 0) throw new VoicePackError(`voice pack ${dir}:\n${problems.slice(0, 20).join('\n')}`);
  return voicePackFromClips(manifest.name, clips, manifest.gapMs);
}

/** The pack where it can say the whole phrase, the fallback (eSpeak NG) otherwise (V12). */
export function preferVoicePack(pack: VoicePack, fallback: SpeechEngine): SpeechEngine {
  return {
    synthesize: (text) => (pack.missing(text).length === 0 ? pack.synthesize(text) : fallback.synthesize(text)),
    close: async () => {
      await Promise.all([pack.close(), fallback.close()]);
    },
  };
}
