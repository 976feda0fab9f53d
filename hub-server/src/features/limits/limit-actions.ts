import { DomainError, foldVi, RetryLaterError, type Clock } from '@luot/shared';
import type { Logger } from 'pino';
import { aroundAction, type ActionTable } from '../../actions';
import { writeTransaction, type Db } from '../../db/open';
import type { EventLog, QueueEvent } from '../event-log/event-log';
import type { HubLimits } from './limits';
import { createLockout, type Lockout } from './lockout';
import { createRateLimiter } from './token-bucket';

export interface LimitActionDeps {
  db: Db;
  events: EventLog;
  logger: Logger;
  clock: Clock;
  limits: HubLimits;
  /** L3's lock-outs, when another feature shows them too (the officer list, C6); made here otherwise. */
  signInLockout?: Lockout;
}

/** Whole seconds to wait, at least 1. */
export const secondsOf = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

/**
 * Writes a refusal worth keeping to `queue_events` in its own transaction (the refused action wrote
 * nothing). A log that cannot be written (a busy or full database) is reported, never the answer.
 */
function auditLog(deps: LimitActionDeps): (e: QueueEvent) => void {
  const write = writeTransaction(deps.db, (e: QueueEvent) => deps.events.record(e));
  return (e) => {
    try {
      write(e);
    } catch (err) {
      deps.logger.error({ err, type: e.type }, 'refusal not logged');
    }
  };
}

/**
 * L2: a kiosk token issues at most `limits.ticketIssue` (a burst, then so many a minute); beyond
 * that the request is RATE_LIMITED before anything is written, so no number is used. The first
 * refusal of a burst is logged (pino and a `rateLimited` row), the rest are not. Admin tokens are
 * not limited; every kiosk token has its own bucket.
 */
export function withIssueLimit<T extends Pick<ActionTable, 'ticket:issue'>>(actions: T, deps: LimitActionDeps): T {
  const limiter = createRateLimiter(deps.limits.ticketIssue, deps.clock, { maxKeys: deps.limits.maxKeys });
  const audit = auditLog(deps);
  return aroundAction(actions, 'ticket:issue', (issue) => (device, input) => {
    if (device.role !== 'kiosk') return issue(device, input);
    const key = String(device.id);
    const took = limiter.take(key);
    if (!took.ok) {
      if (took.first) {
        deps.logger.warn(
          { deviceId: device.id, device: device.label, limit: deps.limits.ticketIssue },
          'ticket issue rate limited',
        );
        audit({ type: 'rateLimited', deviceId: device.id, data: { limit: 'ticketIssue' } });
      }
      throw new RetryLaterError('RATE_LIMITED', secondsOf(took.retryAfterMs));
    }
    try {
      return issue(device, input);
    } catch (e) {
      // A busy database is tried again by the dispatcher (H3): that try must not cost a ticket.
      if (!(e instanceof DomainError)) limiter.refund(key);
      throw e;
    }
  });
}

/** An officer's name as the lockout counts it: the database compares names without case. */
/**
 * The lock key of a name: folded as sign-in matches names (Q26), so "nguyen van an" and
 * "Nguyễn Văn An" (one officer) share one lock rather than giving five tries per spelling.
 */
const nameKey = (name: string): string => foldVi(name);

/**
 * L3: failed sign-ins lock the officer's name and the device (see lockout.ts). While either is
 * locked the request is OFFICER_LOCKED, the PIN not even checked, with the time left; the failure
 * that starts a lock answers so too. Each failure is logged with the name and the device, never
 * the PIN, and written as `signInFailed`; each lock as `officerLocked`. L4 (the same work for an
 * unknown name) is the officer repository's.
 */
export function withSignInLockout<T extends Pick<ActionTable, 'officer:signIn'>>(actions: T, deps: LimitActionDeps): T {
  const lockout = deps.signInLockout ?? createLockout(deps.limits.signIn, deps.clock, { maxKeys: deps.limits.maxKeys });
  const audit = auditLog(deps);
  return aroundAction(actions, 'officer:signIn', (signIn) => (device, input) => {
    const { name, counterId } = input;
    const keys = [
      ['officer', `officer:${nameKey(name)}`],
      ['device', `device:${device.id}`],
    ] as const;
    const waitMs = Math.max(...keys.map(([, key]) => lockout.lockedFor(key)));
    if (waitMs > 0) throw new RetryLaterError('OFFICER_LOCKED', secondsOf(waitMs));
    try {
      const done = signIn(device, input);
      for (const [, key] of keys) lockout.succeed(key);
      return done;
    } catch (e) {
      if (!(e instanceof DomainError) || e.code !== 'OFFICER_BAD_CREDENTIALS') throw e;
      deps.logger.warn({ officerName: name, deviceId: device.id, counterId }, 'officer sign-in failed');
      audit({ type: 'signInFailed', deviceId: device.id, counterId, data: { name } });
      let lockedMs = 0;
      for (const [scope, key] of keys) {
        const ms = lockout.fail(key);
        if (ms === 0) continue;
        const seconds = secondsOf(ms);
        deps.logger.warn(
          { officerName: name, deviceId: device.id, counterId, scope, seconds },
          'officer sign-in locked',
        );
        audit({ type: 'officerLocked', deviceId: device.id, counterId, data: { name, scope, seconds } });
        lockedMs = Math.max(lockedMs, ms);
      }
      if (lockedMs > 0) throw new RetryLaterError('OFFICER_LOCKED', secondsOf(lockedMs));
      throw e;
    }
  });
}
