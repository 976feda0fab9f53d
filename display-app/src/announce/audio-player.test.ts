import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Clip } from './announcement-queue';
import { createAudioPlayer } from './audio-player';

const clip: Clip = { seq: 1, url: '/api/announcements/audio?number=1005&counter=3', text: '', rate: 1 };

/** An Audio element that plays only when the test fires its events. */
function fakeAudio(opts: { blockAutoplay?: boolean } = {}) {
  const target = new EventTarget();
  const audio = {
    src: '',
    playbackRate: 1,
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

  it('W11: a clip played to the end reports how long it was', async () => {
    const audio = Object.assign(fakeAudio(), { duration: 2.8271 });
    const { player } = setup(200, audio);
    const playing = player.play(clip);
    await vi.waitFor(() => expect(audio.src).toMatch(/^blob:/));
    audio.fire('ended');
    await expect(playing).resolves.toEqual({ durationMs: 2827 });
  });

  it('A7 W11: a short clip is played at its faster rate, and reports how long it took to play', async () => {
    const audio = Object.assign(fakeAudio(), { duration: 2.75 });
    const { player } = setup(200, audio);
    const playing = player.play({ ...clip, rate: 1.25 });
    await vi.waitFor(() => expect(audio.src).toMatch(/^blob:/));
    expect(audio.playbackRate).toBe(1.25);
    audio.fire('ended');
    await expect(playing).resolves.toEqual({ durationMs: 2200 });
  });

  it('A7: a clip prepared ahead is fetched once, then played from what was fetched', async () => {
    const { player, requests, audio } = setup();
    player.prepare!(clip);
    player.prepare!(clip);
    expect(requests).toHaveLength(1);
    const playing = player.play(clip);
    await vi.waitFor(() => expect(audio.src).toMatch(/^blob:/));
    audio.fire('ended');
    await playing;
    expect(requests).toHaveLength(1);
  });

  it('A7: a clip whose fetch ahead was refused is fetched again when its turn comes', async () => {
    let status = 503;
    const requests: string[] = [];
    const audio = fakeAudio();
    const player = createAudioPlayer({
      token: 'tok',
      baseUrl: 'http://hub.local:8080',
      fetch: (input) => {
        requests.push(input instanceof Request ? input.url : input instanceof URL ? input.href : input);
        return Promise.resolve(new Response(new Blob([new Uint8Array([82, 73, 70, 70])]), { status }));
      },
      createAudio: () => audio,
    });
    player.prepare!(clip);
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    status = 200;
    const playing = player.play(clip);
    await vi.waitFor(() => expect(audio.src).toMatch(/^blob:/));
    audio.fire('ended');
    await playing;
    expect(requests).toHaveLength(2);
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
