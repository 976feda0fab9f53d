import { io } from 'socket.io-client';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../src/main';
import { tempDbPath } from './support/hub';

const ELSEWHERE = 'http://evil.example';
const SCREEN_HOST = 'http://man-hinh.example';

/** Whether a socket with this Origin header gets connected. */
function socketConnects(url: string, token: string, origin: string | undefined): Promise<boolean> {
  const socket = io(url, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: origin ? { origin } : {},
  });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.close();
      resolve(true);
    });
    socket.once('connect_error', () => {
      socket.close();
      resolve(false);
    });
  });
}

describe('H5: the hub’s edge: security headers and same-origin by default', () => {
  let hub: RunningHub;
  let url: string;
  beforeAll(async () => {
    hub = await startHub({
      dbPath: tempDbPath(),
      port: 0,
      host: '127.0.0.1',
      demo: true,
      allowedOrigins: [SCREEN_HOST],
      logger: pino({ level: 'silent' }),
    });
    url = `http://127.0.0.1:${hub.port}`;
  });
  afterAll(() => hub.stop());

  it('H5: every answer carries a CSP without inline scripts, nosniff, no framing and no referrer', async () => {
    for (const path of ['/display/', '/api/services', '/nowhere']) {
      const res = await fetch(url + path, { headers: { authorization: `Bearer ${hub.demoTokens!.kiosk}` } });
      await res.arrayBuffer();
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('H5: a page of another site cannot use the API or open a socket; the same origin and a configured one can', async () => {
    const headers = (origin: string) => ({ authorization: `Bearer ${hub.demoTokens!.kiosk}`, origin });
    const foreign = await fetch(`${url}/api/services`, { headers: headers(ELSEWHERE) });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await fetch(`${url}/api/services`, { headers: headers(url) })).status).toBe(200);
    expect((await fetch(`${url}/api/services`, { headers: headers(SCREEN_HOST) })).status).toBe(200);

    const token = hub.demoTokens!.display;
    expect(await socketConnects(url, token, ELSEWHERE)).toBe(false);
    expect(await socketConnects(url, token, url)).toBe(true);
    expect(await socketConnects(url, token, SCREEN_HOST)).toBe(true);
    expect(await socketConnects(url, token, undefined)).toBe(true);
  });
});
