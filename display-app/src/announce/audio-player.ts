import type { Clip, Player } from './announcement-queue';

/** The part of HTMLAudioElement the player uses, so a test can stand in for it. */
export type AudioLike = Pick<HTMLAudioElement, 'play' | 'pause' | 'addEventListener' | 'removeEventListener'> & {
  src: string;
  /** A7: a short clip is played faster (the pitch is kept: `preservesPitch` is on by default). */
  playbackRate: number;
  /** The audio's own length in seconds, once known (NaN before); the wall reports how long it played (W11). */
  duration?: number;
};

export interface AudioPlayerOptions {
  /** The display's device token: the audio route needs it, and an <audio src> cannot send headers. */
  token: string;
  /** Hub origin; the page's own by default. */
  baseUrl?: string;
  /** A clip that has not ended by then counts as failed, so the queue moves on. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  createAudio?: () => AudioLike;
}

/** Clips fetched ahead of their turn (A7): the next one or two, never more. */
const MAX_PREPARED = 2;

/**
 * Plays clips from the hub in the browser: fetch with the token, then an Audio element.
 * Rejects when the hub refuses, the browser blocks autoplay, or the clip stalls. A clip prepared
 * ahead is played from what was fetched; one whose fetch failed is fetched again.
 */
export function createAudioPlayer(options: AudioPlayerOptions): Player {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const createAudio = options.createAudio ?? (() => new Audio());
  /** By clip URL, oldest first; a failed fetch settles as null. */
  const prepared = new Map<string, Promise<Blob | null>>();

  async function audioOf(url: string): Promise<Blob> {
    const res = await doFetch(new URL(url, options.baseUrl ?? location.origin), {
      headers: { authorization: `Bearer ${options.token}` },
    });
    if (!res.ok) throw new Error(`announcement audio: HTTP ${res.status}`);
    return res.blob();
  }

  return {
    prepare(clip: Clip) {
      if (prepared.has(clip.url)) return;
      const oldest = prepared.keys().next();
      if (prepared.size >= MAX_PREPARED && !oldest.done) prepared.delete(oldest.value);
      prepared.set(
        clip.url,
        audioOf(clip.url).catch(() => null),
      );
    },
    async play(clip: Clip) {
      const ahead = prepared.get(clip.url);
      prepared.delete(clip.url);
      const blob = (await ahead) ?? (await audioOf(clip.url));
      const objectUrl = URL.createObjectURL(blob);
      const audio = createAudio();
      let timer: ReturnType<typeof setTimeout> | undefined;
      let onEnd = (): void => {};
      let onError = (): void => {};
      try {
        const finished = new Promise<void>((resolve, reject) => {
          onEnd = () => resolve();
          onError = () => reject(new Error('announcement audio could not be played'));
          timer = setTimeout(
            () => reject(new Error(`announcement audio did not end within ${timeoutMs} ms`)),
            timeoutMs,
          );
        });
        audio.addEventListener('ended', onEnd);
        audio.addEventListener('error', onError);
        audio.src = objectUrl;
        audio.playbackRate = clip.rate;
        // Together, so an error event during play() is never an unhandled rejection.
        await Promise.all([audio.play(), finished]);
        const seconds = audio.duration;
        return seconds !== undefined && Number.isFinite(seconds)
          ? { durationMs: Math.round((seconds * 1000) / clip.rate) }
          : undefined;
      } finally {
        clearTimeout(timer);
        audio.removeEventListener('ended', onEnd);
        audio.removeEventListener('error', onError);
        audio.pause();
        URL.revokeObjectURL(objectUrl);
      }
    },
  };
}
