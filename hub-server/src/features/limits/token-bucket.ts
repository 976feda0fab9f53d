import { DEFAULT_MAX_KEYS, keepRecent } from './recent-keys';
import type { Clock } from '@luot/shared';

/** How much a key may do: `burst` at once, then `perMinute` on average (L1). */
export interface RatePolicy {
  /** Tokens added per minute, > 0. */
  perMinute: number;
  /** The bucket's size: what a key that was quiet may do at once, ≥ 1. */
  burst: number;
}

export type Take =
  | { ok: true }
  | {
      ok: false;
      /** Until the next token, ≥ 1 ms. */
      retryAfterMs: number;
      /** The first refusal of this key since its bucket was last full: log this one only. */
      first: boolean;
    };

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date. */
  at: number;
  /** When the key was last seen: the map is kept in this order (least recent first). */
  seen: number;
  /** Refused since the bucket was last full (a burst under way). */
  limited: boolean;
}

export interface RateLimiter {
  /** One request of `key`: takes a token, or says how long until there is one. */
  take(key: string): Take;
  /** Gives back the token of a request that did not happen after all (the database was busy). */
  refund(key: string): void;
  /** Keys remembered now (at most `maxKeys`). */
  size(): number;
}

/**
 * A token bucket per key (L1), pure apart from the injected clock. Each key starts full (`burst`
 * tokens) and gains `perMinute` tokens a minute up to `burst`; a request takes one token or is
 * refused. So over any window of t ms a key gets at most burst + perMinute·t/60,000 requests.
 *
 * Memory is bounded: a key unseen for as long as an empty bucket takes to fill is full again, so
 * it is forgotten (looked at from the least recently seen end, on every call); and beyond
 * `maxKeys` the least recently seen key is dropped even if its bucket was not full.
 */
export function createRateLimiter(policy: RatePolicy, clock: Clock, options: { maxKeys?: number } = {}): RateLimiter {
  if (!(policy.perMinute > 0) || !(policy.burst >= 1))
    throw new RangeError(`bad rate policy ${JSON.stringify(policy)}`);
  const maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
  if (!(maxKeys >= 1)) throw new RangeError(`maxKeys ${maxKeys}`);
  const perMs = policy.perMinute / 60_000;
  /** A key idle this long has a full bucket whatever it had: forgetting it changes nothing. */
  const fillMs = policy.burst / perMs;
  const buckets = new Map<string, Bucket>();

  function forgetIdle(now: number): void {
    for (const [key, b] of buckets) {
      if (now - b.seen < fillMs) break;
      buckets.delete(key);
    }
  }

  /** The key's bucket brought up to `now`, moved to the most recently seen end. */
  function bucketOf(key: string, now: number): Bucket {
    let b = buckets.get(key);
    if (b) {
      // A clock set back neither adds nor takes tokens; the refill goes on from the new time.
      const elapsed = Math.max(0, now - b.at);
      b.tokens = Math.min(policy.burst, b.tokens + elapsed * perMs);
      b.at = now;
      if (b.tokens >= policy.burst) b.limited = false;
    } else {
      b = { tokens: policy.burst, at: now, seen: now, limited: false };
    }
    b.seen = now;
    keepRecent(buckets, key, b, maxKeys);
    return b;
  }

  return {
    take(key) {
      const now = clock.now();
      forgetIdle(now);
      const b = bucketOf(key, now);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { ok: true };
      }
      const first = !b.limited;
      b.limited = true;
      return { ok: false, retryAfterMs: Math.max(1, Math.ceil((1 - b.tokens) / perMs)), first };
    },
    refund(key) {
      const b = buckets.get(key);
      if (b) b.tokens = Math.min(policy.burst, b.tokens + 1);
    },
    size: () => buckets.size,
  };
}
