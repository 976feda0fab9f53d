import { manualClock, type DossierPanel, type DossierSourceState } from '@luot/shared';
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossierSourceSet, dossierSourceShow } from '../src/cli/commands/dossier-source';
import { openDatabase, type Db } from '../src/db/open';
import { seedDemoCentre } from '../src/demo/seed';
import { createCentreRepository } from '../src/features/centre/centre-repository';
import type { SpeechEngine } from '../src/features/speech/speech-engine';
import { createHub, type Hub } from '../src/hub';
import { api, capturingLogger, connect, tempDbPath, type TestSocket } from './support/hub';
import { runCommand as luot } from './support/cli';

const SECRET = 'Bearer s3cret-source-key-0042';
const MINUTE = 60_000;

const CSV = [
  'Mã hồ sơ,Lĩnh vực,Cấp,Hình thức nộp,Ngày tiếp nhận,Số ngày giải quyết',
  'HS-001,Đất đai,Xã,Trực tiếp,02/02/2026 08:00,5',
  'HS-002,Hộ tịch,Xã,Trực tuyến,03/02/2026 09:30,3',
  'HS-003,Hộ tịch,Xã,Trực tuyến,không phải ngày,3',
].join('\n');
const JSON_DOC = JSON.stringify({
  dossiers: [
    {
      code: 'HS-004',
      field: 'Xây dựng',
      level: 'commune',
      channel: 'online',
      receivedAt: '2026-02-10T08:00:00+07:00',
      processingDays: 10,
    },
  ],
});

/** Nobody speaks in this test. */
const silentSpeech: SpeechEngine = {
  synthesize: () => Promise.reject(new Error('no speech in this test')),
  close: async () => {},
};

