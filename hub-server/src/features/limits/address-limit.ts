import { retryAfterText, type Clock } from '@luot/shared';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { sendRefusal } from '../../http/http-util';
import { secondsOf } from './limit-actions';
import { createRateLimiter, type RatePolicy } from './token-bucket';

/** A public route's limit per client address (L5). */
export interface AddressLimit {
  /** True when the client is over its limit: the 429 is already answered, the route does nothing. */
  refuse(req: IncomingMessage, res: ServerResponse): boolean;
}

/**
 * L5: requests per client address (the TCP peer, `req.socket.remoteAddress`; a header the
 * client writes is not trusted) to a public route. Past the limit: 429 RATE_LIMITED with
 * `Retry-After`, nothing read or written; the first refusal of a burst is logged, the rest not.
 */
export function createAddressLimit(
  name: string,
  policy: RatePolicy,
  deps: { clock: Clock; logger: Logger; maxKeys?: number },
): AddressLimit {
  const limiter = createRateLimiter(policy, deps.clock, { maxKeys: deps.maxKeys });
  return {
    refuse(req, res) {
      const address = req.socket.remoteAddress ?? 'unknown';
      const took = limiter.take(address);
      if (took.ok) return false;
      if (took.first) deps.logger.warn({ address, limit: name, policy }, 'public route rate limited');
      const retryAfterSeconds = secondsOf(took.retryAfterMs);
      sendRefusal(res, { code: 'RATE_LIMITED', detail: retryAfterText(retryAfterSeconds), retryAfterSeconds });
      return true;
    },
  };
}
