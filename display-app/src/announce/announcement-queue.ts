import {
  buildAnnouncement,
  buildShortAnnouncement,
  type AnnouncementForm,
  type AnnouncementOptions,
  type CallEvent,
  type Clock,
} from '@luot/shared';

/** One thing to say: where its audio is and what it says. */
export interface Clip {
  seq: number;
  url: string;
  text: string;
  /** How fast to play it (A7): 1 for a full call, SHORT_RATE for a short one. */
  rate: number;
}

/** What a player can tell of a clip it played to the end. */
export interface Played {
  /** The audio's length, when the player knows it (W11: tests and logs read it). */
  durationMs?: number;
}

/** Plays one clip; the promise settles when it has finished (or failed). */
export interface Player {
  play(clip: Clip): Promise<Played | void>;
  /** Starts getting a clip that will probably be played next, so that no time is lost then (A7). */
  prepare?(clip: Clip): void;
}

export type SkipReason = 'duplicate' | 'stale' | 'overflow' | 'behind';

/** What the queue did with each call, in order: the wall shows from it, tests assert on it. */
export type QueueEvent =
  | { type: 'queued'; call: CallEvent }
  | { type: 'start'; call: CallEvent; clip: Clip; form: AnnouncementForm }
  | { type: 'end'; call: CallEvent; durationMs?: number }
  | { type: 'failed'; call: CallEvent; error: unknown }
  | { type: 'skipped'; call: CallEvent; reason: SkipReason };

export interface AnnouncementQueueOptions {
  player: Player;
  clock: Clock;
  /** The audio of a call in a form (A7); the hub's announcement route by default. */
  clipFor?: (call: CallEvent, form: AnnouncementForm) => Clip;
  /** The centre's wording, for the clip text. */
  announcement?: AnnouncementOptions;
  /** A1/A4: calls older than this when they reach the display are shown, not spoken. */
  maxAgeMs?: number;
  /** A6: calls waiting beyond this many drop the oldest unspoken. */
  maxPending?: number;
  /** A7: a call that has waited longer than this for its turn is said in the short form. */
  shortAfterMs?: number;
  /** A8: a call whose turn comes later than this after it reached the wall is shown, not spoken. */
  maxStartLagMs?: number;
  /** A8: a call that finds the voice silent waits this long for others of the same burst. */
  gatherMs?: number;
  /** Waits (the queue's only timer); setTimeout by default, a test's simulated time otherwise. */
  delay?: (ms: number) => Promise<void>;
}

export interface AnnouncementQueue {
  /** Hands a call over, live or from a catch-up; the queue decides whether and when to speak it. */
  push(call: CallEvent): void;
  /** Returns the function that stops listening. */
  on(listener: (event: QueueEvent) => void): () => void;
  /** Settles when nothing is playing and nothing waits. */
  idle(): Promise<void>;
  /** Stops after the clip playing now and forgets what waits. */
  dispose(): void;
}

/** How many seqs are remembered one by one; older ones are covered by a watermark (A3). */
const REMEMBERED_SEQS = 1000;

/** A7: 3 s of waiting plus a full announcement (~6.5 s with its chime) still ends within ~10 s. */
export const SHORT_AFTER_MS = 3000;

/**
 * A7: a short call is played this much faster: eSpeak NG's 145 words a minute become about 180,
 * an ordinary speaking pace, so "1003, quầy 2" takes about 2.2 s.
 */
export const SHORT_RATE = 1.25;

/**
 * A8: the voice is never more than ~10 s behind: a call is spoken only if its turn comes within
 * 7.5 s of reaching the wall, so that even its short form (~2.2 s) is over by about 10 s.
 */
export const MAX_START_LAG_MS = 7500;

/**
 * A8: a call that finds the voice silent is said 1 s later, so that calls made in the same second
 * are all said briefly instead of the first in full (a lone call is still over within ~8 s).
 */
export const GATHER_MS = 1000;

/**
 * A7: how a call is said when its turn comes: briefly while other calls wait behind it or once it
 * has itself waited more than `shortAfterMs` (the voice is behind, it catches up); in full otherwise.
 */
export function announcementForm(
  waitingBehind: number,
  waitedMs: number,
  shortAfterMs = SHORT_AFTER_MS,
): AnnouncementForm {
  return waitingBehind > 0 || waitedMs > shortAfterMs ? 'short' : 'full';
}

/** The hub's audio route for a call (V15), in the short form (V16) when asked. */
export function hubClip(call: CallEvent, announcement?: AnnouncementOptions, form: AnnouncementForm = 'full'): Clip {
  const query = new URLSearchParams({ number: String(call.number), counter: String(call.counterNumber) });
  if (form === 'short') query.set('form', 'short');
  const build = form === 'short' ? buildShortAnnouncement : buildAnnouncement;
  return {
    seq: call.seq,
    url: `/api/announcements/audio?${query.toString()}`,
    text: build(call.label, call.counterNumber, announcement).text,
    rate: form === 'short' ? SHORT_RATE : 1,
  };
}

