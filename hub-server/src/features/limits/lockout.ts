import type { Clock } from '@luot/shared';
import { DEFAULT_MAX_KEYS, keepRecent } from './recent-keys';

/** When failures lock a key, and for how long (L3). */
export interface LockoutPolicy {
  /** Failures in a row that lock the key, ≥ 1. */
  maxFailures: number;
  /** The first lock; each further one is twice as long as the one before… */
  lockMs: number;
  /** …up to this. */
  maxLockMs: number;
  /** A key with no failure for this long starts again from nothing (when not locked). */
  forgetAfterMs: number;
}

interface Entry {
  /** Failures since the last success or the last lock. */
  failures: number;
  /** Locks so far: the next lasts lockMs · 2^locks. */
  locks: number;
  lockedUntil: number;
  /** The last failure: the map is kept in this order (least recent first). */
  at: number;
}

export interface Lockout {
  /** Milliseconds the key stays locked, 0 when it is not. */
  lockedFor(key: string): number;
  /** Counts a failure; the length of the lock it starts, or 0 when it starts none. */
  fail(key: string): number;
  /** A success forgets the key's failures and locks. */
  succeed(key: string): void;
  size(): number;
}

/**
 * Back-off on failures per key (L3), pure apart from the injected clock: `maxFailures` failures in
 * a row lock the key for `lockMs`; once a lock is over, the next failure locks it again for twice
 * as long as the last lock, up to `maxLockMs`; a success, or `forgetAfterMs` without a failure
 * (and no lock running), starts it from nothing.
 *
 * Memory is bounded: keys past forgetting are dropped from the least recent end on every call,
 * and beyond `maxKeys` the least recent key is dropped.
 */
export function createLockout(policy: LockoutPolicy, clock: Clock, options: { maxKeys?: number } = {}): Lockout {
  if (
    !(policy.maxFailures >= 1) ||
    !(policy.lockMs > 0) ||
    !(policy.maxLockMs >= policy.lockMs) ||
    !(policy.forgetAfterMs > 0)
  ) {
    throw new RangeError(`bad lockout policy ${JSON.stringify(policy)}`);
  }
  const maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
  const entries = new Map<string, Entry>();
  const stale = (e: Entry, now: number): boolean => now >= e.lockedUntil && now - e.at >= policy.forgetAfterMs;

  function forgetStale(now: number): void {
    for (const [key, e] of entries) {
      // The order is by last failure; a lock runs at most maxLockMs past it.
      if (now - e.at < policy.forgetAfterMs + policy.maxLockMs) break;
      entries.delete(key);
    }
  }

  function entryOf(key: string, now: number): Entry | undefined {
    forgetStale(now);
    const e = entries.get(key);
    if (e && stale(e, now)) {
      entries.delete(key);
      return undefined;
    }
    // A clock set back does not make a lock longer than the longest.
    if (e && e.lockedUntil - now > policy.maxLockMs) e.lockedUntil = now + policy.maxLockMs;
    return e;
  }

  return {
    lockedFor(key) {
      const now = clock.now();
      const e = entryOf(key, now);
      return e ? Math.max(0, e.lockedUntil - now) : 0;
    },
    fail(key) {
      const now = clock.now();
      const e = entryOf(key, now) ?? { failures: 0, locks: 0, lockedUntil: 0, at: now };
      e.at = now;
      keepRecent(entries, key, e, maxKeys);
      // A failure while locked (the caller did not ask first) changes nothing.
      if (now < e.lockedUntil) return 0;
      e.failures += 1;
      // After a lock, one failure is enough to lock again.
      if (e.locks === 0 && e.failures < policy.maxFailures) return 0;
      const ms = Math.min(policy.maxLockMs, policy.lockMs * 2 ** e.locks);
      e.locks += 1;
      e.failures = 0;
      e.lockedUntil = now + ms;
      return ms;
    },
    succeed(key) {
      entries.delete(key);
    },
    size: () => entries.size,
  };
}
