import { buildAnnouncement, type AnnouncementOptions, type CallEvent, type Clock } from '@luot/shared';

/** One thing to say: where its audio is and what it says. */
export interface Clip {
  seq: number;
  url: string;
  text: string;
}

/** Plays one clip; the promise settles when it has finished (or failed). */
export interface Player {
  play(clip: Clip): Promise<void>;
}

export type SkipReason = 'duplicate' | 'stale' | 'overflow';

/** What the queue did with each call, in order: the wall shows from it, tests assert on it. */
export type QueueEvent =
  | { type: 'queued'; call: CallEvent }
  | { type: 'start'; call: CallEvent; clip: Clip }
  | { type: 'end'; call: CallEvent }
  | { type: 'failed'; call: CallEvent; error: unknown }
  | { type: 'skipped'; call: CallEvent; reason: SkipReason };

export interface AnnouncementQueueOptions {
  player: Player;
  clock: Clock;
  /** The audio of a call; the hub's announcement route by default. */
  clipFor?: (call: CallEvent) => Clip;
  /** The centre's wording, for the clip text. */
  announcement?: AnnouncementOptions;
  /** A1/A4: calls older than this when they reach the display are shown, not spoken. */
  maxAgeMs?: number;
  /** A6: calls waiting beyond this many drop the oldest unspoken. */
  maxPending?: number;
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

/** The hub's audio route for a call. */
export function hubClip(call: CallEvent, announcement?: AnnouncementOptions): Clip {
  const query = new URLSearchParams({ number: String(call.number), counter: String(call.counterNumber) });
  return {
    seq: call.seq,
    url: `/api/announcements/audio?${query.toString()}`,
    text: buildAnnouncement(call.label, call.counterNumber, announcement).text,
  };
}

/**
 * Speaks calls one at a time (A1), a recall again (A2), a seq never twice (A3), and keeps
 * quiet about calls that arrive more than a minute late (A4). SPEC A1–A6.
 *
 * @example
 * const queue = createAnnouncementQueue({ player: createAudioPlayer({ token }), clock: systemClock });
 * socket.on('ticket:called', (call) => queue.push(call));
 */
export function createAnnouncementQueue(options: AnnouncementQueueOptions): AnnouncementQueue {
  const { player, clock } = options;
  const clipFor = options.clipFor ?? ((call: CallEvent) => hubClip(call, options.announcement));
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const maxPending = options.maxPending ?? 20;

  const listeners = new Set<(event: QueueEvent) => void>();
  const seen = new Set<number>();
  let forgottenUpTo = 0;
  const pending: CallEvent[] = [];
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

  async function drain(): Promise<void> {
    playing = true;
    // Each pass takes one call off a list capped at maxPending, so the loop ends.
    while (!disposed && pending.length > 0) {
      const call = pending.shift() as CallEvent;
      const clip = clipFor(call);
      emit({ type: 'start', call, clip });
      try {
        await player.play(clip);
        emit({ type: 'end', call });
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
      emit({ type: 'queued', call });
      while (pending.length > maxPending)
        emit({ type: 'skipped', call: pending.shift() as CallEvent, reason: 'overflow' });
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
      listeners.clear();
      if (!playing) settleIdle();
    },
  };
}
