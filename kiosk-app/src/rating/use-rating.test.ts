import type { RatingRequest } from '@luot/shared';
import { HubError, type HubConnection } from '@luot/shared/client/connection';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { THANKS_MS, useRating } from './use-rating';

const request = (ticketId: number, counterId = 1): RatingRequest => ({
  counterId,
  counterNumber: counterId,
  ticketId,
  label: String(1000 + ticketId),
  expiresAt: '2026-03-02T02:02:00.000Z',
  secondsLeft: 120,
  scale: 3,
  reasons: ['Phải chờ lâu'],
});

/** A hub bound to counter 1 that answers at once: `answers` by request name (an error code refuses). */
function fakeHub(answers: Record<string, unknown>) {
  const handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  const sent: { name: string; input: unknown }[] = [];
  const socket = {
    on(event: string, fn: (...args: unknown[]) => void) {
      handlers.set(event, [...(handlers.get(event) ?? []), fn]);
      return socket;
    },
  };
  const hub = {
    socket,
    request: (name: string, input: unknown) => {
      sent.push({ name, input });
      const answer = answers[name];
      if (typeof answer === 'string') return Promise.reject(new HubError(answer as never, answer));
      return Promise.resolve(answer);
    },
  } as unknown as HubConnection;
  const fire = async (event: string, ...args: unknown[]): Promise<void> => {
    for (const fn of handlers.get(event) ?? []) fn(...args);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { hub, fire, sent };
}

describe('the counter’s rating page', () => {
  let scope = effectScope();
  beforeEach(() => {
    vi.useFakeTimers();
    scope = effectScope();
  });
  afterEach(() => {
    scope.stop();
    vi.useRealTimers();
  });
  const start = (answers: Record<string, unknown>) => {
    const fake = fakeHub({ 'device:whoami': { role: 'counter', counterId: 1, label: 'Quầy 1' }, ...answers });
    const rating = scope.run(() => useRating(fake.hub))!;
    return { ...fake, rating };
  };

  it('RT7: idle when the counter has nothing to rate; a ticket finished there is asked for, another counter’s is not', async () => {
    const { fire, rating } = start({ 'rating:pending': null });
    await fire('connect');
    expect(rating.view.value).toEqual({ kind: 'idle' });
    await fire('rating:requested', request(7, 2));
    expect(rating.view.value).toEqual({ kind: 'idle' });
    await fire('rating:requested', request(8));
    expect(rating.view.value).toEqual({ kind: 'asking', request: request(8) });
  });

  it('RT7: a level is sent once, then thanks, then idle after 5 s', async () => {
    const { fire, rating, sent } = start({ 'rating:pending': request(8), 'rating:submit': {} });
    await fire('connect');
    rating.choose('verySatisfied');
    rating.choose('verySatisfied');
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.filter((s) => s.name === 'rating:submit')).toEqual([
      { name: 'rating:submit', input: { counterId: 1, ticketId: 8, level: 'verySatisfied', reason: undefined } },
    ]);
    expect(rating.view.value.kind).toBe('thanks');
    await vi.advanceTimersByTimeAsync(THANKS_MS - 1);
    expect(rating.view.value.kind).toBe('thanks');
    await vi.advanceTimersByTimeAsync(1);
    expect(rating.view.value).toEqual({ kind: 'idle' });
  });

  it('RT3: an unhappy level asks for a reason first, and sends it', async () => {
    const { fire, rating, sent } = start({ 'rating:pending': request(8), 'rating:submit': {} });
    await fire('connect');
    rating.choose('dissatisfied');
    expect(rating.view.value).toMatchObject({ kind: 'reason', level: 'dissatisfied' });
    rating.giveReason('Phải chờ lâu');
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.at(-1)?.input).toEqual({ counterId: 1, ticketId: 8, level: 'dissatisfied', reason: 'Phải chờ lâu' });
    expect(rating.view.value.kind).toBe('thanks');
  });

  it('RT2: back to idle when the seconds left have passed, by the page’s own timer', async () => {
    const { fire, rating } = start({ 'rating:pending': request(8) });
    await fire('connect');
    await vi.advanceTimersByTimeAsync(119_999);
    expect(rating.view.value.kind).toBe('asking');
    await vi.advanceTimersByTimeAsync(1);
    expect(rating.view.value).toEqual({ kind: 'idle' });
  });

  it('RT4: a refusal shows its code (never raw text), then idle', async () => {
    const { fire, rating } = start({ 'rating:pending': request(8), 'rating:submit': 'RATING_DONE' });
    await fire('connect');
    rating.choose('satisfied');
    await vi.advanceTimersByTimeAsync(0);
    expect(rating.view.value).toEqual({ kind: 'refused', code: 'RATING_DONE' });
    await vi.advanceTimersByTimeAsync(THANKS_MS);
    expect(rating.view.value).toEqual({ kind: 'idle' });
  });
});