describe('D21: the hub pulls dossiers from a configured source', () => {
  const clock = manualClock(Date.parse('2026-03-02T02:00:00Z'));
  const log = capturingLogger('info');
  let db: Db;
  let hub: Hub;
  let url: string;
  let admin: string;
  let socket: TestSocket;
  let source: Server;
  let sourceUrl: string;
  const asked: { path: string; auth: string | undefined }[] = [];
  const panels: DossierPanel[] = [];

  beforeAll(async () => {
    // The source: CSV and JSON behind a required header; anything else is 401.
    source = createServer((req, res) => {
      asked.push({ path: req.url ?? '', auth: req.headers.authorization });
      if (req.headers.authorization !== SECRET) {
        res.writeHead(401, { 'content-type': 'text/plain' });
        return void res.end('unauthorized');
      }
      if (req.url === '/ho-so.csv') {
        res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
        return void res.end(CSV);
      }
      if (req.url === '/ho-so.json') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(JSON_DOC);
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
    sourceUrl = `http://127.0.0.1:${(source.address() as AddressInfo).port}`;

    const dbPath = tempDbPath();
    db = openDatabase(dbPath, { busyTimeoutMs: 0 });
    const centre = createCentreRepository(db);
    seedDemoCentre(db, centre, clock.now());
    hub = createHub({
      db,
      clock,
      logger: log.logger,
      apps: {},
      speech: silentSpeech,
      backup: { dir: join(dirname(dbPath), 'backups'), keep: 1 },
      // The timer looks at the (manual) clock every 20 ms.
      dossierSource: { pollMs: 20, timeoutMs: 5000 },
    });
    admin = hub.devices.create('admin', null, 'test:admin', clock.now());
    await new Promise<void>((resolve) => hub.http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(hub.http.address() as AddressInfo).port}`;
    socket = await connect(url, admin);
    socket.on('dossiers:updated', (p) => panels.push(p));
  });

  afterAll(async () => {
    socket?.close();
    await hub?.close();
    db?.close();
    await new Promise<void>((resolve) => source.close(() => resolve()));
    rmSync(dirname(db.name), { recursive: true, force: true });
  });

  const request = <T>(name: 'dossierSource:get' | 'dossierSource:set' | 'dossierSource:pullNow', input: object) =>
    new Promise<T>((resolve, reject) =>
      // The event map types each request; the generic emit cannot see through the union, hence the cast.
      (socket.emit as (...a: unknown[]) => void)(name, input, (ack: { ok: boolean; data?: T; code?: string }) =>
        ack.ok ? resolve(ack.data as T) : reject(new Error(ack.code)),
      ),
    );
  const setSource = (s: object | null) => request<DossierSourceState>('dossierSource:set', { source: s });
  const state = () => request<DossierSourceState>('dossierSource:get', {});
  /** The pull runs on the wall clock (a real HTTP fetch): poll for its result, with a deadline. */
  async function lastAfter(at: number): Promise<NonNullable<DossierSourceState['last']>> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const s = await state();
      if (s.last && !s.pulling && s.last.at > at) return s.last;
      if (Date.now() > deadline) throw new Error('no pull result within 10 s');
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  let seen = 0;
  const pullNow = async () => {
    seen = asked.length;
    const started = await request<DossierSourceState>('dossierSource:pullNow', {});
    expect(started.pulling).toBe(true);
    for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
      const s = await state();
      if (!s.pulling) return s.last!;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('the pull did not end within 10 s');
  };
  const received = async (): Promise<number> => {
    const r = await api(url, admin, 'GET', '/api/stats/dossiers?from=2026-01-01&to=2026-12-31');
    return (r.body!.total as { received: number }).received;
  };

  it('D21: a CSV source with its header: pulled now, the figures change, the last result is OK with the rejected rows', async () => {
    const set = await setSource({
      url: `${sourceUrl}/ho-so.csv`,
      format: 'csv',
      header: { name: 'Authorization', value: SECRET },
      everyMinutes: 5,
      enabled: false,
    });
    expect(set.source).toMatchObject({ url: `${sourceUrl}/ho-so.csv`, format: 'csv', everyMinutes: 5, enabled: false });
    expect(set.source!.header!.name).toBe('Authorization');
    expect(set.source!.header!.masked).not.toContain('s3cret');
    expect(set.last).toBeNull();
    expect(await received()).toBe(0);

    const last = await pullNow();
    expect(last).toMatchObject({ ok: true, imported: 2, rejected: 1, at: clock.now() });
    expect(last.error).toBeUndefined();
    expect(last.rejectedRows.map((r) => [r.row, r.code])).toEqual([[4, 'HS-003']]);
    expect(last.rejectedRows[0]!.reason).toMatch(/ngày|thời gian/i);
    expect(asked.at(-1)).toEqual({ path: '/ho-so.csv', auth: SECRET });
    expect(await received()).toBe(2);
    // The walls got the new figures, as after an upload.
    expect(panels.length).toBeGreaterThan(0);
  });

  it('D21: a wrong header: the pull fails with a Vietnamese reason, the figures stay', async () => {
    await setSource({
      url: `${sourceUrl}/ho-so.csv`,
      format: 'csv',
      header: { name: 'Authorization', value: 'Bearer sai' },
      everyMinutes: 5,
      enabled: false,
    });
    const last = await pullNow();
    expect(last.ok).toBe(false);
    expect(last.error).toMatch(/HTTP 401/);
    expect(last.error).toMatch(/Máy nguồn/);
    expect(await received()).toBe(2);
    expect((await state()).last).toEqual(last);
  });

  it('D21: an unreachable source fails too, and nothing changes', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await setSource({
      url: `http://127.0.0.1:${port}/x.json`,
      format: 'json',
      header: null,
      everyMinutes: 5,
      enabled: false,
    });
    const last = await pullNow();
    expect(last.ok).toBe(false);
    expect(last.error).toMatch(/Không kết nối được/);
    expect(await received()).toBe(2);
  });

  it('D21: enabled, the hub pulls by itself every N minutes of its clock (a JSON source; the header value kept)', async () => {
    // The right value once more, then a change of URL and format that keeps it (value null).
    await setSource({
      url: `${sourceUrl}/ho-so.csv`,
      format: 'csv',
      header: { name: 'Authorization', value: SECRET },
      everyMinutes: 5,
      enabled: false,
    });
    const before = (await state()).last!.at;
    await setSource({
      url: `${sourceUrl}/ho-so.json`,
      format: 'json',
      header: { name: 'Authorization', value: null },
      everyMinutes: 5,
      enabled: true,
    });
    seen = asked.length;
    // Not yet due: the timer (every 20 ms) does nothing for 4 minutes of the clock. Waiting 100 ms
    // lets it look five times.
    clock.advance(4 * MINUTE);
    await new Promise((r) => setTimeout(r, 100));
    expect(asked.length).toBe(seen);
    clock.advance(MINUTE + 1000);
    const last = await lastAfter(before);
    expect(last).toMatchObject({ ok: true, imported: 1, rejected: 0 });
    expect(asked.at(-1)).toEqual({ path: '/ho-so.json', auth: SECRET });
    expect(await received()).toBe(3);
  });

  it('D21: the header value is in no log line and no audit entry; every change of the source is audited', () => {
    expect(log.raw.join('\n')).not.toContain('s3cret');
    const audited = db
      .prepare("SELECT summary FROM admin_audit WHERE action = 'dossierSource:set' ORDER BY id")
      .all() as { summary: string }[];
    expect(audited.length).toBe(5);
    expect(audited.map((a) => a.summary).join('\n')).not.toContain('s3cret');
    expect(audited.at(-1)!.summary).toMatch(/mỗi 5 phút, đang bật/);
  });

  it('D21: `luot dossiers source set|show` on the running hub’s database: the hub pulls with it; bad flags are refused in words', async () => {
    const run = await luot(dossierSourceSet, [
      ...['--url', `${sourceUrl}/ho-so.csv`, '--format', 'csv', '--every', '15'],
      ...['--header', `Authorization: ${SECRET}`, '--db', db.name],
    ]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('mỗi 15 phút, đang bật');
    expect(run.out).not.toContain('s3cret');
    expect((await state()).source).toMatchObject({ url: `${sourceUrl}/ho-so.csv`, everyMinutes: 15 });
    expect(await pullNow()).toMatchObject({ ok: true });
    expect(asked.at(-1)).toEqual({ path: '/ho-so.csv', auth: SECRET });
    expect((await luot(dossierSourceShow, ['--db', db.name])).out).toContain('Lần lấy gần nhất: thành công');
    const audit = db.prepare("SELECT actor FROM admin_audit WHERE action = 'dossierSource:set' ORDER BY id DESC").get();
    expect(audit).toEqual({ actor: 'luot' });
    await expect(luot(dossierSourceSet, ['--url', 'ftp://x', '--format', 'csv', '--db', db.name])).rejects.toThrow(
      '--url http(s)://',
    );
  });
});
