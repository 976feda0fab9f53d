import { manualClock, type AnnouncementForm, type CallEvent } from '@luot/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  announcementForm,
  createAnnouncementQueue,
  hubClip,
  SHORT_RATE,
  type Clip,
  type Player,
  type QueueEvent,
} from './announcement-queue';

const T0 = Date.parse('2025-03-10T02:00:00.000Z');

function call(seq: number, over: Partial<CallEvent> = {}): CallEvent {
  return {
    seq,
    kind: 'call',
    ticketId: seq,
    label: String(1000 + seq),
    number: 1000 + seq,
    serviceId: 1,
    counterId: 3,
    counterNumber: 3,
    at: new Date(T0).toISOString(),
    ...over,
  };
}

/** A player whose clips end only when the test says so; it notes any overlap. */
function fakePlayer() {
  const started: number[] = [];
  const endings: { resolve(): void; reject(e: Error): void }[] = [];
  let active = 0;
  let maxActive = 0;
  const player: Player = {
    play: (clip: Clip) =>
      new Promise<void>((resolve, reject) => {
        started.push(clip.seq);
        maxActive = Math.max(maxActive, ++active);
        const done = (): void => {
          active--;
        };
        endings.push({
          resolve: () => {
            done();
            resolve();
          },
          reject: (e) => {
            done();
            reject(e);
          },
        });
      }),
  };
  const settle = async (how: 'end' | 'fail' = 'end'): Promise<void> => {
    const next = endings.shift();
    if (!next) throw new Error('nothing is playing');
    if (how === 'end') next.resolve();
    else next.reject(new Error('speaker unplugged'));
    // Lets the queue's loop take its next step; no time passes.
    await new Promise((r) => setTimeout(r, 0));
  };
  /** Lets every clip end, including those the queue starts meanwhile. */
  const playAll = async (): Promise<void> => {
    for (let i = 0; i < 100 && endings.length > 0; i++) await settle();
  };
  return { player, started, settle, playAll, maxActive: () => maxActive };
}

/** A queue that speaks as soon as it can: A8's gathering of a burst is tested on its own. */
function setup(opts: { maxPending?: number } = {}) {
  const clock = manualClock(T0);
  const fake = fakePlayer();
  const queue = createAnnouncementQueue({ player: fake.player, clock, gatherMs: 0, ...opts });
  const events: QueueEvent[] = [];
  queue.on((e) => events.push(e));
  const spoken = (): number[] => events.filter((e) => e.type === 'end').map((e) => e.call.seq);
  const skipped = (reason: string): number[] =>
    events.flatMap((e) => (e.type === 'skipped' && e.reason === reason ? [e.call.seq] : []));
  return { clock, fake, queue, events, spoken, skipped, playAll: fake.playAll };
}

