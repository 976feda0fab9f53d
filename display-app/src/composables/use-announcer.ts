import type { AnnouncementForm, AnnouncementOptions, CallEvent, Clock } from '@luot/shared';
import { ref, shallowRef } from 'vue';
import { createAnnouncementQueue, hubClip, type QueueEvent } from '../announce/announcement-queue';
import { createAudioPlayer } from '../announce/audio-player';

/** W11: every announcement step is told to the page as this window event (tests, a kiosk shell). */
export const ANNOUNCEMENT_EVENT = 'luot:announcement';

/** What the window event carries: plain data, one per queue event. */
export interface AnnouncementDetail {
  type: QueueEvent['type'];
  seq: number;
  kind: CallEvent['kind'];
  label: string;
  counterNumber: number;
  reason?: string;
  text?: string;
  /** On `start`: how the call is said (A7, V16). */
  form?: AnnouncementForm;
  /** On `end`: how long the clip played, when the browser knew. */
  durationMs?: number;
}

/** Why the wall is silent, shown on screen (W10): the browser refused, or the clip failed. */
export type AudioProblem = 'blocked' | 'failed' | null;

const detailOf = (e: QueueEvent): AnnouncementDetail => ({
  type: e.type,
  seq: e.call.seq,
  kind: e.call.kind,
  label: e.call.label,
  counterNumber: e.call.counterNumber,
  ...(e.type === 'skipped' ? { reason: e.reason } : {}),
  ...(e.type === 'start' ? { text: e.clip.text, form: e.form } : {}),
  ...(e.type === 'end' && e.durationMs !== undefined ? { durationMs: e.durationMs } : {}),
});

/** A browser that will not play without a gesture rejects play() with NotAllowedError. */
const isAutoplayRefusal = (error: unknown): boolean =>
  error instanceof DOMException && error.name === 'NotAllowedError';

/**
 * The wall's voice: each call pushed goes through the announcement queue (SPEC A1–A7) to the
 * hub's audio route, judged for lateness on the hub's clock. A refusal to play is shown, not swallowed.
 * `speaking` is the call being said, kept from its start until the next one starts or the voice
 * falls silent, so the big number follows the voice without flickering between clips (W14).
 */
export function useAnnouncer(options: {
  token: string;
  clock: Clock;
  announcement(): AnnouncementOptions | undefined;
}) {
  const queue = createAnnouncementQueue({
    player: createAudioPlayer({ token: options.token }),
    clock: options.clock,
    clipFor: (call, form) => hubClip(call, options.announcement(), form),
  });
  const problem = ref<AudioProblem>(null);
  const speaking = shallowRef<CallEvent | null>(null);
  queue.on((e) => {
    if (e.type === 'start') {
      speaking.value = e.call;
      // Settles once nothing plays and nothing waits: the voice is silent.
      void queue.idle().then(() => {
        if (speaking.value === e.call) speaking.value = null;
      });
    }
    window.dispatchEvent(new CustomEvent<AnnouncementDetail>(ANNOUNCEMENT_EVENT, { detail: detailOf(e) }));
    if (e.type === 'failed') problem.value = isAutoplayRefusal(e.error) ? 'blocked' : 'failed';
    if (e.type === 'end') problem.value = null;
  });
  // A touch on the wall is the gesture that unblocks audio: the notice goes until the next refusal.
  window.addEventListener('pointerdown', () => {
    if (problem.value === 'blocked') problem.value = null;
  });
  return { push: (call: CallEvent) => queue.push(call), problem, speaking };
}
