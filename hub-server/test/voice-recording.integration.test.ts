import { buildAnnouncement, buildShortAnnouncement, manualClock, type VoiceList } from '@luot/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORDED_GAP_MS } from '../src/features/speech/recorded-voice';
import { phraseWords, planClips } from '../src/features/speech/voice-pack';
import { chime, concatWav, encodeWav, parseWav, type PcmFormat, type Wav } from '../src/features/speech/wav';
import { api, connect, startTestHub, staffCounters, type TestSocket } from './support/hub';

/** The recorded voice's format: not eSpeak NG's (22,050 Hz), so the two cannot be confused. */
const FORMAT: PcmFormat = { sampleRate: 16_000, channels: 1 };

/** A sine tone of its own frequency and length per word: each clip is recognisable in the audio. */
function tone(i: number, format = FORMAT, ms = 150 + 7 * i): Wav {
  const frames = Math.round((format.sampleRate * ms) / 1000);
  const data = new Uint8Array(frames * 2 * format.channels);
  const view = new DataView(data.buffer);
  const hz = 300 + 37 * i;
  for (let f = 0; f < frames; f++) {
    const s = Math.round(0.4 * 32767 * Math.sin((2 * Math.PI * hz * f) / format.sampleRate));
    for (let c = 0; c < format.channels; c++) view.setInt16((f * format.channels + c) * 2, s, true);
  }
  return { format, data };
}

