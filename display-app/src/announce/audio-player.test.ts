import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Clip } from './announcement-queue';
import { createAudioPlayer } from './audio-player';

const clip: Clip = { seq: 1, url: '/api/announcements/audio?number=1005&counter=3', text: '' };

/** An Audio element that plays only when the test fires its events. */
function fakeAudio(opts: { blockAutoplay?: boolean } = {}) {
  const target = new EventTarget();
  const audio = {
    src: '',
    paused: false,
    play: () => (opts.blockAutoplay ? Promise.reject(new Error('NotAllowedError')) : Promise.resolve()),
    pause: () => {
      audio.paused = true;
    },
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
    fire: (type: string) => target.dispatchEvent(new Event(type)),
  };
  return audio;
}

function setup(status = 200, audio = fakeAudio()) {
  const requests: { url: string; auth: string | null }[] = [];
  const fetchFake: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    requests.push({ url, auth: new Headers(init?.headers).get('authorization') });
    return Promise.resolve(new Response(new Blob([new Uint8Array([82, 73, 70, 70])]), { status }));
  };
  const player = createAudioPlayer({
    token: 'tok',
    baseUrl: 'http://hub.local:8080',
    timeoutMs: 5000,
    fetch: fetchFake,
    createAudio: () => audio,
  });
  return { player, requests, audio };
}

const settled = async (p: Promise<unknown>): Promise<string> =>
  Promise.race([
    p.then(
      () => 'resolved',
      () => 'rejected',
    ),
    new Promise<string>((r) => setTimeout(() => r('pending'), 0)),
  ]);

describe('browser audio player', () => {
  afterEach(() => vi.useRealTimers());

  it('A1: fetches the clip with the display token and finishes only when the audio has ended', async () => {
    const { player, requests, audio } = setup();
    const playing = player.play(clip);
    await vi.waitFor(() => expect(audio.src).toMatch(/^blob:/));
    expect(await settled(playing)).toBe('pending');
    audio.fire('ended');
    await expect(playing).resolves.toBeUndefined();
    expect(requests).toEqual([{ url: `http://hub.local:8080${clip.url}`, auth: 'Bearer tok' }]);
    expect(audio.paused).toBe(true);
  });

  it('A5: a refused request, a blocked autoplay, a broken file or a stall all reject, so the queue moves on', async () => {
    await expect(setup(403).player.play(clip)).rejects.toThrow(/HTTP 403/);
    await expect(setup(200, fakeAudio({ blockAutoplay: true })).player.play(clip)).rejects.toThrow(/NotAllowed/);

    const broken = setup();
    const p = broken.player.play(clip);
    await vi.waitFor(() => expect(broken.audio.src).toMatch(/^blob:/));
    broken.audio.fire('error');
    await expect(p).rejects.toThrow(/could not be played/);

    vi.useFakeTimers();
    const stalled = setup();
    const q = stalled.player.play(clip);
    const outcome = expect(q).rejects.toThrow(/did not end within 5000 ms/);
    await vi.advanceTimersByTimeAsync(5001);
    await outcome;
  });
});
