import { manualClock, vi } from '@luot/shared';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { DEMO_PIN } from '../src/demo/demo-centre';
import { api, connect, hubPerTest, startTestHub } from './support/hub';

// 2026-11-23 09:00 in Asia/Ho_Chi_Minh.
const MORNING = Date.parse('2026-11-23T02:00:00Z');
const MIN = 60_000;

/** The hub's pino lines, as objects. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'info' },
    { write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>) },
  );
  return { logger, lines, messages: (msg: string) => lines.filter((l) => l.msg === msg) };
}

async function setup() {
  const clock = manualClock(MORNING);
  const log = capturedLogger();
  const hub = await startTestHub({ clock, logger: log.logger });
  return { hub, clock, log, t: hub.demoTokens! };
}

/** A GET from a given local address (the hub sees it as the client's address), with its headers. */
function getFrom(
  url: string,
  path: string,
  localAddress: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(url + path, { localAddress }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: text.startsWith('{') ? JSON.parse(text) : text,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('limits: one device cannot ruin a day', () => {
  const { sockets, start } = hubPerTest(setup);

  it('L2: a script issuing 100 tickets from one kiosk token gets at most burst + refill, the rest RATE_LIMITED; another kiosk still issues', async () => {
    const ctx = await start();
    const { hub, clock, log, t } = ctx;
    const statuses: number[] = [];
    let refusal: Awaited<ReturnType<typeof api>> | undefined;
    // 100 requests over 5 s of the hub's clock: at most 10 + 60/min · 5 s = 15 may pass.
    for (let i = 0; i < 100; i++) {
      if (i > 0) clock.advance(50);
      const r = await api(hub.url, t.kiosk, 'POST', '/api/tickets', { serviceId: 1 + (i % 2) });
      statuses.push(r.status);
      if (r.status === 429) refusal ??= r;
    }
    const accepted = statuses.filter((s) => s === 201).length;
    expect(accepted).toBeGreaterThanOrEqual(10);
    expect(accepted).toBeLessThanOrEqual(15);
    expect(statuses.filter((s) => s === 429)).toHaveLength(100 - accepted);
    expect(refusal!.body).toEqual({
      code: 'RATE_LIMITED',
      message: vi.errors.RATE_LIMITED,
      retryAfterSeconds: 1,
      detail: 'Vui lòng thử lại sau 1 giây.',
    });

    // Nothing issued past the limit: no ticket, no number used.
    const tickets = hub.db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number };
    expect(tickets.n).toBe(accepted);
    const used = hub.db.prepare('SELECT SUM(last_seq) AS n FROM sequences').get() as { n: number };
    expect(used.n).toBe(accepted);

    // Logged once for the burst, not once per refusal.
    expect(log.messages('ticket issue rate limited')).toHaveLength(1);
    const rows = hub.db.prepare("SELECT device_id, data FROM queue_events WHERE type = 'rateLimited'").all() as {
      device_id: number;
      data: string;
    }[];
    expect(rows).toEqual([
      { device_id: hub.hub.devices.authenticate(t.kiosk)!.id, data: JSON.stringify({ limit: 'ticketIssue' }) },
    ]);

    // The flooding kiosk is still refused over its socket too, with the wait.
    const kiosk = await connect(hub.url, t.kiosk);
    sockets.push(kiosk);
    expect(await kiosk.emitWithAck('ticket:issue', { serviceId: 1 })).toMatchObject({
      ok: false,
      code: 'RATE_LIMITED',
      retryAfterSeconds: 1,
    });

    // A second kiosk has its own bucket; admins are not limited.
    const second = hub.hub.devices.create('kiosk', null, 'kiosk-2', clock.now());
    for (let i = 0; i < 10; i++)
      expect((await api(hub.url, second, 'POST', '/api/tickets', { serviceId: 3 })).status).toBe(201);
    for (let i = 0; i < 30; i++)
      expect((await api(hub.url, t.admin, 'POST', '/api/tickets', { serviceId: 4 })).status).toBe(201);

    // Waiting as told is enough.
    clock.advance(1000);
    expect((await api(hub.url, t.kiosk, 'POST', '/api/tickets', { serviceId: 1 })).status).toBe(201);
  });

  it('L3: PIN brute force is locked out per officer name, with the time left; failures are logged without the PIN', async () => {
    const ctx = await start();
    const { hub, clock, log, t } = ctx;
    const counter1 = t.counters.find((c) => c.number === 1)!.token;
    const device = hub.hub.devices.authenticate(counter1)!;
    const signIn = (pin: string, name = 'Lan') =>
      api(hub.url, counter1, 'POST', '/api/counters/1/sign-in', { name, pin });

    const wrong = ['804613', '519372', '260947', '731158'];
    for (const pin of wrong) expect((await signIn(pin)).body).toMatchObject({ code: 'OFFICER_BAD_CREDENTIALS' });
    const fifth = await signIn('946021');
    expect(fifth.status).toBe(429);
    expect(fifth.body).toEqual({
      code: 'OFFICER_LOCKED',
      message: vi.errors.OFFICER_LOCKED,
      retryAfterSeconds: 60,
      detail: 'Vui lòng thử lại sau 1 phút.',
    });
    // Locked: even the right PIN is refused, with the time left.
    clock.advance(30_000);
    expect((await signIn(DEMO_PIN)).body).toMatchObject({
      code: 'OFFICER_LOCKED',
      retryAfterSeconds: 30,
      detail: 'Vui lòng thử lại sau 30 giây.',
    });
    // The same name from another device is locked too.
    const other = hub.hub.devices.create('admin', null, 'admin-2', clock.now());
    expect((await api(hub.url, other, 'POST', '/api/counters/2/sign-in', { name: 'lan ', pin: DEMO_PIN })).status).toBe(
      429,
    );

    // Waited out: one more failure locks again, twice as long.
    clock.advance(30_000);
    expect((await signIn('385716')).body).toMatchObject({
      code: 'OFFICER_LOCKED',
      retryAfterSeconds: 120,
      detail: 'Vui lòng thử lại sau 2 phút.',
    });
    clock.advance(2 * MIN);
    // A success clears the lock.
    expect((await signIn(DEMO_PIN)).status).toBe(200);
    expect((await api(hub.url, counter1, 'POST', '/api/counters/1/sign-out')).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await signIn('657203')).status).toBe(401);

    // Logged: name and device, never a PIN.
    const failures = log.messages('officer sign-in failed');
    expect(failures).toHaveLength(10);
    expect(failures[0]).toMatchObject({ officerName: 'Lan', deviceId: device.id });
    const logged = log.lines.map(({ time: _t, pid: _p, hostname: _h, ...rest }) => rest);
    const everything =
      JSON.stringify(logged) + JSON.stringify(hub.db.prepare('SELECT type, data FROM queue_events').all());
    for (const pin of [...wrong, '946021', '385716', '657203']) expect(everything).not.toContain(pin);
    expect(everything).not.toMatch(/"pin"/i);
    const rows = hub.db
      .prepare(
        "SELECT type, device_id, data FROM queue_events WHERE type IN ('signInFailed', 'officerLocked') ORDER BY id",
      )
      .all() as { type: string; device_id: number; data: string }[];
    expect(rows.filter((r) => r.type === 'signInFailed')).toHaveLength(10);
    expect(rows.find((r) => r.type === 'signInFailed')).toEqual({
      type: 'signInFailed',
      device_id: device.id,
      data: JSON.stringify({ name: 'Lan' }),
    });
    // The admin can see each lock: by name, and by device (the first five failures all came from counter 1).
    const locks = rows
      .filter((r) => r.type === 'officerLocked')
      .map((r) => JSON.parse(r.data) as { scope: string; seconds: number });
    expect(locks).toEqual([
      { name: 'Lan', scope: 'officer', seconds: 60 },
      { name: 'Lan', scope: 'device', seconds: 60 },
      { name: 'Lan', scope: 'officer', seconds: 120 },
      { name: 'Lan', scope: 'device', seconds: 120 },
    ]);
  });

  it('L3: one device trying many names is locked as a device; other devices are not', async () => {
    const ctx = await start();
    const { hub, t } = ctx;
    const counter1 = t.counters.find((c) => c.number === 1)!.token;
    const counter2 = t.counters.find((c) => c.number === 2)!.token;
    const socket = await connect(hub.url, counter1);
    sockets.push(socket);
    const names = ['An', 'Bình', 'Chi', 'Dũng', 'Giang'];
    const acks = [];
    for (const name of names)
      acks.push(await socket.emitWithAck('officer:signIn', { counterId: 1, name, pin: '1234' }));
    expect(acks.map((a) => (a.ok ? 'ok' : a.code))).toEqual([
      'OFFICER_BAD_CREDENTIALS',
      'OFFICER_BAD_CREDENTIALS',
      'OFFICER_BAD_CREDENTIALS',
      'OFFICER_BAD_CREDENTIALS',
      'OFFICER_LOCKED',
    ]);
    expect(acks[4]).toMatchObject({ retryAfterSeconds: 60, detail: 'Vui lòng thử lại sau 1 phút.' });
    // A real officer at the locked device waits; at another device the same officer signs in.
    expect(await socket.emitWithAck('officer:signIn', { counterId: 1, name: 'Hùng', pin: DEMO_PIN })).toMatchObject({
      code: 'OFFICER_LOCKED',
    });
    expect(
      (await api(hub.url, counter2, 'POST', '/api/counters/2/sign-in', { name: 'Hùng', pin: DEMO_PIN })).status,
    ).toBe(200);
  });

  it('L4: an unknown name takes about as long to refuse as a wrong PIN', async () => {
    const ctx = await start();
    const { hub, clock, t } = ctx;
    const counter1 = t.counters.find((c) => c.number === 1)!.token;
    const timed = async (name: string): Promise<number> => {
      // Past the longest lock, so every attempt is checked (L3 would answer a locked one at once).
      clock.advance(16 * MIN);
      const start = performance.now();
      const r = await api(hub.url, counter1, 'POST', '/api/counters/1/sign-in', { name, pin: '0000' });
      const ms = performance.now() - start;
      expect(['OFFICER_BAD_CREDENTIALS', 'OFFICER_LOCKED']).toContain((r.body as { code: string }).code);
      return ms;
    };
    await timed('Lan');
    await timed('Không Có Ai');
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await timed('Lan'));
      unknown.push(await timed(`Không Có Ai ${i}`));
    }
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('L5: the dossier look-up answers one address 10 at once, then 429 RATE_LIMITED; another address is not affected', async () => {
    const ctx = await start();
    const { hub, clock } = ctx;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await getFrom(hub.url, `/api/dossiers/HS-${i}`, '127.0.0.1')).status);
    expect(statuses).toEqual([...Array<number>(10).fill(404), 429, 429]);
    const refused = await getFrom(hub.url, '/api/dossiers/HS-X', '127.0.0.1');
    expect(refused.headers['retry-after']).toBe('2');
    expect(refused.body).toEqual({
      code: 'RATE_LIMITED',
      message: vi.errors.RATE_LIMITED,
      retryAfterSeconds: 2,
      detail: 'Vui lòng thử lại sau 2 giây.',
    });
    expect((await getFrom(hub.url, '/api/dossiers/HS-X', '127.0.0.2')).status).toBe(404);
    clock.advance(2000);
    expect((await getFrom(hub.url, '/api/dossiers/HS-X', '127.0.0.1')).status).toBe(404);
  });

  it('L5: sixteen phones behind one address polling every 4 s are never refused (P2); a flood from it is', async () => {
    const ctx = await start();
    const { hub, clock, log, t } = ctx;
    const phones: string[] = [];
    for (let i = 0; i < 16; i++) {
      phones.push(
        ((await api(hub.url, t.admin, 'POST', '/api/tickets', { serviceId: 1 + (i % 5) })).body as { publicId: string })
          .publicId,
      );
    }
    // Each phone opens its page, then asks every 4 s for five minutes.
    for (const id of phones) expect((await getFrom(hub.url, `/t/${id}`, '127.0.0.1')).status).not.toBe(429);
    for (let round = 0; round < 75; round++) {
      clock.advance(4000);
      for (const id of phones)
        expect((await getFrom(hub.url, `/api/public/tickets/${id}`, '127.0.0.1')).status).toBe(200);
    }
    // A script asking as fast as it can is cut off after the burst.
    clock.advance(60_000);
    const flood: number[] = [];
    for (let i = 0; i < 60; i++)
      flood.push((await getFrom(hub.url, `/api/public/tickets/${phones[0]}`, '127.0.0.1')).status);
    expect(flood.filter((s) => s === 200)).toHaveLength(40);
    expect(flood.slice(40).every((s) => s === 429)).toBe(true);
    expect(log.messages('public route rate limited')).toHaveLength(1);
  });
});