describe('V17: the centre records its own voice from the admin console', () => {
  let hub: Awaited<ReturnType<typeof startTestHub>>;
  let admin: string;
  let display: string;
  let socket: TestSocket;
  const clips = new Map<string, Wav>();

  const list = (): Promise<VoiceList> =>
    new Promise((resolve, reject) =>
      socket.emit('voice:list', {}, (ack) => (ack.ok ? resolve(ack.data) : reject(new Error(ack.code)))),
    );
  const put = (word: string, body: Uint8Array | string, token = admin) =>
    fetch(`${hub.url}/api/voice/clips/${encodeURIComponent(word)}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'audio/wav' },
      body,
    });
  const audio = async (query: string): Promise<{ bytes: Uint8Array; wav: Wav }> => {
    const res = await fetch(`${hub.url}/api/announcements/audio?${query}`, {
      headers: { authorization: `Bearer ${display}` },
    });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { bytes, wav: parseWav(bytes) };
  };
  /** What the recorded voice must say for a phrase: its clips by V11's matching, joined with the gap. */
  const recorded = (spoken: string): Wav => {
    const plan = planClips(phraseWords(spoken), (k) => clips.has(k), 10);
    expect(plan.missing).toEqual([]);
    return concatWav(
      plan.keys.map((k) => clips.get(k)!),
      RECORDED_GAP_MS,
    );
  };

  beforeAll(async () => {
    // A Monday at 09:00 in Hà Nội: the demo's services are open.
    hub = await startTestHub({ clock: manualClock(Date.parse('2026-03-02T02:00:00Z')) });
    admin = hub.demoTokens!.admin;
    display = hub.demoTokens!.display;
    socket = await connect(hub.url, admin);
  });
  afterAll(async () => {
    socket.close();
    await hub.stop();
  });

  let call: { number: number; counter: number };

  it('V17: lists the words the demo centre needs, none recorded, the pack not in use; calls speak eSpeak NG', async () => {
    const before = await list();
    expect(before.complete).toBe(false);
    expect(before.inUse).toBe(false);
    expect(before.words.map((w) => w.word).slice(0, 3)).toEqual(['mời công dân có số thứ tự', 'đến quầy số', 'quầy']);
    expect(before.words.every((w) => !w.recorded && w.recordedAt === null)).toBe(true);
    expect(before.words.map((w) => w.word)).toEqual(
      expect.arrayContaining(['một', 'nghìn', 'linh', 'mốt', 'tư', 'lăm']),
    );

    staffCounters(hub);
    const ticket = await api(hub.url, hub.demoTokens!.kiosk, 'POST', '/api/tickets', { serviceId: 2 });
    expect(ticket.status).toBe(201);
    // The counter that serves it calls it: the next call of the centre.
    const counters = (await api(hub.url, admin, 'GET', '/api/counters')).body!.counters as {
      id: number;
      number: number;
    }[];
    for (const c of counters) {
      const called = await api(hub.url, admin, 'POST', `/api/counters/${c.id}/call-next`);
      if (called.status === 200) {
        call = { number: called.body!.number as number, counter: c.number };
        break;
      }
    }
    expect(call).toBeDefined();
    // Heard once in eSpeak NG's voice: this phrase is now in the speech cache.
    const { wav } = await audio(`number=${call.number}&counter=${call.counter}`);
    expect(wav.format.sampleRate).not.toBe(FORMAT.sampleRate);
  });

  it('V17: a bad upload is refused with a Vietnamese reason and changes nothing', async () => {
    const before = await list();
    const first = tone(0);
    expect((await put('một', encodeWav(first))).status).toBe(200);
    clips.set('một', first);
    const refusals: [string, Uint8Array | string][] = [
      ['hai', 'không phải tệp âm thanh'],
      ['hai', encodeWav(tone(1, FORMAT, 10_500))],
      ['hai', encodeWav(tone(1, { sampleRate: 22_050, channels: 1 }))],
      ['hai', encodeWav(tone(1, { sampleRate: 16_000, channels: 2 }))],
      ['hai', new Uint8Array(1024 * 1024 + 1)],
      ['không có từ này', encodeWav(tone(1))],
    ];
    for (const [word, body] of refusals) {
      const res = await put(word, body);
      const answer = (await res.json()) as { code: string; detail?: string };
      expect([res.status, answer.code]).toEqual([400, 'VOICE_CLIP_INVALID']);
      expect(answer.detail).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữự]/);
    }
    // Not an admin: refused before the body is read.
    expect((await put('hai', encodeWav(tone(1)), display)).status).toBe(403);
    const after = await list();
    expect(after.words.filter((w) => w.recorded).map((w) => w.word)).toEqual(['một']);
    expect(after.words.length).toBe(before.words.length);
    expect(after.inUse).toBe(false);
  });

  it('V17 (V12 V13 V14): once every word is recorded, the next call is said in the recorded clips, live', async () => {
    const words = (await list()).words.map((w) => w.word);
    for (const [i, word] of words.entries()) {
      if (clips.has(word)) continue;
      const clip = tone(i);
      const res = await put(word, encodeWav(clip));
      expect(res.status, word).toBe(200);
      clips.set(word, clip);
    }
    const now = await list();
    expect(now.complete).toBe(true);
    expect(now.inUse).toBe(true);
    expect(now.words.every((w) => w.recorded && typeof w.recordedAt === 'number')).toBe(true);

    // The same call as before: not eSpeak NG's cached audio, but chime + the recorded clips, sample for sample.
    const full = await audio(`number=${call.number}&counter=${call.counter}`);
    const spoken = buildAnnouncement(String(call.number), call.counter).spoken;
    const expected = concatWav([chime(FORMAT), recorded(spoken)]);
    expect(full.wav.format).toEqual(FORMAT);
    expect(full.wav.data.length).toBe(expected.data.length);
    expect(Buffer.from(full.bytes).equals(Buffer.from(encodeWav(expected)))).toBe(true);

    // V16's short form is covered too ("quầy").
    const short = await audio(`number=${call.number}&counter=${call.counter}&form=short`);
    const shortSpoken = buildShortAnnouncement(String(call.number), call.counter).spoken;
    expect(Buffer.from(short.bytes).equals(Buffer.from(encodeWav(recorded(shortSpoken))))).toBe(true);
  });

  it('V17: a clip plays back as recorded; removing one goes back to eSpeak NG; every change is audited', async () => {
    const back = await fetch(`${hub.url}/api/voice/clips/${encodeURIComponent('một')}`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(back.headers.get('content-type')).toBe('audio/wav');
    expect(parseWav(new Uint8Array(await back.arrayBuffer()))).toEqual(clips.get('một'));

    const removed = await fetch(`${hub.url}/api/voice/clips/${encodeURIComponent('trăm')}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${admin}` },
    });
    const after = (await removed.json()) as VoiceList;
    expect(after.complete).toBe(false);
    expect(after.inUse).toBe(false);
    expect(after.words.find((w) => w.word === 'trăm')?.recorded).toBe(false);
    const { wav } = await audio(`number=${call.number}&counter=${call.counter}`);
    expect(wav.format.sampleRate).not.toBe(FORMAT.sampleRate);

    const audited = hub.db
      .prepare("SELECT action, summary FROM admin_audit WHERE action LIKE 'voice:%' ORDER BY id")
      .all() as { action: string; summary: string }[];
    expect(audited.length).toBe(clips.size + 1);
    expect(audited.at(-1)).toEqual({ action: 'voice:delete', summary: 'Xoá bản ghi âm “trăm”' });
  });
});
