import type { LockoutPolicy } from './lockout';
import type { RatePolicy } from './token-bucket';

/** What one device or one address may do (L2, L3, L5); a hub option, these defaults otherwise. */
export interface HubLimits {
  /** Tickets per kiosk token (L2). Admin tokens are not limited. */
  ticketIssue: RatePolicy;
  /** Officer sign-in failures, per officer name and per device (L3). */
  signIn: LockoutPolicy;
  /** `GET /api/dossiers/:code` per client address (L5). */
  dossierLookup: RatePolicy;
  /**
   * The phone page's data and page per client address (L5). A phone asks every 4 s (P2), 15 times
   * a minute: the default lets 16 phones share one address (a guest Wi-Fi behind NAT).
   */
  ticketStatus: RatePolicy;
  /** Keys each limiter remembers at most. */
  maxKeys: number;
}

export const DEFAULT_LIMITS: HubLimits = {
  ticketIssue: { perMinute: 60, burst: 10 },
  signIn: { maxFailures: 5, lockMs: 60_000, maxLockMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 },
  dossierLookup: { perMinute: 30, burst: 10 },
  ticketStatus: { perMinute: 240, burst: 40 },
  maxKeys: 10_000,
};

/** Options as given (any part may be left out), over the defaults. */
export type LimitOptions = {
  [K in keyof HubLimits]?: HubLimits[K] extends object ? Partial<HubLimits[K]> : HubLimits[K];
};

export function resolveLimits(options: LimitOptions = {}): HubLimits {
  return {
    ticketIssue: { ...DEFAULT_LIMITS.ticketIssue, ...options.ticketIssue },
    signIn: { ...DEFAULT_LIMITS.signIn, ...options.signIn },
    dossierLookup: { ...DEFAULT_LIMITS.dossierLookup, ...options.dossierLookup },
    ticketStatus: { ...DEFAULT_LIMITS.ticketStatus, ...options.ticketStatus },
    maxKeys: options.maxKeys ?? DEFAULT_LIMITS.maxKeys,
  };
}
