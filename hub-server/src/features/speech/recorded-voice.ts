import {
  announcementOptions,
  VOICE_CLIP_MAX_MS,
  voiceKey,
  voicePhrasesNeeded,
  type Clock,
  type VoiceList,
  type VoiceNeedsInput,
} from '@luot/shared';
import type { Logger } from 'pino';
import type { Db } from '../../db/open';
import type { AuditActor, AuditLog } from '../audit/audit-log';
import type { CentreRepository } from '../centre/centre-repository';
import { cachedSpeech, type SpeechCacheOptions } from './speech-cache';
import type { SpeechEngine } from './speech-engine';
import { voicePackFromClips, type VoicePack } from './voice-pack';
import { durationMs, encodeWav, parseWav, sameFormat, WavError, type Wav } from './wav';

/** Why a recording is refused (V17): the Vietnamese reason for the console. */
export class VoiceClipError extends Error {
  override name = 'VoiceClipError';
}

export interface RecordedVoiceDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  audit: AuditLog;
  /** The voice the hub started with (eSpeak NG, or a pack folder, behind its cache): the fallback. */
  base: SpeechEngine;
  /** The centre as it is now: what decides the words its calls need. */
  needs(): VoiceNeedsInput;
  /** Silence between two recorded clips. */
  gapMs?: number;
  cache?: SpeechCacheOptions;
}

interface ClipRow {
  word: string;
  wav: Uint8Array;
  recorded_at: number;
}

/** What decides the words of a centre's calls (V17), as the centre is now. */
export function voiceNeedsOf(centre: CentreRepository): VoiceNeedsInput {
  const settings = centre.settings();
  return {
    ...announcementOptions(settings),
    blockSize: settings?.blockSize ?? 1000,
    numberFormat: settings?.numberFormat ?? 'numeric',
    blocks: centre.services().map((s) => s.block),
    counters: centre.counters().map((c) => c.number),
  };
}

/** The recorded voice's default gap: the console trims nothing, so a short breath is enough. */
export const RECORDED_GAP_MS = 60;

