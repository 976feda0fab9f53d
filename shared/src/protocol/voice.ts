/** The admin console's recorded voice (SPEC V17). */
import { z } from 'zod';

/** V17: an uploaded clip: at most this many bytes… */
export const VOICE_CLIP_MAX_BYTES = 1024 * 1024;
/** …and at most this long. */
export const VOICE_CLIP_MAX_MS = 10_000;

export const VoiceWord = z.object({
  /** The word or phrase as the pack keys it (NFC, lower case): "mời công dân có số thứ tự", "một". */
  word: z.string(),
  recorded: z.boolean(),
  /** When its clip was recorded (epoch ms), or null. */
  recordedAt: z.number().int().nullable(),
});
export type VoiceWord = z.infer<typeof VoiceWord>;

export const VoiceList = z.object({
  /** Every word the centre's calls need, in the order to record them. */
  words: z.array(VoiceWord),
  /** Every needed word is recorded. */
  complete: z.boolean(),
  /** Calls are said in the recorded voice now (V17). */
  inUse: z.boolean(),
});
export type VoiceList = z.infer<typeof VoiceList>;
