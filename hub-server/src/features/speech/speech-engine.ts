import type { Wav } from './wav';

/**
 * Turns a phrase into audio, offline. eSpeak NG and a voice pack are the two implementations;
 * both pass `speech-engine.contract.ts`, so either can be swapped in or out.
 */
export interface SpeechEngine {
  /** Rejects with SpeechError when the phrase cannot be spoken. */
  synthesize(text: string): Promise<Wav>;
  /** Frees what the engine holds (a worker thread); later calls may start it again. */
  close(): Promise<void>;
}

/** Why a phrase could not be spoken, for the hub's log; the screen only ever sees an error code. */
export class SpeechError extends Error {
  override name = 'SpeechError';
}

/**
 * Too many phrases are waiting for the engine (S6): refused at once rather than queued without
 * end. The HTTP edge answers it as 503 `SPEECH_BUSY`; asking again a moment later may succeed.
 */
export class SpeechBusyError extends SpeechError {
  override name = 'SpeechBusyError';
  readonly code = 'SPEECH_BUSY';
}

/** Phrases longer than this are refused: an announcement is one sentence. */
export const MAX_PHRASE_CHARS = 500;

/** Trims and checks a phrase the same way for every engine. */
export function checkPhrase(text: string): string {
  const phrase = text.normalize('NFC').trim();
  if (phrase === '') throw new SpeechError('empty phrase');
  if (phrase.length > MAX_PHRASE_CHARS) throw new SpeechError(`phrase longer than ${MAX_PHRASE_CHARS} characters`);
  return phrase;
}