describe('announcement queue', () => {
  it('A1: calls arriving together are spoken one after another, never over each other', async () => {
    const { fake, queue, spoken, playAll } = setup();
    for (const seq of [1, 2, 3]) queue.push(call(seq));
    expect(fake.started).toEqual([1]);
    await fake.settle();
    expect(fake.started).toEqual([1, 2]);
    await playAll();
    expect(spoken()).toEqual([1, 2, 3]);
    expect(fake.maxActive()).toBe(1);
    await queue.idle();
  });

  it('A2: a recall is spoken again, as its own seq', async () => {
    const { queue, spoken, playAll } = setup();
    queue.push(call(1));
    queue.push(call(2, { kind: 'recall', ticketId: 1, number: 1001, label: '1001' }));
    await playAll();
    expect(spoken()).toEqual([1, 2]);
  });

  it('A3: a seq delivered twice (live, then catch-up after a reconnect) is spoken once, in seq order', async () => {
    const { queue, spoken, skipped, playAll } = setup();
    queue.push(call(10));
    queue.push(call(12));
    // Reconnect: the hub replays everything after the last seq the display had confirmed.
    for (const seq of [10, 11, 12]) queue.push(call(seq));
    await playAll();
    queue.push(call(11));
    await playAll();
    expect(spoken()).toEqual([10, 11, 12]);
    expect(skipped('duplicate')).toEqual([10, 12, 11]);
  });

  it('A3: even after more than a thousand calls an old seq is still known', () => {
    const { queue, skipped, fake } = setup({ maxPending: 2000 });
    for (let seq = 1; seq <= 1200; seq++) queue.push(call(seq));
    queue.push(call(5));
    queue.push(call(1150));
    expect(skipped('duplicate')).toEqual([5, 1150]);
    expect(fake.started).toEqual([1]);
  });

  it('A4: a call more than 60 s old when it reaches the display is not spoken; a younger one is', async () => {
    const { clock, queue, fake, spoken, skipped, playAll } = setup();
    clock.set(T0 + 60_001);
    queue.push(call(1));
    clock.set(T0 + 60_000);
    queue.push(call(2));
    await playAll();
    expect(skipped('stale')).toEqual([1]);
    expect(spoken()).toEqual([2]);
    expect(fake.started).toEqual([2]);
    // The minute is judged on arrival: a call waiting behind another is held only to A8's 7.5 s.
    queue.push(call(3, { at: new Date(clock.now()).toISOString() }));
    queue.push(call(4, { at: new Date(clock.now()).toISOString() }));
    clock.advance(7_000);
    await playAll();
    expect(spoken()).toEqual([2, 3, 4]);
  });

  it('A5: a clip that fails to play does not hold up the next call', async () => {
    const { queue, fake, events, spoken, playAll } = setup();
    queue.push(call(1));
    queue.push(call(2));
    await fake.settle('fail');
    await playAll();
    expect(events.filter((e) => e.type === 'failed').map((e) => e.call.seq)).toEqual([1]);
    expect(spoken()).toEqual([2]);
  });

  it('A6: beyond the pending bound the oldest unspoken calls are dropped, and said so', async () => {
    const { queue, spoken, skipped, playAll } = setup({ maxPending: 2 });
    for (const seq of [1, 2, 3, 4, 5]) queue.push(call(seq));
    await playAll();
    expect(skipped('overflow')).toEqual([2, 3]);
    expect(spoken()).toEqual([1, 4, 5]);
  });

  it('A1: dispose stops after the clip playing now', async () => {
    const { queue, fake, playAll } = setup();
    queue.push(call(1));
    queue.push(call(2));
    queue.dispose();
    await playAll();
    queue.push(call(3));
    await queue.idle();
    expect(fake.started).toEqual([1]);
  });

  it('V10: the default clip is the hub route for the call, with the display text', () => {
    expect(hubClip(call(7, { number: 1005, label: '1005', counterNumber: 3 }))).toEqual({
      seq: 7,
      url: '/api/announcements/audio?number=1005&counter=3',
      text: 'Mời công dân có số thứ tự 1005 đến quầy số 3',
      rate: 1,
    });
  });

  it('V16 A7: the short clip asks the hub for form=short, shows "1003, quầy 2" and is played faster', () => {
    expect(hubClip(call(7, { number: 1003, label: '1003', counterNumber: 2 }), undefined, 'short')).toEqual({
      seq: 7,
      url: '/api/announcements/audio?number=1003&counter=2&form=short',
      text: '1003, quầy 2',
      rate: SHORT_RATE,
    });
  });
});

/** What a call went through, in ms from the start of a simulated hall (the queue's manual clock). */
interface Heard {
  arrived: number;
  /** Calls not yet started (itself excluded) when it arrived. */
  ahead: number;
  form?: AnnouncementForm;
  ended?: number;
  skipped?: string;
}

/** Clip lengths as the wall plays them: a full call ~6.5 s with its chime, a short one ~2.2 s at SHORT_RATE. */
const PLAYED_MS: Record<AnnouncementForm, number> = { full: 6500, short: 2200 };

/**
 * Runs the product's queue (A8's gathering included) against a voice whose clips last `ms[form]`,
 * calls arriving at the given times: simulated time moves from one arrival, clip end or gathering
 * timer to the next, earliest first.
 */
async function simulate(arrivals: readonly number[], ms: Record<AnnouncementForm, number> = PLAYED_MS) {
  const clock = manualClock(T0);
  const fake = fakePlayer();
  /** The gathering timer the queue set, if any (a holder: the queue's callback sets it). */
  const pendingTimer: { current: { at: number; resolve(): void } | null } = { current: null };
  const queue = createAnnouncementQueue({
    player: fake.player,
    clock,
    delay: (wait) => new Promise<void>((resolve) => (pendingTimer.current = { at: clock.now() - T0 + wait, resolve })),
  });
  const heard = new Map<number, Heard>();
  let endsAt: number | null = null;
  let notStarted = 0;
  queue.on((e) => {
    const at = clock.now() - T0;
    if (e.type === 'queued') heard.set(e.call.seq, { arrived: at, ahead: notStarted++ });
    if (e.type === 'skipped') {
      notStarted--;
      heard.get(e.call.seq)!.skipped = e.reason;
    }
    if (e.type === 'start') {
      notStarted--;
      heard.get(e.call.seq)!.form = e.form;
      endsAt = at + ms[e.form];
    }
    if (e.type === 'end') {
      heard.get(e.call.seq)!.ended = at;
      endsAt = null;
    }
  });
  const order = [...arrivals].sort((a, b) => a - b);
  let next = 0;
  const flush = (): Promise<unknown> => new Promise((r) => setTimeout(r, 0));
  // Each pass handles one arrival, one clip end or the gathering timer, so the loop ends.
  for (;;) {
    const arrival = next < order.length ? order[next]! : Infinity;
    const gathered = pendingTimer.current;
    const timerAt = gathered ? gathered.at : Infinity;
    const clipEnd = endsAt ?? Infinity;
    const soonest = Math.min(arrival, timerAt, clipEnd);
    if (soonest === Infinity) break;
    clock.set(T0 + soonest);
    if (arrival === soonest) {
      next++;
      queue.push(call(next, { at: new Date(clock.now()).toISOString() }));
    } else if (gathered && timerAt === soonest) {
      pendingTimer.current = null;
      gathered.resolve();
      await flush();
    } else {
      await fake.settle();
    }
  }
  return { heard: [...heard.entries()].map(([seq, h]) => ({ seq, ...h })), started: fake.started };
}