/**
 * Speaks calls one at a time (A1), a recall again (A2), a seq never twice (A3), keeps quiet
 * about calls that arrive more than a minute late (A4), says a backlog briefly (A7) and never falls
 * more than ~10 s behind (A8). SPEC A1–A8.
 *
 * @example
 * const queue = createAnnouncementQueue({ player: createAudioPlayer({ token }), clock: systemClock });
 * socket.on('ticket:called', (call) => queue.push(call));
 */
export function createAnnouncementQueue(options: AnnouncementQueueOptions): AnnouncementQueue {
  const { player, clock } = options;
  const clipFor =
    options.clipFor ?? ((call: CallEvent, form: AnnouncementForm) => hubClip(call, options.announcement, form));
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const maxPending = options.maxPending ?? 20;
  const shortAfterMs = options.shortAfterMs ?? SHORT_AFTER_MS;
  const maxStartLagMs = options.maxStartLagMs ?? MAX_START_LAG_MS;
  const gatherMs = options.gatherMs ?? GATHER_MS;
  const delay = options.delay ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  const listeners = new Set<(event: QueueEvent) => void>();
  const seen = new Set<number>();
  let forgottenUpTo = 0;
  const pending: CallEvent[] = [];
  /** When each waiting call reached the queue (A7), by seq. */
  const arrivedAt = new Map<number, number>();
  let playing = false;
  let disposed = false;
  let idleWaiters: (() => void)[] = [];

  const emit = (event: QueueEvent): void => {
    for (const l of listeners) l(event);
  };

  const remember = (seq: number): void => {
    seen.add(seq);
    if (seen.size <= REMEMBERED_SEQS) return;
    const oldest = Math.min(...seen);
    seen.delete(oldest);
    forgottenUpTo = Math.max(forgottenUpTo, oldest);
  };

  const settleIdle = (): void => {
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  };

  /**
   * A7: the call after the one playing will be said briefly when its turn comes, unless it turns
   * out to be alone and early (then its full clip is fetched as before): its short clip is fetched
   * while the voice is busy.
   */
  const prepareNext = (): void => {
    const next = pending[0];
    if (player.prepare && next) player.prepare(clipFor(next, 'short'));
  };

  async function drain(): Promise<void> {
    playing = true;
    // A8: the rest of a burst has a moment to arrive, so that all of it is said briefly.
    if (gatherMs > 0) await delay(gatherMs);
    // Each pass takes one call off a list capped at maxPending, so the loop ends.
    while (!disposed && pending.length > 0) {
      const call = pending.shift() as CallEvent;
      const waitedMs = clock.now() - (arrivedAt.get(call.seq) ?? clock.now());
      arrivedAt.delete(call.seq);
      if (waitedMs > maxStartLagMs) {
        // A8: too late to be said in time; the wall still shows it in its recent calls.
        emit({ type: 'skipped', call, reason: 'behind' });
        continue;
      }
      const form = announcementForm(pending.length, waitedMs, shortAfterMs);
      const clip = clipFor(call, form);
      emit({ type: 'start', call, clip, form });
      try {
        const playing = player.play(clip);
        prepareNext();
        const played = await playing;
        emit({ type: 'end', call, ...(played?.durationMs === undefined ? {} : { durationMs: played.durationMs }) });
      } catch (error) {
        // A5: one clip that cannot play must not silence the calls behind it.
        emit({ type: 'failed', call, error });
      }
    }
    playing = false;
    settleIdle();
  }

  return {
    push(call) {
      if (disposed) return;
      if (call.seq <= forgottenUpTo || seen.has(call.seq)) {
        emit({ type: 'skipped', call, reason: 'duplicate' });
        return;
      }
      remember(call.seq);
      // An unreadable time cannot prove the call late, so it is spoken.
      const age = clock.now() - Date.parse(call.at);
      if (age > maxAgeMs) {
        emit({ type: 'skipped', call, reason: 'stale' });
        return;
      }
      // Catch-up may deliver earlier seqs after a live one: speak in seq order.
      const at = pending.findIndex((p) => p.seq > call.seq);
      pending.splice(at < 0 ? pending.length : at, 0, call);
      arrivedAt.set(call.seq, clock.now());
      emit({ type: 'queued', call });
      if (playing && pending[0] === call) prepareNext();
      while (pending.length > maxPending) {
        const dropped = pending.shift() as CallEvent;
        arrivedAt.delete(dropped.seq);
        emit({ type: 'skipped', call: dropped, reason: 'overflow' });
      }
      if (!playing) void drain();
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    idle() {
      if (!playing && pending.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    dispose() {
      disposed = true;
      pending.length = 0;
      arrivedAt.clear();
      listeners.clear();
      if (!playing) settleIdle();
    },
  };
}
