import type { CallEvent } from '@luot/shared';

/** Where a wall's calls come from: the live socket and the catch-up after each (re)connection. */
export interface CallFeed {
  /** A (re)connection began its catch-up: live calls are held until it is in (W7). */
  syncStarted(): void;
  /** A live `ticket:called`. */
  live(call: CallEvent): void;
  /** The catch-up answered: the state's seq and the calls missed since `lastSeq()`, oldest first. */
  synced(stateSeq: number, missed: readonly CallEvent[]): void;
  /** The catch-up failed for good: held live calls go out, so nothing live is lost. */
  syncFailed(): void;
  /** The last seq delivered: what the next catch-up asks after (0 before the first). */
  lastSeq(): number;
}

/**
 * Merges live calls and catch-ups into one stream that delivers every seq once, in ascending
 * order (SPEC W7). A live call that arrives while a catch-up is in flight is held, then merged
 * with the missed calls by seq — so an earlier missed call is never dropped behind a later live one.
 *
 * @example
 * const feed = createCallFeed((call) => queue.push(call));
 * socket.on('ticket:called', feed.live);
 */
export function createCallFeed(deliver: (call: CallEvent) => void): CallFeed {
  /** Highest seq delivered or accounted for; meaningful once `started`. */
  let last = 0;
  let started = false;
  let syncing = false;
  let held: CallEvent[] = [];

  const release = (calls: readonly CallEvent[]): void => {
    if (calls.length === 0) return;
    const bySeq = new Map(calls.map((c) => [c.seq, c]));
    if (!started) {
      // Before any catch-up, the first calls seen are where the wall starts.
      started = true;
      last = Math.min(...bySeq.keys()) - 1;
    }
    for (const seq of [...bySeq.keys()].sort((a, b) => a - b)) {
      if (seq <= last) continue;
      last = seq;
      deliver(bySeq.get(seq) as CallEvent);
    }
  };
  const takeHeld = (): CallEvent[] => {
    const out = held;
    held = [];
    syncing = false;
    return out;
  };

  return {
    syncStarted() {
      syncing = true;
    },
    live(call) {
      if (syncing) held.push(call);
      else release([call]);
    },
    synced(stateSeq, missed) {
      const live = takeHeld();
      // A wall that never saw a call starts from now: history is on screen, not spoken. Calls
      // that came live on this connection are new even when the state already counts them.
      release(started ? [...missed, ...live] : live);
      // Missed calls beyond the hub's cap are not replayed; the state shows them.
      last = Math.max(last, stateSeq);
      started = true;
    },
    syncFailed() {
      release(takeHeld());
    },
    lastSeq: () => last,
  };
}
