import { manualClock, VIETNAM_HOLIDAYS_2026_2027, type CentreSetup } from '@luot/shared';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officerDisable, officerEnable, officerResetPin } from '../src/cli/commands/officer';
import { setupApply, setupExport } from '../src/cli/commands/setup';
import { api, connect, startTestHub, tempDbPath, type TestSocket } from './support/hub';
import { runCommand as luot } from './support/cli';

/** Resolves with true when the socket hears the event, false after `ms`. */
const hears = (socket: TestSocket, event: 'centre:changed' | 'display:configured', ms = 5000): Promise<boolean> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    socket.once(event as 'centre:changed', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

describe('C2–C8: the centre set up as one document, applied live', () => {
  let hub: Awaited<ReturnType<typeof startTestHub>>;
  const sockets: TestSocket[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'luot-setup-'));
  const clock = manualClock(Date.parse('2026-11-24T09:00:00+07:00'));
  let admin: TestSocket;
  let kiosk: TestSocket;

  const getSetup = async (): Promise<CentreSetup> => {
    const ack = await admin.emitWithAck('setup:get', {});
    if (!ack.ok) throw new Error(ack.code);
    return ack.data;
  };
  const auditCount = async (): Promise<number> => {
    const ack = await admin.emitWithAck('audit:list', { limit: 200 });
    if (!ack.ok) throw new Error(ack.code);
    return ack.data.entries.length;
  };

  beforeAll(async () => {
    hub = await startTestHub({ clock });
    admin = await connect(hub.url, hub.demoTokens!.admin);
    kiosk = await connect(hub.url, hub.demoTokens!.kiosk);
    sockets.push(admin, kiosk);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await hub.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('C8: the demo is built from its document: holidays of 2026–2027, six officers, two walls', async () => {
    const setup = await getSetup();
    expect(setup.format).toBe('luot-setup/1');
    expect(setup.services.map((s) => s.id)).toEqual([1, 2, 3, 4, 5]);
    expect(setup.counters.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(setup.displays.map((d) => d.id)).toEqual([1, 2]);
    expect(setup.officers.map((o) => o.name).sort()).toEqual(['Hoa', 'Hùng', 'Lan', 'Minh', 'Nam', 'Thu'].sort());
    expect(setup.officers.some((o) => 'pin' in o)).toBe(false);
    expect(setup.calendar.holidays).toEqual([...VIETNAM_HOLIDAYS_2026_2027.holidays].sort());
  });

  it('C8 C7: an admin adds a service over the socket; the kiosk hears centre:changed and sees it; the wall gets its configuration', async () => {
    const wall = await connect(hub.url, hub.demoTokens!.display);
    sockets.push(wall);
    const setup = await getSetup();
    const desired = structuredClone(setup);
    desired.services.push({
      id: 6,
      name: 'Nông nghiệp',
      nameEn: 'Agriculture',
      field: 'Nông nghiệp',
      block: 6,
      opensAt: '07:30',
      closesAt: '17:00',
      schedule: { week: [[], [{ from: '07:30', to: '11:30', lastNumberAt: '11:00' }], [], [], [], [], []] },
    });
    desired.counters[0]!.serviceIds.push(6);
    desired.displays[0]!.config.dossierPanel = false;
    const changed = hears(kiosk, 'centre:changed');
    const configured = new Promise<unknown>((resolve) => wall.once('display:configured', resolve));
    const ack = await admin.emitWithAck('setup:apply', { setup: desired });
    expect(ack).toMatchObject({ ok: true });
    if (!ack.ok) return;
    expect(ack.data.changes).toEqual([
      'Thêm dịch vụ Nông nghiệp (khối 6)',
      'Sửa quầy 1: dịch vụ phục vụ',
      'Sửa màn hình Màn hình sảnh chính: bảng số liệu hồ sơ',
    ]);
    expect(await changed).toBe(true);
    expect(await configured).toMatchObject({ displayId: 1, config: { dossierPanel: false } });
    const centre = await kiosk.emitWithAck('centre:get', {});
    expect(centre.ok && centre.data.services.map((s) => s.name)).toContain('Nông nghiệp');
    const audit = await admin.emitWithAck('audit:list', {});
    expect(audit.ok && audit.data.entries[0]).toMatchObject({
      actor: 'demo:admin',
      action: 'display.changed',
      summary: 'Sửa màn hình Màn hình sảnh chính: bảng số liệu hồ sơ',
    });
  });

  it('C8: the same document again changes nothing, says so and writes no audit line; a dry run writes nothing', async () => {
    const setup = await getSetup();
    const before = await auditCount();
    const again = await api(hub.url, hub.demoTokens!.admin, 'PUT', '/api/setup', { setup });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ changes: [] });
    const desired = structuredClone(setup);
    desired.centre.name = 'Tên thử';
    const dry = await api(hub.url, hub.demoTokens!.admin, 'PUT', '/api/setup', { setup: desired, dryRun: true });
    expect(dry.body).toMatchObject({ changes: ['Sửa tên của trung tâm'] });
    expect((await getSetup()).centre.name).toBe(setup.centre.name);
    expect(await auditCount()).toBe(before);
  });

  it('C2 C3 C4: each bad document is refused with SETUP_INVALID and the field path, and nothing changes', async () => {
    const setup = await getSetup();
    const before = await auditCount();
    const cases: [string, (d: CentreSetup) => void, string][] = [
      [
        'overlapping sessions',
        (d) => {
          d.services[0]!.schedule = {
            week: [
              [],
              [
                { from: '07:30', to: '11:30' },
                { from: '11:00', to: '17:00' },
              ],
              [],
              [],
              [],
              [],
              [],
            ],
          };
        },
        'services.0.schedule.week.1.1.from',
      ],
      [
        'last number outside its session',
        (d) => {
          d.services[1]!.schedule = {
            week: [[], [{ from: '07:30', to: '11:30', lastNumberAt: '12:00' }], [], [], [], [], []],
          };
        },
        'services.1.schedule.week.1.0.lastNumberAt',
      ],
      ['two services in one block', (d) => void (d.services[2]!.block = 1), 'services.2.block'],
      ['a counter with no service', (d) => void (d.counters[3]!.serviceIds = []), 'counters.3.serviceIds'],
      ['a new officer without a PIN', (d) => void d.officers.push({ name: 'Tâm', disabled: false }), 'officers.6.name'],
    ];
    for (const [what, change, path] of cases) {
      const desired = structuredClone(setup);
      change(desired);
      const res = await api(hub.url, hub.demoTokens!.admin, 'PUT', '/api/setup', { setup: desired });
      expect([what, res.status, res.body?.code]).toEqual([what, 422, 'SETUP_INVALID']);
      const fields = res.body?.fields as { path: string; message: string }[];
      expect(
        fields.map((f) => f.path),
        what,
      ).toContain(path);
      const ack = await admin.emitWithAck('setup:apply', { setup: desired });
      expect(ack.ok || ack.fields?.map((f) => f.path)).toContain(path);
    }
    expect(await getSetup()).toEqual(setup);
    expect(await auditCount()).toBe(before);
  });

  it('C5: a service with a citizen waiting today cannot be deleted (SERVICE_HAS_WAITING, naming it); nothing is applied', async () => {
    expect((await api(hub.url, hub.demoTokens!.kiosk, 'POST', '/api/tickets', { serviceId: 4 })).status).toBe(201);
    const setup = await getSetup();
    const desired = structuredClone(setup);
    desired.services = desired.services.filter((s) => s.id !== 4);
    for (const c of desired.counters) c.serviceIds = c.serviceIds.filter((id) => id !== 4);
    desired.centre.name = 'Không được lưu';
    const res = await api(hub.url, hub.demoTokens!.admin, 'PUT', '/api/setup', { setup: desired });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'SERVICE_HAS_WAITING',
      detail: expect.stringContaining('Xây dựng') as string,
    });
    expect(await getSetup()).toEqual(setup);

    // A counter with an officer signed in cannot be deleted either.
    const counter6 = hub.demoTokens!.counters.find((c) => c.number === 6)!.token;
    const signIn = { name: 'Hoa', pin: '1234' };
    expect((await api(hub.url, counter6, 'POST', '/api/counters/6/sign-in', signIn)).status).toBe(200);
    const withoutCounter = structuredClone(setup);
    withoutCounter.counters = withoutCounter.counters.filter((c) => c.number !== 6);
    const busy = await api(hub.url, hub.demoTokens!.admin, 'PUT', '/api/setup', { setup: withoutCounter });
    expect(busy).toMatchObject({
      status: 409,
      body: { code: 'COUNTER_BUSY', detail: expect.stringContaining('Quầy 6') as string },
    });
    expect(await getSetup()).toEqual(setup);
  });

  it('C6: a disabled officer cannot sign in; the list shows it; a reset PIN works; the audit log says who did what', async () => {
    const setup = await getSetup();
    const desired = structuredClone(setup);
    desired.officers.find((o) => o.name === 'Thu')!.disabled = true;
    const ack = await admin.emitWithAck('setup:apply', { setup: desired });
    expect(ack.ok && ack.data.changes).toEqual(['Khóa tài khoản cán bộ Thu']);
    const counter3 = hub.demoTokens!.counters.find((c) => c.number === 3)!.token;
    const signIn = (name: string, pin: string) =>
      api(hub.url, counter3, 'POST', '/api/counters/3/sign-in', { name, pin });
    expect(await signIn('Thu', '1234')).toMatchObject({ status: 403, body: { code: 'OFFICER_DISABLED' } });
    const list = await api(hub.url, hub.demoTokens!.admin, 'GET', '/api/officers');
    const officers = list.body?.officers as { id: number; name: string; disabled: boolean }[];
    expect(officers.find((o) => o.name === 'Thu')).toMatchObject({
      disabled: true,
      counterNumber: null,
      lockedUntil: null,
    });
    const minh = officers.find((o) => o.name === 'Minh')!;
    const reset = await api(hub.url, hub.demoTokens!.admin, 'POST', `/api/officers/${minh.id}/pin`, { pin: '5678' });
    expect(reset).toMatchObject({ status: 200, body: { name: 'Minh', disabled: false } });
    expect((await signIn('Minh', '1234')).status).toBe(401);
    expect((await signIn('Minh', '5678')).status).toBe(200);
    const audit = await api(hub.url, hub.demoTokens!.admin, 'GET', '/api/audit');
    expect((audit.body?.entries as { actor: string; summary: string }[]).slice(0, 2)).toMatchObject([
      { actor: 'demo:admin', summary: 'Đặt lại mã PIN của cán bộ Minh' },
      { actor: 'demo:admin', summary: 'Khóa tài khoản cán bộ Thu' },
    ]);
    expect((await api(hub.url, hub.demoTokens!.kiosk, 'GET', '/api/setup')).status).toBe(403);

    // Hoa is signed in at counter 6 (C5's test) and serves nobody: disabling her signs her out.
    const counterSocket = await connect(hub.url, hub.demoTokens!.counters.find((c) => c.number === 6)!.token);
    sockets.push(counterSocket);
    const updated = new Promise<unknown>((resolve) => counterSocket.once('counter:updated', resolve));
    const now = await getSetup();
    now.officers.find((o) => o.name === 'Hoa')!.disabled = true;
    expect(await admin.emitWithAck('setup:apply', { setup: now })).toMatchObject({ ok: true });
    expect(await updated).toMatchObject({ number: 6, officer: null });
    const after = await admin.emitWithAck('officer:list', {});
    expect(after.ok && after.data.officers.find((o) => o.name === 'Hoa')).toMatchObject({
      disabled: true,
      counterNumber: null,
    });

    // L3's lock of a name shows in the list until a new PIN ends it.
    const counter1 = hub.demoTokens!.counters.find((c) => c.number === 1)!.token;
    for (let i = 0; i < 5; i++) {
      await api(hub.url, counter1, 'POST', '/api/counters/1/sign-in', { name: 'Lan', pin: '0000' });
    }
    const locked = await admin.emitWithAck('officer:list', {});
    const lan = locked.ok ? locked.data.officers.find((o) => o.name === 'Lan')! : null;
    expect(lan?.lockedUntil).toBeGreaterThan(clock.now());
    await admin.emitWithAck('officer:resetPin', { officerId: lan!.id, pin: '2468' });
    const unlocked = await admin.emitWithAck('officer:list', {});
    expect(unlocked.ok && unlocked.data.officers.find((o) => o.name === 'Lan')?.lockedUntil).toBeNull();
  });

  it("C8: luot setup apply on the running hub's database: the screens hear it through the change log; a bad file is exit 2 with every field", async () => {
    const setup = await getSetup();
    const desired = structuredClone(setup);
    desired.centre.name = 'Trung tâm đổi bằng lệnh';
    const file = join(dir, 'setup.json');
    writeFileSync(file, JSON.stringify(desired));
    const changed = hears(kiosk, 'centre:changed');
    const run = await luot(setupApply, [file, '--db', hub.dbPath]);
    expect(run).toMatchObject({ code: 0, out: expect.stringContaining('Sửa tên của trung tâm') as string });
    expect(await changed).toBe(true);
    const centre = await kiosk.emitWithAck('centre:get', {});
    expect(centre.ok && centre.data.centreName).toBe('Trung tâm đổi bằng lệnh');
    expect((await luot(setupApply, [file, '--db', hub.dbPath])).out).toBe('Không có gì thay đổi');
    const audit = await admin.emitWithAck('audit:list', { limit: 1 });
    expect(audit.ok && audit.data.entries[0]).toMatchObject({ actor: 'luot', summary: 'Sửa tên của trung tâm' });

    desired.counters[0]!.serviceIds = [];
    desired.services[0]!.opensAt = '7h30';
    writeFileSync(file, JSON.stringify(desired));
    const bad = await luot(setupApply, [file, '--db', hub.dbPath]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('services.0.opensAt: Giờ phải có dạng HH:mm, ví dụ 07:30.');

    // C6: the command line disables an officer the same way.
    expect((await luot(officerDisable, ['Nam', '--db', hub.dbPath])).out).toBe('Khóa tài khoản cán bộ Nam');
    expect((await luot(officerEnable, ['nam', '--db', hub.dbPath])).out).toBe('Mở khóa tài khoản cán bộ Nam');
    expect((await luot(officerResetPin, ['Nam', '--pin', '4321', '--db', hub.dbPath])).code).toBe(0);
    await expect(luot(officerResetPin, ['Không Có', '--pin', '4321', '--db', hub.dbPath])).rejects.toThrow(
      'Không có cán bộ',
    );
    const log = await admin.emitWithAck('audit:list', { limit: 3 });
    expect(log.ok && log.data.entries.map((e) => [e.actor, e.summary])).toEqual([
      ['luot', 'Đặt lại mã PIN của cán bộ Nam'],
      ['luot', 'Mở khóa tài khoản cán bộ Nam'],
      ['luot', 'Khóa tài khoản cán bộ Nam'],
    ]);
    const counter5 = hub.demoTokens!.counters.find((c) => c.number === 5)!.token;
    const nam = await api(hub.url, counter5, 'POST', '/api/counters/5/sign-in', { name: 'Nam', pin: '4321' });
    expect(nam.status).toBe(200);
  });

  it('C8: exported from the demo and applied to a fresh database (PINs added), the centre is the same', async () => {
    const exported = await luot(setupExport, ['--db', hub.dbPath]);
    expect(exported.code).toBe(0);
    const doc = JSON.parse(exported.out) as CentreSetup;
    expect(exported.out).not.toMatch(/"pin"|pin_hash/);
    for (const o of doc.officers) o.pin = '1234';
    const file = join(dir, 'export.json');
    writeFileSync(file, JSON.stringify(doc, null, 2));
    const fresh = tempDbPath();
    try {
      const applied = await luot(setupApply, [file, '--db', fresh]);
      expect(applied.code).toBe(0);
      expect(applied.out).toContain('Thêm dịch vụ Đất đai (khối 1)');
      expect((await luot(setupExport, ['--db', fresh])).out).toBe(exported.out);
    } finally {
      rmSync(join(fresh, '..'), { recursive: true, force: true });
    }
  });
});
