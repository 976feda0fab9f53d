import { UNHAPPY_LEVELS, type ErrorCode, type RatingLevel, type RatingRequest } from '@luot/shared';
import { HubError, type HubConnection } from '@luot/shared/client/connection';
import { onScopeDispose, shallowRef } from 'vue';

/** RT7: what the rating page shows. */
export type RatingView =
  | { kind: 'idle' }
  | { kind: 'asking'; request: RatingRequest }
  | { kind: 'reason'; request: RatingRequest; level: RatingLevel }
  | { kind: 'thanks' }
  /** A refusal (RATING_CLOSED, RATING_DONE…; INTERNAL for a hub that did not answer), shown briefly. */
  | { kind: 'refused'; code: ErrorCode };

/** RT7: the thank-you (and a refusal) stays this long, then the page is idle again. */
export const THANKS_MS = 5000;

/**
 * RT6, RT7: the counter's rating page: the ticket the hub asks to have rated (on every connection,
 * `rating:pending`; then `rating:requested`), a level and perhaps a reason, a thank-you, then idle
 * again; idle too when the ticket's window closes.
 */
export function useRating(hub: HubConnection) {
  const view = shallowRef<RatingView>({ kind: 'idle' });
  const counterId = shallowRef<number | null>(null);
  const busy = shallowRef(false);
  let timer: ReturnType<typeof setTimeout> | undefined;

  function idleAfter(ms: number): void {
    clearTimeout(timer);
    timer = setTimeout(() => (view.value = { kind: 'idle' }), Math.max(0, ms));
  }
  function ask(request: RatingRequest | null): void {
    if (!request) {
      if (view.value.kind === 'asking' || view.value.kind === 'reason') view.value = { kind: 'idle' };
      return;
    }
    view.value = { kind: 'asking', request };
    // RT2: back to idle when the window closes (the hub refuses after that anyway), counted from
    // now: the tablet's own clock may be wrong.
    idleAfter(request.secondsLeft * 1000);
  }

  async function load(): Promise<void> {
    try {
      const me = await hub.request('device:whoami', {});
      counterId.value = me.counterId;
      if (me.counterId !== null) ask(await hub.request('rating:pending', { counterId: me.counterId }));
    } catch {
      // The connection banner and the next `connect` take care of it.
    }
  }
  hub.socket.on('connect', () => void load());
  hub.socket.on('rating:requested', (r) => {
    if (r.counterId === counterId.value) ask(r);
  });

  async function send(request: RatingRequest, level: RatingLevel, reason?: string): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    try {
      await hub.request('rating:submit', { counterId: request.counterId, ticketId: request.ticketId, level, reason });
      view.value = { kind: 'thanks' };
    } catch (e) {
      // Never the raw error text on a citizen's screen: the code's catalogue text.
      view.value = { kind: 'refused', code: e instanceof HubError ? e.code : 'INTERNAL' };
    } finally {
      busy.value = false;
    }
    idleAfter(THANKS_MS);
  }

  /** RT3: an unhappy level asks for a reason first, when the centre has any. */
  function choose(level: RatingLevel): void {
    const v = view.value;
    if (v.kind !== 'asking') return;
    if (UNHAPPY_LEVELS.includes(level) && v.request.reasons.length > 0) view.value = { ...v, kind: 'reason', level };
    else void send(v.request, level);
  }
  function giveReason(reason?: string): void {
    const v = view.value;
    if (v.kind === 'reason') void send(v.request, v.level, reason);
  }

  onScopeDispose(() => clearTimeout(timer));
  return { view, counterId, busy, choose, giveReason };
}
