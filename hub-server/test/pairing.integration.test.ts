import {
  DEFAULT_PRIORITY_CATEGORIES,
  manualClock,
  vi,
  type Ack,
  type PairingCode,
  type PairingCreateInput,
} from '@luot/shared';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminPassword } from '../src/cli/commands/admin';
import { DEMO_ADMIN_PASSWORD } from '../src/demo/demo-centre';
import { ADMIN_PASSWORD_KEY } from '../src/features/admin-access/admin-password';
import { startHub } from '../src/main';
import { api, capturingLogger, connect, hubPerTest, startTestHub, tempDbPath, type TestSocket } from './support/hub';
import { runCommand as luot } from './support/cli';

// 2026-11-23 09:00 in Asia/Ho_Chi_Minh.
const MORNING = Date.parse('2026-11-23T02:00:00Z');
const MIN = 60_000;
const PASSWORD = 'mật-khẩu-quản-trị-2026';
const FIRST_START = {
  password: PASSWORD,
  name: 'Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh',
  level: 'province',
  address: 'Số 11 đường Lý Thái Tổ, tỉnh Bắc Ninh',
} as const;

describe('C1 G6–G8: first start, the admin password, pairing devices by code', () => {
  const { sockets, start } = hubPerTest(async (opts: { demo?: boolean } = {}) => {
    const clock = manualClock(MORNING);
    const log = capturingLogger('info');
    // An empty database (no centre, no token), or the demo's centre as a setup file leaves it
    // (`luot setup apply`): no admin password yet — the demo's own is removed.
    const hub = opts.demo
      ? await startTestHub({ clock, logger: log.logger }).then((h) => {
          h.db.prepare('DELETE FROM settings WHERE key = ?').run(ADMIN_PASSWORD_KEY);
          return h;
        })
      : await startHub({
          dbPath: tempDbPath(),
          port: 0,
          host: '127.0.0.1',
          demo: false,
          clock,
          logger: log.logger,
        }).then((h) => Object.assign(h, { url: `http://127.0.0.1:${h.port}` }));
    return { hub, clock, log };
  });
  const socketOf = async (url: string, token: string): Promise<TestSocket> => {
    const s = await connect(url, token);
    sockets.push(s);
    return s;
  };
  /** The audit lines of this part (the demo's seed writes its own). */
  const auditActions = (db: { prepare(sql: string): { all(): unknown[] } }): string[] =>
    (db.prepare('SELECT action FROM admin_audit ORDER BY id').all() as { action: string }[])
      .map((r) => r.action)
      .filter((a) => /^(setup\.firstStart|admin\.signIn|pairing\.create|device\.paired)$/.test(a));

  /** A demo hub set up with the password; its admin socket. */
  async function setUpDemo() {
    const ctx = await start({ demo: true });
    const res = await api(ctx.hub.url, null, 'POST', '/api/setup/first-start', FIRST_START);
    expect(res.status).toBe(200);
    const admin = await socketOf(ctx.hub.url, res.body!.token as string);
    const create = (input: PairingCreateInput): Promise<Ack<PairingCode>> => admin.emitWithAck('pairing:create', input);
    return { ...ctx, admin, create };
  }

  it('C1 G8: an empty hub is not set up: its status says so, pairing and sign-in are NOT_SET_UP, / opens the counter app', async () => {
    const { hub } = await start();
    expect(await api(hub.url, null, 'GET', '/api/setup/status')).toEqual({
      status: 200,
      body: { setUp: false, centreName: '' },
    });
    const pair = await api(hub.url, null, 'POST', '/api/pair', { code: '123456', app: 'kiosk' });
    expect([pair.status, pair.body?.code, pair.body?.message]).toEqual([409, 'NOT_SET_UP', vi.errors.NOT_SET_UP]);
    const signIn = await api(hub.url, null, 'POST', '/api/admin/sign-in', { password: PASSWORD });
    expect([signIn.status, signIn.body?.code]).toEqual([409, 'NOT_SET_UP']);
    const root = await fetch(`${hub.url}/`, { redirect: 'manual' });
    expect([root.status, root.headers.get('location')]).toEqual([302, '/counter/']);
  });

  it('C1: a first start with a short password or no level is refused field by field, and saves nothing', async () => {
    const { hub } = await start();
    const res = await api(hub.url, null, 'POST', '/api/setup/first-start', {
      ...FIRST_START,
      password: 'ngắn',
      level: 'district',
    });
    expect([res.status, res.body?.code]).toEqual([400, 'BAD_REQUEST']);
    expect(res.body?.fields).toEqual([
      { path: 'password', message: 'Mật khẩu cần ít nhất 10 ký tự.' },
      { path: 'level', message: 'Hãy chọn cấp của trung tâm.' },
    ]);
    const junk = await api(hub.url, null, 'POST', '/api/setup/first-start', '{"password": ');
    expect([junk.status, junk.body?.code]).toEqual([400, 'BAD_REQUEST']);
    expect((await api(hub.url, null, 'GET', '/api/setup/status')).body).toEqual({ setUp: false, centreName: '' });
    expect(hub.hub.centre.settings()).toBeNull();
    expect(hub.db.prepare("SELECT COUNT(*) FROM settings WHERE key = 'adminPassword'").pluck().get()).toBe(0);
  });

  it('C1: the first start makes the centre with defaults and answers an admin token that works on the socket; a second one is ALREADY_SET_UP', async () => {
    const { hub } = await start();
    const res = await api(hub.url, null, 'POST', '/api/setup/first-start', FIRST_START);
    expect(res.status).toBe(200);
    const token = res.body!.token as string;
    const admin = await socketOf(hub.url, token);
    const me = await admin.emitWithAck('device:whoami', {});
    expect(me).toEqual({ ok: true, data: { role: 'admin', counterId: null, label: 'Trình duyệt quản trị' } });
    expect(hub.hub.centre.settings()).toEqual({
      name: FIRST_START.name,
      level: 'province',
      address: FIRST_START.address,
      blockSize: 1000,
      numberFormat: 'numeric',
      priorityCategories: DEFAULT_PRIORITY_CATEGORIES,
      maxPriorityInRow: 2,
      defaultServiceSeconds: 300,
    });
    expect((await api(hub.url, null, 'GET', '/api/setup/status')).body).toEqual({
      setUp: true,
      centreName: FIRST_START.name,
    });
    // Only a salted hash of the password is kept.
    const stored = hub.db.prepare("SELECT value FROM settings WHERE key = 'adminPassword'").pluck().get() as string;
    expect(stored).toMatch(/^[0-9a-f]{32}:[0-9a-f]{64}$/);
    expect(stored).not.toContain(PASSWORD);
    expect(auditActions(hub.db)).toEqual(['setup.firstStart']);

    const again = await api(hub.url, null, 'POST', '/api/setup/first-start', { ...FIRST_START, name: 'Khác' });
    expect([again.status, again.body?.code]).toEqual([409, 'ALREADY_SET_UP']);
    expect(hub.hub.centre.settings()?.name).toBe(FIRST_START.name);
  });

  it('C1: a centre that exists (applied from a file) keeps all it has; the first start sets only its name, level and address, and the screens re-read it', async () => {
    const { hub } = await start({ demo: true });
    const before = hub.hub.centre.settings()!;
    expect((await api(hub.url, null, 'GET', '/api/setup/status')).body).toEqual({
      setUp: false,
      centreName: before.name,
    });
    // A screen paired before (with the file's centre) is told to re-read it.
    const wall = await socketOf(hub.url, hub.demoTokens!.display);
    const told = new Promise<void>((resolve) => wall.once('centre:changed', () => resolve()));
    const res = await api(hub.url, null, 'POST', '/api/setup/first-start', {
      ...FIRST_START,
      level: 'commune',
      address: '  ',
    });
    expect(res.status).toBe(200);
    await told;
    const { address: _dropped, ...rest } = before;
    expect(hub.hub.centre.settings()).toEqual({ ...rest, name: FIRST_START.name, level: 'commune' });
    expect(hub.hub.centre.services().length).toBeGreaterThan(0);
  });

  it('G7: the admin signs in with the password; five wrong ones lock the address, the password then not even checked, until the lock passes', async () => {
    const { hub, clock, log } = await start();
    expect((await api(hub.url, null, 'POST', '/api/setup/first-start', FIRST_START)).status).toBe(200);
    const signIn = (password: string) => api(hub.url, null, 'POST', '/api/admin/sign-in', { password });

    const wrong = await signIn('không-phải-mật-khẩu');
    expect([wrong.status, wrong.body?.code, wrong.body?.message]).toEqual([
      401,
      'ADMIN_BAD_PASSWORD',
      'Mật khẩu quản trị không đúng.',
    ]);
    const right = await signIn(PASSWORD);
    expect(right.status).toBe(200);
    const admin = await socketOf(hub.url, right.body!.token as string);
    expect((await admin.emitWithAck('device:whoami', {})).ok).toBe(true);

    for (let i = 1; i <= 4; i++) expect((await signIn(`sai-lần-${i}-mật-khẩu`)).status).toBe(401);
    const locking = await signIn('sai-lần-5-mật-khẩu');
    expect([locking.status, locking.body?.code, locking.body?.message]).toEqual([
      429,
      'RATE_LIMITED',
      'Đăng nhập quản trị tạm thời bị khoá do nhập sai mật khẩu nhiều lần.',
    ]);
    expect(locking.body?.retryAfterSeconds).toBe(60);
    expect(locking.body?.detail).toBe('Vui lòng thử lại sau 1 phút.');
    // Locked: even the right password is not checked.
    expect((await signIn(PASSWORD)).status).toBe(429);
    clock.advance(MIN + 1000);
    expect((await signIn(PASSWORD)).status).toBe(200);

    expect(auditActions(hub.db)).toEqual(['setup.firstStart', 'admin.signIn', 'admin.signIn']);
    // G5: failures are logged by address; no line holds a password.
    expect(log.lines().filter((l) => l.msg === 'admin sign-in failed')).toHaveLength(6);
    expect(log.raw.join('\n')).not.toMatch(/mật-khẩu/);
  });

  it('G6: a code made by an admin pairs a counter, a display and a kiosk once, each with its role and binding', async () => {
    const { hub, clock, create } = await setUpDemo();
    const counter = await create({ role: 'counter', counterId: 1, label: 'Máy tính quầy 1' });
    expect(counter.ok).toBe(true);
    if (!counter.ok) return;
    expect(counter.data.code).toMatch(/^\d{6}$/);
    expect(counter.data.expiresAt).toBe(clock.now() + 10 * MIN);
    expect(counter.data.url).toBe(`/counter/?pair=${counter.data.code}`);
    // Only the code's hash is kept.
    const hashes = hub.db.prepare('SELECT code_hash FROM pairing_codes').pluck().all() as string[];
    expect(hashes).toHaveLength(1);
    expect(hashes[0]).not.toContain(counter.data.code);

    // Typed with a space, as the console shows it.
    const code = `${counter.data.code.slice(0, 3)} ${counter.data.code.slice(3)}`;
    const paired = await api(hub.url, null, 'POST', '/api/pair', { code, app: 'counter' });
    expect([paired.status, paired.body?.role]).toEqual([200, 'counter']);
    const desk = await socketOf(hub.url, paired.body!.token as string);
    expect(await desk.emitWithAck('device:whoami', {})).toEqual({
      ok: true,
      data: { role: 'counter', counterId: 1, label: 'Máy tính quầy 1' },
    });
    const again = await api(hub.url, null, 'POST', '/api/pair', { code: counter.data.code, app: 'counter' });
    expect([again.status, again.body?.code, again.body?.message]).toEqual([
      400,
      'PAIRING_CODE_INVALID',
      vi.errors.PAIRING_CODE_INVALID,
    ]);

    const wall = await create({ role: 'display', displayId: 1, label: 'Màn hình sảnh' });
    const kiosk = await create({ role: 'kiosk', printer: 'tcp://192.168.1.50:9100', label: 'Kiosk sảnh' });
    if (!wall.ok || !kiosk.ok) throw new Error('codes refused');
    expect(wall.data.url).toBe(`/display/?pair=${wall.data.code}`);
    expect(kiosk.data.url).toBe(`/kiosk/?pair=${kiosk.data.code}`);
    const wallPaired = await api(hub.url, null, 'POST', '/api/pair', { code: wall.data.code, app: 'display' });
    const kioskPaired = await api(hub.url, null, 'POST', '/api/pair', { code: kiosk.data.code, app: 'kiosk' });
    expect([wallPaired.body?.role, kioskPaired.body?.role]).toEqual(['display', 'kiosk']);
    const devices = hub.hub.devices.list();
    expect(devices.find((d) => d.label === 'Màn hình sảnh')).toMatchObject({ role: 'display', displayId: 1 });
    expect(devices.find((d) => d.label === 'Kiosk sảnh')).toMatchObject({
      role: 'kiosk',
      printer: 'tcp://192.168.1.50:9100',
    });
    await socketOf(hub.url, kioskPaired.body!.token as string);

    expect(auditActions(hub.db).filter((a) => a !== 'setup.firstStart')).toEqual([
      'pairing.create',
      'device.paired',
      'pairing.create',
      'pairing.create',
      'device.paired',
      'device.paired',
    ]);
    const summaries = hub.db.prepare('SELECT summary FROM admin_audit').pluck().all() as string[];
    for (const c of [counter.data.code, wall.data.code, kiosk.data.code]) {
      expect(summaries.join('\n')).not.toContain(c);
    }
  });

  it('G6: a code is refused once its 10 minutes are over', async () => {
    const { hub, clock, create } = await setUpDemo();
    const made = await create({ role: 'kiosk', label: 'Kiosk tầng 2' });
    if (!made.ok) throw new Error(made.code);
    clock.advance(10 * MIN);
    const late = await api(hub.url, null, 'POST', '/api/pair', { code: made.data.code, app: 'kiosk' });
    expect([late.status, late.body?.code]).toEqual([400, 'PAIRING_CODE_INVALID']);
    const fresh = await create({ role: 'kiosk', label: 'Kiosk tầng 2' });
    if (!fresh.ok) throw new Error(fresh.code);
    clock.advance(10 * MIN - 1);
    expect((await api(hub.url, null, 'POST', '/api/pair', { code: fresh.data.code, app: 'kiosk' })).status).toBe(200);
  });

  it('G6: a code typed in the wrong app is refused in words naming both, and still pairs the right app', async () => {
    const { hub, create } = await setUpDemo();
    const made = await create({ role: 'display', displayId: 1, label: 'Màn hình sảnh' });
    if (!made.ok) throw new Error(made.code);
    const wrong = await api(hub.url, null, 'POST', '/api/pair', { code: made.data.code, app: 'kiosk' });
    expect([wrong.status, wrong.body?.code, wrong.body?.message]).toEqual([
      400,
      'PAIRING_CODE_INVALID',
      'Mã này dùng cho màn hình hiển thị, không dùng được trên máy lấy số. Mã vẫn còn hiệu lực: hãy nhập trên đúng thiết bị.',
    ]);
    expect(hub.db.prepare('SELECT used_at FROM pairing_codes').pluck().get()).toBeNull();
    expect((await api(hub.url, null, 'POST', '/api/pair', { code: made.data.code, app: 'display' })).status).toBe(200);

    // The counter app takes an admin's code: it opens as the admin console.
    const adminCode = await create({ role: 'admin', label: 'Máy trưởng bộ phận' });
    if (!adminCode.ok) throw new Error(adminCode.code);
    expect(adminCode.data.url).toBe(`/counter/?pair=${adminCode.data.code}`);
    const admin = await api(hub.url, null, 'POST', '/api/pair', { code: adminCode.data.code, app: 'counter' });
    expect([admin.status, admin.body?.role]).toEqual([200, 'admin']);
  });

  it('G6: pairing:create checks the binding as luot token create does, and is for admins only', async () => {
    const { hub, create } = await setUpDemo();
    const refusal = async (input: PairingCreateInput) => {
      const ack = await create(input);
      return ack.ok ? 'accepted' : [ack.code, ack.detail];
    };
    expect(await refusal({ role: 'counter', label: 'Quầy' })).toEqual([
      'BAD_REQUEST',
      'Mã cho quầy cần chọn một quầy.',
    ]);
    expect(await refusal({ role: 'kiosk', counterId: 1, label: 'Kiosk' })).toEqual([
      'BAD_REQUEST',
      'Chỉ mã cho quầy mới gắn với một quầy.',
    ]);
    expect(await refusal({ role: 'counter', counterId: 1, displayId: 1, label: 'Quầy' })).toEqual([
      'BAD_REQUEST',
      'Chỉ mã cho màn hình hiển thị mới gắn với một màn hình.',
    ]);
    expect(await refusal({ role: 'display', printer: 'tcp://10.0.0.5:9100', label: 'Màn hình' })).toEqual([
      'BAD_REQUEST',
      'Chỉ mã cho máy lấy số mới gắn với một máy in.',
    ]);
    expect(await refusal({ role: 'counter', counterId: 999, label: 'Quầy' })).toEqual([
      'COUNTER_NOT_FOUND',
      'Không có quầy mã 999.',
    ]);
    expect(await refusal({ role: 'display', displayId: 999, label: 'Màn hình' })).toEqual([
      'NOT_FOUND',
      'Không có màn hình mã 999.',
    ]);
    expect(await refusal({ role: 'kiosk', label: '' })).toEqual(['BAD_REQUEST', undefined]);
    expect(hub.db.prepare('SELECT COUNT(*) FROM pairing_codes').pluck().get()).toBe(0);

    const kiosk = await socketOf(hub.url, hub.demoTokens!.kiosk);
    const ack = await kiosk.emitWithAck('pairing:create', { role: 'kiosk', label: 'Kiosk' });
    expect(ack).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('G6: one address may try only so many codes', async () => {
    const { hub, clock } = await setUpDemo();
    const tries: number[] = [];
    for (let i = 0; i < 11; i++) {
      const code = String(100000 + i);
      tries.push((await api(hub.url, null, 'POST', '/api/pair', { code, app: 'kiosk' })).status);
    }
    expect(tries).toEqual([...Array<number>(10).fill(400), 429]);
    clock.advance(MIN);
    expect((await api(hub.url, null, 'POST', '/api/pair', { code: '999999', app: 'kiosk' })).status).toBe(400);
  });

  it('G7 C1: the demo is set up with its printed password; luot admin password sets a new one from a file, which the hub checks at once', async () => {
    const hub = await startTestHub();
    try {
      const signIn = (password: string) => api(hub.url, null, 'POST', '/api/admin/sign-in', { password });
      expect((await api(hub.url, null, 'GET', '/api/setup/status')).body?.setUp).toBe(true);
      expect((await signIn(DEMO_ADMIN_PASSWORD)).status).toBe(200);

      const dir = mkdtempSync(join(tmpdir(), 'luot-admin-'));
      const file = join(dir, 'password.txt');
      writeFileSync(file, 'ngắn\n');
      await expect(luot(adminPassword, [file, '--db', hub.dbPath])).rejects.toThrow('từ 10 đến 200 ký tự');
      writeFileSync(file, 'mật-khẩu-mới-của-tỉnh\nbỏ qua dòng này\n');
      expect(await luot(adminPassword, [file, '--db', hub.dbPath])).toMatchObject({
        code: 0,
        out: 'Đã đổi mật khẩu quản trị.',
      });
      expect((await signIn(DEMO_ADMIN_PASSWORD)).status).toBe(401);
      expect((await signIn('mật-khẩu-mới-của-tỉnh')).status).toBe(200);
      const audit = hub.db.prepare("SELECT actor, summary FROM admin_audit WHERE action = 'admin.password'").all();
      expect(audit).toEqual([{ actor: 'luot', summary: 'Đổi mật khẩu quản trị' }]);
      rmSync(dir, { recursive: true, force: true });
    } finally {
      await hub.stop();
    }
  });
});