describe('announcement queue: a backlog is said briefly (A7) and the voice keeps up (A8)', () => {
  it('A7: the form is short while calls wait behind, or after more than 3 s of waiting', () => {
    expect(announcementForm(0, 0)).toBe('full');
    expect(announcementForm(0, 3000)).toBe('full');
    expect(announcementForm(0, 3001)).toBe('short');
    expect(announcementForm(1, 0)).toBe('short');
    expect(announcementForm(5, 10_000)).toBe('short');
  });

  it('A7 A8: six calls in one second are all said briefly while the voice can keep up; the rest are shown, not spoken', async () => {
    const { heard, started } = await simulate([0, 150, 300, 500, 700, 950]);
    // Gathered for a second, then short clips of ~2.2 s: four fit in ten seconds.
    expect(started).toEqual([1, 2, 3, 4]);
    expect(heard.filter((h) => h.form).map((h) => h.form)).toEqual(['short', 'short', 'short', 'short']);
    expect(heard.filter((h) => h.skipped).map((h) => [h.seq, h.skipped])).toEqual([
      [5, 'behind'],
      [6, 'behind'],
    ]);
    for (const h of heard) if (h.ended !== undefined) expect(h.ended - h.arrived).toBeLessThanOrEqual(10_000);
  });

  it('A8: a lone call is gathered for a second, then said in full', async () => {
    const { heard } = await simulate([0]);
    expect(heard).toEqual([{ seq: 1, arrived: 0, ahead: 0, form: 'full', ended: 1000 + PLAYED_MS.full }]);
  });

  it('A7: the short clips go to the hub as form=short, the full one without', async () => {
    const clock = manualClock(T0);
    const fake = fakePlayer();
    const urls: string[] = [];
    const queue = createAnnouncementQueue({
      player: fake.player,
      clock,
      gatherMs: 0,
      clipFor: (c, form) => {
        const clip = hubClip(c, undefined, form);
        urls.push(clip.url);
        return clip;
      },
    });
    for (const seq of [1, 2]) queue.push(call(seq));
    // The first clip lasts 6.5 s: the second has waited that long when its turn comes.
    clock.advance(6500);
    await fake.playAll();
    expect(urls).toEqual([
      '/api/announcements/audio?number=1001&counter=3',
      '/api/announcements/audio?number=1002&counter=3&form=short',
    ]);
  });

  it("A7: while the voice is busy, the next call's short clip is fetched ahead", async () => {
    const clock = manualClock(T0);
    const fake = fakePlayer();
    const prepared: string[] = [];
    const queue = createAnnouncementQueue({
      player: { ...fake.player, prepare: (clip) => prepared.push(clip.url) },
      clock,
      gatherMs: 0,
    });
    queue.push(call(1));
    expect(prepared).toEqual([]);
    queue.push(call(2));
    queue.push(call(3));
    expect(prepared).toEqual(['/api/announcements/audio?number=1002&counter=3&form=short']);
    clock.advance(6500);
    await fake.settle();
    expect(prepared.at(-1)).toBe('/api/announcements/audio?number=1003&counter=3&form=short');
    await fake.playAll();
  });

  it('A7 A8 property: every call spoken is over within 10 s of reaching the wall, once and in order; a call that finds none waiting is always spoken', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 40_000 }), { minLength: 1, maxLength: 12 }),
        async (times) => {
          const { heard, started } = await simulate(times);
          const spoken = heard.filter((h) => h.skipped === undefined);
          expect(started).toEqual(spoken.map((h) => h.seq));
          expect(spoken.every((h) => h.ended !== undefined)).toBe(true);
          for (const h of spoken) expect(h.ended! - h.arrived).toBeLessThanOrEqual(10_000);
          for (const h of heard) if (h.skipped !== undefined) expect(h.skipped).toBe('behind');
          for (const h of heard) if (h.ahead === 0) expect(h.skipped).toBeUndefined();
        },
      ),
      { numRuns: 200 },
    );
  });
});
