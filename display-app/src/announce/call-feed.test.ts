import type { CallEvent } from '@luot/shared';
import { describe, expect, it } from 'vitest';
import { createCallFeed } from './call-feed';

const call = (seq: number): CallEvent => ({
  seq,
  kind: 'call',
  ticketId: seq,
  label: String(1000 + seq),
  number: 1000 + seq,
  serviceId: 1,
  counterId: 1,
  counterNumber: 1,
  at: '2025-03-10T02:00:00.000Z',
});

function setup() {
  const delivered: number[] = [];
  const feed = createCallFeed((c) => delivered.push(c.seq));
  return { feed, delivered };
}

describe('call feed', () => {
  it('W7: a first connection starts from the hub’s seq: history is not delivered, what follows is', () => {
    const { feed, delivered } = setup();
    feed.syncStarted();
    feed.synced(40, []);
    feed.live(call(41));
    expect(delivered).toEqual([41]);
    expect(feed.lastSeq()).toBe(41);
  });

  it('W7: a live call during the first catch-up is delivered even though the state already counts it', () => {
    const { feed, delivered } = setup();
    feed.syncStarted();
    feed.live(call(41));
    feed.synced(41, []);
    expect(delivered).toEqual([41]);
  });

  it('W7: a live call arriving while a catch-up is in flight does not make the missed calls drop', () => {
    const { feed, delivered } = setup();
    feed.syncStarted();
    feed.synced(10, []);
    // Reconnect after missing 11 and 12; 13 is called while the catch-up request travels.
    feed.syncStarted();
    feed.live(call(13));
    expect(delivered).toEqual([]);
    feed.synced(13, [call(11), call(12), call(13)]);
    expect(delivered).toEqual([11, 12, 13]);
    feed.live(call(14));
    expect(delivered).toEqual([11, 12, 13, 14]);
  });

  it('W7: a seq delivered live and again by a catch-up reaches the wall once', () => {
    const { feed, delivered } = setup();
    feed.syncStarted();
    feed.synced(0, []);
    feed.live(call(1));
    feed.live(call(2));
    feed.syncStarted();
    feed.synced(3, [call(2), call(3)]);
    feed.live(call(3));
    feed.live(call(2));
    expect(delivered).toEqual([1, 2, 3]);
  });

  it('W7/W8: missed calls beyond the hub’s cap are skipped: the next catch-up asks after the state’s seq', () => {
    const { feed, delivered } = setup();
    feed.syncStarted();
    feed.synced(5, []);
    feed.syncStarted();
    feed.synced(900, [call(899), call(900)]);
    expect(delivered).toEqual([899, 900]);
    expect(feed.lastSeq()).toBe(900);
  });

  it('W7: when the catch-up fails, the live calls it held still go out, once', () => {
    const { feed, delivered } = setup();
    feed.syncStarted();
    feed.synced(3, []);
    feed.syncStarted();
    feed.live(call(6));
    feed.live(call(5));
    feed.syncFailed();
    expect(delivered).toEqual([5, 6]);
    feed.syncStarted();
    feed.synced(7, [call(4), call(5), call(6), call(7)]);
    expect(delivered).toEqual([5, 6, 7]);
  });
});