const seconds = (ms: number): string => (ms / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
const layout = (w: Wav): string => `${w.format.sampleRate} Hz, ${w.format.channels === 1 ? 'đơn kênh' : 'hai kênh'}`;

/**
 * V17: the centre's own recorded voice, kept in `voice_clips`. `engine` is what the audio route
 * speaks with: the recorded voice, with a cache of its own, for every phrase it covers once every
 * needed word is recorded; the base voice otherwise. A clip recorded or removed, or a change of
 * template, dialect, services or counters, takes effect on the next phrase: no restart, and the
 * previous voice's cached audio is never served for a phrase the new one says.
 */
export function createRecordedVoice(deps: RecordedVoiceDeps) {
  const { db, clock, logger, audit } = deps;
  const gapMs = deps.gapMs ?? RECORDED_GAP_MS;
  const selectAll = db.prepare<[], ClipRow>('SELECT word, wav, recorded_at FROM voice_clips');
  const upsert = db.prepare(
    'INSERT INTO voice_clips (word, wav, recorded_at) VALUES (?, ?, ?) ' +
      'ON CONFLICT(word) DO UPDATE SET wav = excluded.wav, recorded_at = excluded.recorded_at',
  );
  const remove = db.prepare('DELETE FROM voice_clips WHERE word = ?');

  /** The clips, parsed once; the table is only written here. */
  const clips = new Map<string, { wav: Wav; bytes: Uint8Array; at: number }>();
  for (const row of selectAll.all()) {
    try {
      clips.set(row.word, { wav: parseWav(row.wav), bytes: row.wav, at: row.recorded_at });
    } catch (e) {
      logger.warn({ err: e, word: row.word }, 'a stored voice clip is unreadable: ignored');
    }
  }

  // The needed words cost a pass over every label of the centre: computed again only when the centre changes.
  let neededFor = '';
  let needed: string[] = [];
  const neededNow = (): string[] => {
    const input = deps.needs();
    const key = JSON.stringify(input);
    if (key !== neededFor) {
      needed = voicePhrasesNeeded(input);
      neededFor = key;
    }
    return needed;
  };

  /** The pack of the clips as they are, with its own cache; made again after any change to the clips. */
  let recorded: { pack: VoicePack; speech: SpeechEngine } | null = null;
  const recordedNow = (): { pack: VoicePack; speech: SpeechEngine } | null => {
    if (clips.size === 0) return null;
    if (!recorded) {
      try {
        const pack = voicePackFromClips(
          'giọng ghi âm của trung tâm',
          new Map([...clips].map(([word, c]) => [word, c.wav])),
          gapMs,
        );
        recorded = { pack, speech: cachedSpeech(pack, deps.cache) };
      } catch (e) {
        // Clips of mixed formats (only by hand in the database): the base voice speaks.
        logger.error({ err: e }, 'the recorded voice cannot be used');
        return null;
      }
    }
    return recorded;
  };
  const changed = (): void => {
    recorded = null;
  };

  const complete = (): boolean => neededNow().every((w) => clips.has(w));
  const inUse = (): boolean => complete() && recordedNow() !== null;

  const engine: SpeechEngine = {
    synthesize(text) {
      const voice = inUse() ? recordedNow() : null;
      // V12: the recorded voice says a phrase whole or not at all; eSpeak NG (the base) says the rest.
      if (voice && voice.pack.missing(text).length === 0) return voice.speech.synthesize(text);
      return deps.base.synthesize(text);
    },
    close: () => deps.base.close(),
  };

  /** A word the console may record: one of the needed ones, as the pack keys it. */
  const neededWord = (raw: string): string => {
    const word = voiceKey(raw);
    if (!neededNow().includes(word)) {
      throw new VoiceClipError(`“${raw}” không có trong danh sách từ cần ghi âm của trung tâm.`);
    }
    return word;
  };

  function list(): VoiceList {
    const words = neededNow().map((word) => {
      const at = clips.get(word)?.at ?? null;
      return { word, recorded: at !== null, recordedAt: at };
    });
    return { words, complete: complete(), inUse: inUse() };
  }

  return {
    engine,

    list,

    /** V17: records one needed word; VoiceClipError (nothing changed) when the file will not do. */
    record(rawWord: string, bytes: Uint8Array, by: AuditActor): VoiceList {
      const word = neededWord(rawWord);
      let wav: Wav;
      try {
        wav = parseWav(bytes);
      } catch (e) {
        if (!(e instanceof WavError)) throw e;
        throw new VoiceClipError('Tệp không phải âm thanh WAV PCM 16-bit (đơn kênh hoặc hai kênh) đọc được.');
      }
      const ms = durationMs(wav);
      if (ms < 50) throw new VoiceClipError('Bản ghi không có âm thanh.');
      if (ms > VOICE_CLIP_MAX_MS) {
        throw new VoiceClipError(`Bản ghi dài ${seconds(ms)} giây, tối đa ${seconds(VOICE_CLIP_MAX_MS)} giây.`);
      }
      // V11: one format for the whole voice; the clip it replaces does not count.
      const other = [...clips].find(([w, c]) => w !== word && !sameFormat(c.wav.format, wav.format));
      if (other) {
        throw new VoiceClipError(
          `Bản ghi là ${layout(wav)}, các bản đã ghi là ${layout(other[1].wav)}: mọi bản ghi phải cùng một định dạng.`,
        );
      }
      const canonical = encodeWav(wav);
      const at = clock.now();
      db.transaction(() => {
        upsert.run(word, canonical, at);
        audit.record(by, 'voice:record', `Ghi âm “${word}” (${seconds(ms)} giây)`);
      })();
      clips.set(word, { wav, bytes: canonical, at });
      changed();
      const now = list();
      logger.info({ word, ms: Math.round(ms), complete: now.complete }, 'voice clip recorded');
      return now;
    },

    /** The clip as stored (a canonical WAV file), or null when the word is not recorded. */
    clip(rawWord: string): Uint8Array | null {
      return clips.get(voiceKey(rawWord))?.bytes ?? null;
    },

    /** Removes a word's clip; nothing happens for a word not recorded. */
    remove(rawWord: string, by: AuditActor): VoiceList {
      const word = voiceKey(rawWord);
      if (clips.has(word)) {
        db.transaction(() => {
          remove.run(word);
          audit.record(by, 'voice:delete', `Xoá bản ghi âm “${word}”`);
        })();
        clips.delete(word);
        changed();
        logger.info({ word }, 'voice clip removed');
      }
      return list();
    },
  };
}
export type RecordedVoice = ReturnType<typeof createRecordedVoice>;
