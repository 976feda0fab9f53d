import { execFile } from 'node:child_process';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { manualClock, vi as messages, type DeviceInfo, type DeviceList } from '@luot/shared';
import { openDatabase } from '../src/db/open';
import { LAST_SEEN_EVERY_MS } from '../src/features/devices/device-repository';
import { createHttpServer, type HttpDeps, type RawRoute } from '../src/http/http-server';
import { api, capturingLogger, connect, startTestHub, type TestSocket } from './support/hub';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');
/** The real `luot` command, in its own process, on the hub's database file. */
const luot = (...argv: string[]) => run('node', ['hub-server/bin/luot.js', ...argv], { cwd: ROOT, timeout: 60_000 });

type Hub = Awaited<ReturnType<typeof startTestHub>>;

/** Waits for the hub to close this socket; rejects if it has not after `ms`. */
function dropped(socket: TestSocket, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socket still open after ${ms} ms`)), ms);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

/** The handshake of a token the hub refuses: the error's code. */
async function refusedCode(url: string, token: string): Promise<unknown> {
  const e = await connect(url, token).then(
    (s) => {
      s.close();
      return null;
    },
    (err: Error & { data?: { code?: string } }) => err,
  );
  return e?.data?.code;
}

/** A GET with the request target sent exactly as given (fetch would normalise it). */
function rawGet(url: string, target: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: target, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const deviceList = async (hub: Hub): Promise<DeviceInfo[]> => {
  const res = await api(hub.url, hub.demoTokens!.admin, 'GET', '/api/devices');
  expect(res.status).toBe(200);
  return (res.body as unknown as DeviceList).devices;
};
const idOf = async (hub: Hub, label: string): Promise<number> => {
  const found = (await deviceList(hub)).find((d) => d.label === label);
  if (!found) throw new Error(`no device ${label}`);
  return found.id;
};

describe('G1 G2: device tokens listed and revoked by an admin, over REST and the socket', () => {
  const clock = manualClock(Date.now());
  let hub: Hub;
  const open: TestSocket[] = [];
  const socket = async (token: string): Promise<TestSocket> => {
    const s = await connect(hub.url, token);
    open.push(s);
    return s;
  };
  const newDevice = (label: string, role: 'kiosk' | 'display' | 'admin' = 'kiosk'): string =>
    hub.hub.devices.create(role, null, label, clock.now(), role === 'display' ? { displayId: 1 } : {});

  beforeAll(async () => {
    hub = await startTestHub({ clock });
  });
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('G2: a revoke over REST drops that device’s open socket at once; it cannot reconnect or call the API; other devices stay', async () => {
    const revokedToken = newDevice('kiosk-sảnh-trái');
    const otherToken = newDevice('kiosk-sảnh-phải');
    const wallToken = newDevice('màn-hình-sảnh', 'display');
    const [revoked, other, wall] = [await socket(revokedToken), await socket(otherToken), await socket(wallToken)];
    const id = await idOf(hub, 'kiosk-sảnh-trái');

    const gone = dropped(revoked, 1000);
    const res = await api(hub.url, hub.demoTokens!.admin, 'POST', `/api/devices/${id}/revoke`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, role: 'kiosk', label: 'kiosk-sảnh-trái', revokedAt: clock.now() });
    expect(await gone).toBe('io server disconnect');

    expect(await refusedCode(hub.url, revokedToken)).toBe('UNAUTHORIZED');
    expect((await api(hub.url, revokedToken, 'GET', '/api/services')).status).toBe(401);
    expect(other.connected && wall.connected).toBe(true);
    expect((await other.emitWithAck('centre:get', {})).ok).toBe(true);
    expect((await wall.emitWithAck('display:get', {})).ok).toBe(true);
    expect((await api(hub.url, otherToken, 'GET', '/api/services')).status).toBe(200);
  });

  it('G2 C9: the socket request device:revoke does the same, in the audit log once; revoking again is accepted and keeps the first time', async () => {
    const token = newDevice('kiosk-tầng-2');
    const kiosk = await socket(token);
    const admin = await socket(hub.demoTokens!.admin);
    const id = await idOf(hub, 'kiosk-tầng-2');
    const first = clock.now();

    const gone = dropped(kiosk, 1000);
    const ack = await admin.emitWithAck('device:revoke', { deviceId: id });
    expect(ack).toMatchObject({ ok: true, data: { id, revokedAt: first } });
    expect(await gone).toBe('io server disconnect');

    clock.advance(5000);
    const again = await admin.emitWithAck('device:revoke', { deviceId: id });
    expect(again).toMatchObject({ ok: true, data: { id, revokedAt: first } });
    expect(admin.connected).toBe(true);
    const audit = await admin.emitWithAck('audit:list', {});
    const lines = audit.ok ? audit.data.entries.filter((e) => e.summary.includes(`thiết bị ${id} `)) : [];
    expect(lines.map((e) => [e.actor, e.summary])).toEqual([
      ['demo:admin', `Thu hồi mã truy cập của thiết bị ${id} (“kiosk-tầng-2”)`],
    ]);
  });

  it('G2: a token revoked behind the hub’s back (another process) is refused at its socket’s next request, and the socket closed', async () => {
    const token = newDevice('kiosk-cửa-sau');
    const kiosk = await socket(token);
    expect((await kiosk.emitWithAck('centre:get', {})).ok).toBe(true);
    const id = await idOf(hub, 'kiosk-cửa-sau');
    // Another connection, and no change-log row: only the socket's own check can see it.
    const other = openDatabase(hub.dbPath);
    other.prepare('UPDATE devices SET revoked_at = ? WHERE id = ?').run(clock.now(), id);
    other.close();

    const tickets = () => hub.db.prepare('SELECT COUNT(*) AS n FROM tickets').get();
    const before = tickets();
    const gone = dropped(kiosk, 2000);
    const ack = await kiosk.emitWithAck('ticket:issue', { serviceId: 1 });
    expect(ack).toEqual({ ok: false, code: 'UNAUTHORIZED', message: messages.errors.UNAUTHORIZED });
    expect(await gone).toBe('io server disconnect');
    expect(tickets()).toEqual(before);
  });

  it('G2: an admin cannot revoke the token it is using; an unknown device is DEVICE_NOT_FOUND; only admins revoke or list', async () => {
    const adminId = await idOf(hub, 'demo:admin');
    const self = await api(hub.url, hub.demoTokens!.admin, 'POST', `/api/devices/${adminId}/revoke`);
    expect(self).toEqual({
      status: 409,
      body: { code: 'DEVICE_SELF_REVOKE', message: messages.errors.DEVICE_SELF_REVOKE },
    });
    expect((await deviceList(hub)).find((d) => d.id === adminId)?.revokedAt).toBeNull();

    expect(await api(hub.url, hub.demoTokens!.admin, 'POST', '/api/devices/99999/revoke')).toMatchObject({
      status: 404,
      body: { code: 'DEVICE_NOT_FOUND', message: messages.errors.DEVICE_NOT_FOUND },
    });
    const kiosk = hub.demoTokens!.kiosk;
    expect((await api(hub.url, kiosk, 'GET', '/api/devices')).status).toBe(403);
    expect((await api(hub.url, kiosk, 'POST', `/api/devices/${adminId}/revoke`)).status).toBe(403);
    expect((await api(hub.url, null, 'GET', '/api/devices')).status).toBe(401);

    // Any admin, not only the demo one, keeps its own token (another admin or the CLI revokes it).
    const second = newDevice('quản-trị-2', 'admin');
    const other = await api(hub.url, second, 'POST', `/api/devices/${await idOf(hub, 'quản-trị-2')}/revoke`);
    expect(other.body).toMatchObject({ code: 'DEVICE_SELF_REVOKE' });
  });

  it('G1: the list names every device (role, counter or display, label, created, last seen, revoked), never a token or its hash', async () => {
    const list = await deviceList(hub);
    const t = hub.demoTokens!;
    expect(list.find((d) => d.label === 'demo:display')).toMatchObject({
      role: 'display',
      displayId: 1,
      counterId: null,
    });
    const counter = t.counters[0]!;
    expect(list.find((d) => d.label === `demo:counter-${counter.number}`)).toMatchObject({
      role: 'counter',
      counterId: counter.counterId,
      displayId: null,
      revokedAt: null,
    });
    for (const d of list) {
      expect(Object.keys(d).sort()).toEqual(
        ['counterId', 'createdAt', 'displayId', 'id', 'label', 'lastSeenAt', 'printer', 'revokedAt', 'role'].sort(),
      );
    }
    const text = JSON.stringify(list);
    const hashes = hub.db.prepare<[], { h: string }>('SELECT token_hash AS h FROM devices').all();
    for (const secret of [t.kiosk, t.display, t.admin, ...t.counters.map((c) => c.token), ...hashes.map((r) => r.h)]) {
      expect(text).not.toContain(secret);
    }
    const admin = await socket(t.admin);
    const ack = await admin.emitWithAck('device:list', {});
    expect(ack.ok && ack.data.devices.map((d) => d.id)).toEqual(list.map((d) => d.id));
  });

  it('G1: last seen is the time of an authentication, written at most once a minute per device', async () => {
    const token = newDevice('kiosk-đo-giờ');
    const id = await idOf(hub, 'kiosk-đo-giờ');
    const seenAt = async () => (await deviceList(hub)).find((d) => d.id === id)!.lastSeenAt;
    expect(await seenAt()).toBeNull();

    const t0 = clock.now();
    expect((await api(hub.url, token, 'GET', '/api/services')).status).toBe(200);
    expect(await seenAt()).toBe(t0);
    clock.advance(LAST_SEEN_EVERY_MS - 1000);
    await socket(token);
    expect((await api(hub.url, token, 'GET', '/api/services')).status).toBe(200);
    expect(await seenAt()).toBe(t0);
    clock.advance(1000);
    await socket(token);
    expect(await seenAt()).toBe(t0 + LAST_SEEN_EVERY_MS);
  });
});

describe('G1 G2 H2: luot token list and luot token revoke, with the hub running', () => {
  let hub: Hub;
  let kiosk: TestSocket;
  let wall: TestSocket;
  let kioskToken: string;

  beforeAll(async () => {
    hub = await startTestHub();
    kioskToken = hub.hub.devices.create('kiosk', null, 'kiosk-cli', Date.now());
    kiosk = await connect(hub.url, kioskToken);
    wall = await connect(hub.url, hub.demoTokens!.display);
  });
  afterAll(async () => {
    kiosk?.close();
    wall?.close();
    await hub?.stop();
  });

  it('G1: `luot token list --json` lists every device and no token; the text form has one line per device', async () => {
    const { stdout } = await luot('token', 'list', '--json', '--db', hub.dbPath);
    const list = JSON.parse(stdout) as DeviceList;
    const labels = list.devices.map((d) => d.label);
    expect(labels).toEqual(expect.arrayContaining(['demo:kiosk', 'demo:display', 'demo:admin', 'kiosk-cli']));
    expect(list.devices.find((d) => d.label === 'kiosk-cli')).toMatchObject({ role: 'kiosk', revokedAt: null });
    // Connected sockets authenticated: their devices have been seen.
    expect(list.devices.find((d) => d.label === 'kiosk-cli')?.lastSeenAt).toEqual(expect.any(Number));

    const text = (await luot('token', 'list', '--db', hub.dbPath)).stdout;
    const lines = text.trim().split('\n');
    expect(lines[0]).toMatch(/Mã\s+Vai trò\s+Gắn với\s+Nhãn\s+Tạo lúc\s+Lần cuối\s+Trạng thái/);
    expect(lines).toHaveLength(list.devices.length + 1);
    expect(lines.find((l) => l.includes('kiosk-cli'))).toMatch(/đang dùng$/);
    expect(lines.find((l) => l.includes('demo:display'))).toContain('màn hình mã 1');
    for (const token of [kioskToken, hub.demoTokens!.admin]) expect(stdout + text).not.toContain(token);
  });

  it('G2 H2: `luot token revoke ID` while the hub runs: that device’s socket is dropped within 5 s, it cannot come back, the wall stays', async () => {
    const id = (
      JSON.parse((await luot('token', 'list', '--json', '--db', hub.dbPath)).stdout) as DeviceList
    ).devices.find((d) => d.label === 'kiosk-cli')!.id;
    let droppedAt = 0;
    const gone = dropped(kiosk, 10_000).then((reason) => {
      droppedAt = Date.now();
      return reason;
    });
    const { stdout } = await luot('token', 'revoke', String(id), '--db', hub.dbPath);
    // Counted from the command's end: starting node and tsx takes its own second or two.
    const revokedAt = Date.now();
    expect(stdout).toContain(`Đã thu hồi mã của thiết bị ${id} (kiosk-cli)`);
    expect(await gone).toBe('io server disconnect');
    expect(droppedAt - revokedAt).toBeLessThan(5000);
    expect(await refusedCode(hub.url, kioskToken)).toBe('UNAUTHORIZED');
    expect(wall.connected).toBe(true);

    const list = JSON.parse((await luot('token', 'list', '--json', '--db', hub.dbPath)).stdout) as DeviceList;
    expect(list.devices.find((d) => d.id === id)?.revokedAt).toEqual(expect.any(Number));
    const again = await luot('token', 'revoke', String(id), '--db', hub.dbPath);
    expect(again.stdout).toContain('đã bị thu hồi mã từ trước');
  });

  it('G2: `luot token revoke` of an unknown device says so in Vietnamese and exits 2', async () => {
    const failed = await luot('token', 'revoke', '99999', '--db', hub.dbPath).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toContain('Không có thiết bị mã 99999');
  });
});

describe('G5: nothing secret in the hub’s log', () => {
  const SECRET = 'S3cr3tT0kenInTheQuery_abcdefgh';
  const log = capturingLogger();
  let hub: Hub;

  beforeAll(async () => {
    hub = await startTestHub({ logger: log.logger });
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('G5: a request target that is not a URL or does not decode is 400 BAD_REQUEST, never 500, and its query is not logged', async () => {
    for (const target of [`//?token=${SECRET}`, `//kiosk/?token=${SECRET}`, `/kiosk/%E0%A4%A?token=${SECRET}`]) {
      const res = await rawGet(hub.url, target);
      expect({ target, status: res.status, body: JSON.parse(res.body) as unknown }).toEqual({
        target,
        status: 400,
        body: { code: 'BAD_REQUEST', message: messages.errors.BAD_REQUEST },
      });
    }
    // D16 keeps its own answer for a dossier code that does not decode.
    expect((await rawGet(hub.url, `/api/dossiers/%E0%A4%A?token=${SECRET}`)).status).toBe(404);
    expect(log.lines()).toContainEqual(expect.objectContaining({ msg: 'malformed request URL', path: '//' }));
    expect(log.raw.join('')).not.toContain(SECRET);
    expect(log.lines().filter((l) => l.level === 50)).toEqual([]);
  });

  it('G5: device tokens, a PIN and a revoked token in use leave no trace in the log', async () => {
    const t = hub.demoTokens!;
    const counter = t.counters[0]!;
    await api(hub.url, counter.token, 'POST', `/api/counters/${counter.counterId}/sign-in`, {
      name: 'Nguyễn Văn An',
      pin: '97531',
    });
    await api(hub.url, 'not-a-token-but-secret-looking', 'GET', '/api/services');
    const kiosk = await connect(hub.url, t.kiosk);
    await kiosk.emitWithAck('ticket:issue', { serviceId: 1 });
    const id = (await deviceList(hub)).find((d) => d.label === 'demo:kiosk')!.id;
    const gone = dropped(kiosk, 1000);
    await api(hub.url, t.admin, 'POST', `/api/devices/${id}/revoke`);
    await gone;
    kiosk.close();
    await refusedCode(hub.url, t.kiosk);
    await rawGet(hub.url, `/kiosk?token=${t.kiosk}`);

    const text = log.raw.join('');
    for (const secret of [t.kiosk, t.admin, counter.token, '97531', 'not-a-token-but-secret-looking']) {
      expect(text).not.toContain(secret);
    }
  });

  it('G5: a request that fails inside the hub is logged with its method and path, not its query string', async () => {
    const own = capturingLogger();
    const boom: RawRoute = {
      method: 'GET',
      path: /^\/boom$/,
      roles: 'public',
      handle: () => {
        throw new Error('boom');
      },
      doc: {
        path: '/boom',
        summary: { vi: 'nổ', en: 'boom' },
        response: { content: {} },
      },
    };
    const deps = {
      devices: {},
      dispatch: () => undefined,
      publish: () => undefined,
      apps: {},
      rawRoutes: [boom],
      logger: own.logger,
    };
    const server: Server = createHttpServer(deps as unknown as HttpDeps);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect((await rawGet(url, `/boom?token=${SECRET}`)).status).toBe(500);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(own.lines()).toContainEqual(
      expect.objectContaining({ msg: 'http request failed', method: 'GET', path: '/boom' }),
    );
    expect(own.raw.join('')).not.toContain(SECRET);
  });
});
