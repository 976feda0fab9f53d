import type { CentreSettings } from '@luot/shared';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../db/open';
import { createHttpServer } from '../../http/http-server';
import { createDeviceRepository } from '../devices/device-repository';
import { createEspeakEngine } from './espeak-engine';
import type { SpeechEngine } from './speech-engine';
import { speechRoutes } from './speech-routes';
import { parseWav, summarizeWav } from './wav';

const settings: CentreSettings = {
  name: 'Trung tâm thử nghiệm',
  blockSize: 1000,
  numberFormat: 'numeric',
  priorityCategories: [],
  maxPriorityInRow: 2,
  defaultServiceSeconds: 300,
};

describe('GET /api/announcements/audio', () => {
  let db: Db;
  let espeak: SpeechEngine;
  let base: string;
  let close: () => Promise<void>;
  const spoken: string[] = [];
  let current = settings;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    db = openDatabase(join(mkdtempSync(join(tmpdir(), 'luot-speech-')), 'luot.db'));
    const devices = createDeviceRepository(db);
    for (const role of ['display', 'admin', 'kiosk'] as const) tokens[role] = devices.create(role, null, role, 0);
    espeak = createEspeakEngine();
    // Records the phrase on its way to the real engine, so the label's reading can be checked.
    const engine: SpeechEngine = {
      synthesize: (text) => {
        spoken.push(text);
        return espeak.synthesize(text);
      },
      close: () => espeak.close(),
    };
    const http = createHttpServer({
      devices,
      dispatch: () => {
        throw new Error('no actions in this test');
      },
      publish: () => undefined,
      apps: {},
      rawRoutes: speechRoutes({ engine, centreSettings: () => current }),
      logger: pino({ level: 'silent' }),
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    close = () => new Promise<void>((resolve) => http.close(() => resolve()));
  });

  afterAll(async () => {
    await close();
    await espeak.close();
    db.close();
  });

  const get = (query: string, token: string | null | undefined = tokens.display): Promise<Response> =>
    fetch(`${base}/api/announcements/audio${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('V14: a display gets the chime then the spoken call as a valid WAV longer than a second', async () => {
    const res = await get('?number=1005&counter=3');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/wav');
    const bytes = new Uint8Array(await res.arrayBuffer());
    const wav = parseWav(bytes);
    const summary = summarizeWav(wav);
    expect(summary.durationMs).toBeGreaterThan(1000);
    expect(summary.rms).toBeGreaterThan(0.02);
    expect(spoken.at(-1)).toBe('Mời công dân có số thứ tự một nghìn không trăm linh năm đến quầy số ba');
    mkdirSync(join(process.cwd(), 'test-results', 'voice'), { recursive: true });
    writeFileSync(join(process.cwd(), 'test-results', 'voice', 'announcement.wav'), bytes);
  });

  it('V9: in the letter format the label is spoken as the centre prints it', async () => {
    current = { ...settings, numberFormat: 'letter' };
    try {
      expect((await get('?number=2015&counter=12')).status).toBe(200);
      expect(spoken.at(-1)).toBe('Mời công dân có số thứ tự bê mười lăm đến quầy số mười hai');
    } finally {
      current = settings;
    }
  });

  it('V16: form=short is the number and the counter in words, without the chime', async () => {
    const full = await get('?number=1003&counter=2');
    const short = await get('?number=1003&counter=2&form=short');
    expect(short.status).toBe(200);
    expect(short.headers.get('content-type')).toBe('audio/wav');
    expect(spoken.at(-1)).toBe('một nghìn không trăm linh ba, quầy hai');
    const fullWav = parseWav(new Uint8Array(await full.arrayBuffer()));
    const shortWav = parseWav(new Uint8Array(await short.arrayBuffer()));
    const shortMs = summarizeWav(shortWav).durationMs;
    // No chime: the clip opens with speech, not with a pure 880 Hz tone, and is far shorter.
    expect(shortMs).toBeLessThan(summarizeWav(fullWav).durationMs - 2000);
    expect(shortMs).toBeLessThan(3500);
    expect(Buffer.from(shortWav.data.subarray(0, 4000)).equals(Buffer.from(fullWav.data.subarray(0, 4000)))).toBe(
      false,
    );
    expect((await get('?number=1003&counter=2&form=full')).status).toBe(200);
    expect(spoken.at(-1)).toBe('Mời công dân có số thứ tự một nghìn không trăm linh ba đến quầy số hai');
  });

  it('V15: bad numbers are refused with a Vietnamese error, not audio', async () => {
    for (const q of [
      '',
      '?number=abc&counter=3',
      '?number=1005',
      '?number=0&counter=1',
      '?number=1005&counter=0',
      '?number=1005&counter=1234',
      '?number=1005&counter=3&x=1',
      '?number=1e3&counter=3',
      '?number=1005&counter=3&form=long',
      '?number=1005&counter=3&form=',
      '?number=1005&counter=3&form=SHORT',
      '?number=1005&counter=3&short=1',
    ]) {
      const res = await get(q);
      expect(res.status, q).toBe(400);
      expect(await res.json(), q).toEqual({ code: 'BAD_REQUEST', message: 'Yêu cầu không hợp lệ.' });
    }
  });

  it('V15: only displays and admins may fetch it', async () => {
    expect((await get('?number=1005&counter=3', null)).status).toBe(401);
    expect((await get('?number=1005&counter=3', tokens.kiosk)).status).toBe(403);
    expect((await get('?number=1006&counter=3', tokens.admin)).status).toBe(200);
  });

  it('S6: a burst of distinct numbers from one display is answered 200 or 503 SPEECH_BUSY, never 500, and a real call after it is spoken', async () => {
    const burst = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const res = await get(`?number=${3000 + i}&counter=7`);
        const body: unknown = res.status === 200 ? await res.arrayBuffer() : await res.json();
        return { status: res.status, retryAfter: res.headers.get('retry-after'), body };
      }),
    );
    const statuses = burst.map((r) => r.status);
    expect(new Set(statuses)).toEqual(new Set([200, 503]));
    // One worker and 16 waiting (S6); a request or two may find room freed by an earlier one.
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(25);
    for (const refused of burst.filter((r) => r.status === 503)) {
      expect(refused.body).toEqual({
        code: 'SPEECH_BUSY',
        message: 'Hệ thống đang bận đọc lời mời, vui lòng thử lại sau giây lát.',
      });
      expect(refused.retryAfter).toBe('2');
    }
    const res = await get('?number=1007&counter=2');
    expect(res.status).toBe(200);
    expect(summarizeWav(parseWav(new Uint8Array(await res.arrayBuffer()))).durationMs).toBeGreaterThan(1000);
    expect(spoken.at(-1)).toBe('Mời công dân có số thứ tự một nghìn không trăm linh bảy đến quầy số hai');
  });
});
