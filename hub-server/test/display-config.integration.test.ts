import { manualClock, type DisplayConfigured } from '@luot/shared';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../src/cli/cli-context';
import { displaySet } from '../src/cli/commands/display';
import { displayRoutes } from '../src/features/display/display-routes';
import { MAX_MISSED } from '../src/features/display/display-service';
import { createHttpServer } from '../src/http/http-server';
import { api, connect, startTestHub, type TestSocket, staffCounters } from './support/hub';

const T0 = Date.parse('2025-03-10T02:00:00.000Z');

/** Runs `luot display set …` in-process on the hub's database; returns its exit code and output. */
async function luot(dbPath: string, ...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
  const code = await displaySet.run([...argv, '--db', dbPath]);
  return { code, out: lines.join('\n') };
}

describe('display configuration and setup', () => {
  const clock = manualClock(T0);
  let hub: Awaited<ReturnType<typeof startTestHub>>;
  let admin: TestSocket;
  let wall: TestSocket;
  let restBase: string;
  let closeRest: () => Promise<void>;
  const pushed: DisplayConfigured[] = [];

  beforeAll(async () => {
    hub = await startTestHub({ clock });
    // Q18: nobody is called to a counter without an officer.
    staffCounters(hub);
    admin = await connect(hub.url, hub.demoTokens!.admin);
    wall = await connect(hub.url, hub.demoTokens!.display);
    wall.on('display:configured', (c) => pushed.push(c));
    // The REST door as hub.ts will mount it, in front of this hub's own dispatcher and devices.
    const publish: typeof hub.hub.realtime.publish = (events) => hub.hub.realtime.publish(events);
    const http = createHttpServer({
      devices: hub.hub.devices,
      dispatch: hub.hub.dispatch,
      publish,
      apps: {},
      rawRoutes: displayRoutes(hub.hub.dispatch, publish),
      logger: pino({ level: 'silent' }),
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    restBase = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    closeRest = () => new Promise<void>((resolve) => http.close(() => resolve()));
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => {
    admin?.close();
    wall?.close();
    await closeRest?.();
    await hub?.stop();
  });

  it('W5/W6: a display reads its own setup: defaults, the centre’s wording and the hub’s time', async () => {
    const ack = await wall.emitWithAck('display:get', {});
    expect(ack).toEqual({
      ok: true,
      data: {
        displayId: 1,
        name: 'Màn hình sảnh chính',
        config: { counters: [], orientation: 'auto', notice: '', dossierPanel: true },
        announcement: { template: 'Mời công dân có số thứ tự {số} đến quầy số {quầy}', dialect: 'north' },
        serverTime: T0,
      },
    });
  });

  it('W6: an admin’s change is stored, merged, pushed after the write, and read back by the display', async () => {
    const ack = await admin.emitWithAck('display:configure', {
      displayId: 1,
      counters: [3, 1],
      notice: '  Nghỉ trưa từ 11 giờ 30.  ',
    });
    const expected = {
      displayId: 1,
      config: { counters: [3, 1], orientation: 'auto', notice: 'Nghỉ trưa từ 11 giờ 30.', dossierPanel: true },
    };
    expect(ack).toEqual({ ok: true, data: expected });
    await expect.poll(() => pushed.at(-1)).toEqual(expected);
    const stored = hub.db.prepare('SELECT config FROM displays WHERE id = 1').get() as { config: string };
    expect(JSON.parse(stored.config)).toEqual(expected.config);

    await admin.emitWithAck('display:configure', { displayId: 1, orientation: 'portrait' });
    const get = await wall.emitWithAck('display:get', {});
    expect(get.ok && get.data.config).toEqual({
      counters: [3, 1],
      orientation: 'portrait',
      notice: 'Nghỉ trưa từ 11 giờ 30.',
      dossierPanel: true,
    });
  });

  it('W6: bad changes are refused with a code and a Vietnamese message, and change nothing', async () => {
    const before = (await wall.emitWithAck('display:get', {})) as { data: unknown };
    const cases: [unknown, string][] = [
      [{ displayId: 1, counters: [1, 99] }, 'COUNTER_NOT_FOUND'],
      [{ displayId: 9, notice: 'x' }, 'NOT_FOUND'],
      [{ displayId: 1, counters: [2, 2] }, 'BAD_REQUEST'],
      [{ displayId: 1, counters: [0] }, 'BAD_REQUEST'],
      [{ displayId: 1, orientation: 'sideways' }, 'BAD_REQUEST'],
      [{ displayId: 1, notice: 'dòng một\ndòng hai' }, 'BAD_REQUEST'],
      [{ displayId: 1, notice: 'a'.repeat(501) }, 'BAD_REQUEST'],
      [{ displayId: 1, colour: 'red' }, 'BAD_REQUEST'],
      ['not an object', 'BAD_REQUEST'],
    ];
    for (const [input, code] of cases) {
      const ack = await admin.emitWithAck('display:configure', input as never);
      expect(ack, JSON.stringify(input)).toMatchObject({ ok: false, code });
      expect((ack as { message: string }).message.length).toBeGreaterThan(0);
    }
    expect(await wall.emitWithAck('display:configure', { displayId: 1, notice: 'x' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const kiosk = await connect(hub.url, hub.demoTokens!.kiosk);
    expect(await kiosk.emitWithAck('display:get', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    kiosk.close();
    expect(await wall.emitWithAck('display:get', {})).toEqual(before);
  });

  it('W6: PUT /api/displays/:id is the same change over REST: 200 and pushed, or a coded error', async () => {
    const token = hub.demoTokens!.admin;
    const ok = await api(restBase, token, 'PUT', '/api/displays/2', { counters: [5, 6], orientation: 'landscape' });
    expect(ok).toEqual({
      status: 200,
      body: { displayId: 2, config: { counters: [5, 6], orientation: 'landscape', notice: '', dossierPanel: true } },
    });
    await expect.poll(() => pushed.at(-1)?.displayId).toBe(2);

    expect(await api(restBase, token, 'PUT', '/api/displays/2', '{oops')).toMatchObject({
      status: 400,
      body: { code: 'BAD_REQUEST' },
    });
    expect(await api(restBase, token, 'PUT', '/api/displays/2', '[1]')).toMatchObject({
      status: 400,
      body: { code: 'BAD_REQUEST' },
    });
    expect(await api(restBase, token, 'PUT', '/api/displays/2', { counters: [77] })).toMatchObject({
      status: 404,
      body: { code: 'COUNTER_NOT_FOUND', message: 'Không tìm thấy quầy.' },
    });
    expect(await api(restBase, token, 'PUT', '/api/displays/42', {})).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });
    expect((await api(restBase, null, 'PUT', '/api/displays/2', {})).status).toBe(401);
    expect((await api(restBase, hub.demoTokens!.display, 'PUT', '/api/displays/2', {})).status).toBe(403);
  });

  it('W6, H2: `luot display set` writes while the hub runs, and the hub pushes it to the walls', async () => {
    const seen: DisplayConfigured[] = [];
    const onConfigured = (c: DisplayConfigured): number => seen.push(c);
    wall.on('display:configured', onConfigured);
    try {
      const set = await luot(
        hub.dbPath,
        '1',
        '--counters',
        '1,2,3',
        '--orientation',
        'landscape',
        '--notice',
        'Xin cảm ơn!',
      );
      expect(set.code).toBe(0);
      expect(set.out).toContain('Quầy hiển thị: 1, 2, 3');
      expect(set.out).toContain('Hướng màn hình: ngang');
      await expect
        .poll(() => seen, { timeout: 5000 })
        .toEqual([
          {
            displayId: 1,
            config: { counters: [1, 2, 3], orientation: 'landscape', notice: 'Xin cảm ơn!', dossierPanel: true },
          },
        ]);
      // A write to another table, or the same configuration again, pushes nothing.
      await luot(hub.dbPath, '1', '--notice', 'Xin cảm ơn!');
      hub.db.prepare("INSERT INTO settings (key, value) VALUES ('x', '1')").run();
      // Longer than the hub's change-log poll (1 s), so a wrong push would have arrived.
      await new Promise((r) => setTimeout(r, 1500));
      expect(seen).toHaveLength(1);

      const json = await luot(hub.dbPath, '1', '--counters', 'all', '--json');
      expect(JSON.parse(json.out)).toEqual({
        displayId: 1,
        config: { counters: [], orientation: 'landscape', notice: 'Xin cảm ơn!', dossierPanel: true },
      });
      const shown = await luot(hub.dbPath, '1');
      expect(shown.out).toContain('Quầy hiển thị: tất cả');
    } finally {
      wall.off('display:configured', onConfigured);
    }
  });

  it('W6: operator mistakes on the command line are Vietnamese usage errors', async () => {
    for (const argv of [
      [],
      ['1', '2'],
      ['1', '--counters', '1;2'],
      ['1', '--orientation', 'sideways'],
      ['1', '--notice', 'a'.repeat(600)],
      ['9', '--notice', 'x'],
      ['abc'],
    ]) {
      await expect(luot(hub.dbPath, ...argv), argv.join(' ')).rejects.toBeInstanceOf(UsageError);
    }
    await expect(luot(hub.dbPath, '1', '--counters', '98')).rejects.toThrow('COUNTER_NOT_FOUND');
  });

  it('W8: a display that missed more than the cap gets the newest calls, oldest first', async () => {
    const t = hub.demoTokens!;
    await admin.emitWithAck('ticket:issue', { serviceId: 1 });
    const first = await admin.emitWithAck('counter:callNext', { counterId: 1 });
    expect(first.ok).toBe(true);
    for (let i = 0; i < MAX_MISSED + 5; i++) await admin.emitWithAck('counter:recall', { counterId: 1 });
    const state = await api(hub.url, t.display, 'GET', '/api/display/state');
    const top = state.body!.seq as number;
    const sync = await wall.emitWithAck('display:sync', { afterSeq: 1 });
    expect(sync.ok && sync.data.missed.map((c) => c.seq)).toEqual(
      Array.from({ length: MAX_MISSED }, (_, i) => top - MAX_MISSED + 1 + i),
    );
  });
});
