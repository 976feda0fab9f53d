import type { PublicTicketStatus, TicketStatus } from '@luot/shared';
import { onBeforeUnmount, onMounted, shallowRef } from 'vue';

export type PhoneView =
  { kind: 'loading' } | { kind: 'notFound' } | { kind: 'found'; ticket: PublicTicketStatus; at: number };

/** P2: every few seconds while the citizen may still be called. */
const POLL_MS = 4000;
/** A page left open all day stops after 12 hours; a reload starts it again. */
const MAX_POLLS = (12 * 60 * 60 * 1000) / POLL_MS;
/** Statuses after which nothing changes any more for this ticket. */
const FINAL: readonly TicketStatus[] = ['done', 'noShow', 'transferred', 'expired', 'cancelled'];

/** The public id in the address `/t/<publicId>`. */
export function publicIdFromPath(path: string): string {
  return /^\/t\/([^/]+)\/?$/.exec(path)?.[1] ?? '';
}

/**
 * The ticket behind `publicId`, kept current by polling the hub's public API (P2). `retrying` is
 * set while the hub cannot be reached; the last known state stays on screen meanwhile.
 */
export function useTicketStatus(publicId: string) {
  const view = shallowRef<PhoneView>({ kind: 'loading' });
  const retrying = shallowRef(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let polls = 0;
  let stopped = false;

  async function load(): Promise<void> {
    clearTimeout(timer);
    polls += 1;
    try {
      const res = await fetch(`/api/public/tickets/${encodeURIComponent(publicId)}`, { cache: 'no-store' });
      if (res.status === 404) {
        view.value = { kind: 'notFound' };
        stopped = true;
      } else if (res.ok) {
        const ticket = (await res.json()) as PublicTicketStatus;
        view.value = { kind: 'found', ticket, at: Date.now() };
        stopped = FINAL.includes(ticket.status);
      }
      retrying.value = !res.ok && res.status !== 404;
    } catch {
      retrying.value = true;
    }
    if (!stopped && polls < MAX_POLLS) timer = setTimeout(() => void load(), POLL_MS);
  }

  // A phone that comes back from the lock screen asks at once instead of showing a stale turn.
  const onVisible = (): void => {
    if (document.visibilityState === 'visible' && !stopped) void load();
  };
  onMounted(() => {
    void load();
    document.addEventListener('visibilitychange', onVisible);
  });
  onBeforeUnmount(() => {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisible);
  });
  return { view, retrying };
}
