import { execFile, spawn, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, startOfLocalDay, type HubAlert } from '@luot/shared';
import { MIGRATIONS } from '../src/db/migrations/index';
import { openDatabase } from '../src/db/open';
import { checkDatabaseFile, CODE_SCHEMA_VERSION } from '../src/features/backup/backup-file';
import { startHub, type RunningHub } from '../src/main';
import { api, connect, startTestHub, type TestSocket } from './support/hub';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HUB = fileURLToPath(new URL('../bin/luot.js', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real `luot` command in its own process; resolves with its exit code and output. */
function luot(...argv: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [HUB, ...argv], { cwd: ROOT, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A Monday, 09:00 in Hà Nội: office hours, whatever the machine's clock says. */
const MONDAY_9AM = startOfLocalDay('2026-03-02') + 9 * 60 * 60 * 1000;

/** Every file of a folder with its bytes: what "nothing changed" compares. */
function folderState(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((f) => [f.name, f.isFile() ? readFileSync(join(dir, f.name)).toString('base64') : '(thư mục)']),
  );
}

function ticketsIn(file: string): { id: number; service_id: number; number: number; day: string }[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT id, service_id, number, day FROM tickets ORDER BY id').all() as never;
  } finally {
    db.close();
  }
}

const cleanups: (() => unknown)[] = [];

/** A temporary folder, removed after the test (after the hubs in it have stopped). */
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'luot-backup-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A database path in a folder of its own, removed after the test. */
const dbInTempDir = (): string => join(tempDir(), 'luot.db');

/** A hub's stop that may be called again (by the clean-up after the test stopped it itself). */
function stopOnce(hub: { stop(): Promise<void> }): () => Promise<void> {
  let stopped: Promise<void> | undefined;
  return () => (stopped ??= hub.stop());
}
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The hub as operators run it, in its own process (the PID is the hub). */
async function spawnHub(dbPath: string): Promise<{ child: ChildProcess; url: string; stop(): Promise<number | null> }> {
  const child = spawn(
    process.execPath,
    [HUB, 'start', '--demo', '--db', dbPath, '--port', '0', '--host', '127.0.0.1'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LUOT_LOG_LEVEL: 'silent' },
    },
  );
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const stop = async (): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  cleanups.push(stop);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`hub did not start: ${out}`)), 30_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const port = /listening on port (\d+)/.exec(out)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}`);
      }
    });
    void exited.then(() => reject(new Error(`hub exited: ${out}`)));
  });
  return { child, url, stop };
}

describe('backup and restore', { timeout: 120_000 }, () => {
  it('B1 B5: a backup taken while tickets are being issued restores to a working hub; the day’s numbers continue (B2, Q14)', async () => {
    const clock = manualClock(MONDAY_9AM);
    const hub = await startTestHub({ clock, dbPath: dbInTempDir() });
    const stopHub = stopOnce(hub);
    cleanups.push(stopHub);
    const sockets: TestSocket[] = [];
    cleanups.push(() => sockets.forEach((s) => s.close()));
    for (let i = 0; i < 3; i++) sockets.push(await connect(hub.url, hub.demoTokens!.admin));

    // Three admin screens issue without pause (admins are not rate-limited, L2) until told to stop.
    const acked: number[] = [];
    let issuing = true;
    const loops = sockets.map(async (s, k) => {
      for (let i = 0; issuing; i++) {
        const ack = await s.emitWithAck('ticket:issue', { serviceId: 1 + ((i + k) % 3) });
        if (!ack.ok) throw new Error(`issue refused: ${ack.code}`);
        acked.push(ack.data.id);
      }
    });
    await expect.poll(() => acked.length, { timeout: 10_000, interval: 10 }).toBeGreaterThanOrEqual(60);
    const ackedBefore = [...acked];
    const file = join(dirname(hub.dbPath), 'sao-luu.db');
    const backup = await luot('backup', file, '--db', hub.dbPath, '--json');
    // The hub kept issuing while the command ran: nothing waited for the copy.
    const ackedDuring = acked.length - ackedBefore.length;
    issuing = false;
    await Promise.all(loops);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    const report = JSON.parse(backup.stdout) as { bytes: number; ms: number; tickets: number; dossiers: number };
    expect(report.bytes).toBe(statSync(file).size);
    expect(existsSync(`${file}.partial`)).toBe(false);
    expect(existsSync(`${file}-wal`)).toBe(false);
    // The copy is a Lượt database that passes its check (B2) and has every ticket acknowledged before it began.
    expect((await checkDatabaseFile(file)).tickets).toBe(report.tickets);
    const inBackup = ticketsIn(file);
    expect(inBackup.length).toBe(report.tickets);
    const backedUp = new Set(inBackup.map((t) => t.id));
    expect(ackedBefore.every((id) => backedUp.has(id))).toBe(true);
    expect(ackedDuring).toBeGreaterThan(0);
    const all = ticketsIn(hub.dbPath).length;
    expect(all).toBe(acked.length);

    sockets.forEach((s) => s.close());
    await stopHub();

    const restored = await luot('restore', file, '--db', hub.dbPath, '--yes');
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    // The replaced database is kept, with every ticket the hub had.
    const kept = readdirSync(dirname(hub.dbPath)).filter((f) => f.startsWith('luot.db.before-restore-'));
    expect(kept).toHaveLength(1);
    expect(ticketsIn(join(dirname(hub.dbPath), kept[0]!))).toHaveLength(all);
    expect(existsSync(`${hub.dbPath}-wal`)).toBe(false);

    const again = await startTestHub({ dbPath: hub.dbPath, clock });
    cleanups.push(() => again.stop());
    expect(ticketsIn(hub.dbPath).map((t) => t.id)).toEqual(inBackup.map((t) => t.id));
    const next = await api(again.url, again.demoTokens!.admin, 'POST', '/api/tickets', { serviceId: 1 });
    expect(next.status).toBe(201);
    const last = Math.max(...inBackup.filter((t) => t.service_id === 1).map((t) => t.number));
    expect(next.body!.number).toBe(last + 1);
  });

  it('B3: GET /api/backup gives the admin a fresh, valid database as luot-YYYYMMDD-HHmm.db; 403 for other roles, 401 without a token', async () => {
    // 13:07 UTC on 5 January 2026 is 20:07 in Hà Nội (T1).
    const clock = manualClock(Date.UTC(2026, 0, 5, 13, 7, 30));
    const hub = await startTestHub({ clock, dbPath: dbInTempDir() });
    cleanups.push(() => hub.stop());
    const admin = hub.demoTokens!.admin;
    for (let i = 0; i < 5; i++)
      expect((await api(hub.url, admin, 'POST', '/api/tickets', { serviceId: 1 })).status).toBe(201);

    const res = await fetch(`${hub.url}/api/backup`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.sqlite3');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="luot-20260105-2007.db"');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
    const file = join(dirname(hub.dbPath), 'tai-ve.db');
    writeFileSync(file, bytes);
    expect(await checkDatabaseFile(file)).toMatchObject({ tickets: 5, userVersion: CODE_SCHEMA_VERSION });
    // The copy made for the download is gone once sent.
    await expect.poll(() => readdirSync(join(dirname(hub.dbPath), 'backups')), { timeout: 2000 }).toEqual([]);

    const tokens = {
      kiosk: hub.demoTokens!.kiosk,
      display: hub.demoTokens!.display,
      counter: hub.demoTokens!.counters[0]!.token,
    };
    for (const [role, token] of Object.entries(tokens)) {
      const r = await api(hub.url, token, 'GET', '/api/backup');
      expect([role, r.status, r.body?.code]).toEqual([role, 403, 'FORBIDDEN']);
    }
    const anonymous = await api(hub.url, null, 'GET', '/api/backup');
    expect([anonymous.status, anonymous.body?.code]).toEqual([401, 'UNAUTHORIZED']);
    const query = await api(hub.url, admin, 'GET', '/api/backup?format=zip');
    expect([query.status, query.body?.code]).toEqual([400, 'BAD_REQUEST']);
  });

  it('B2 B5: restoring a non-SQLite file, a SQLite file that is not Lượt’s, a truncated copy or a newer schema is refused and changes nothing', async () => {
    const target = dbInTempDir();
    const dir = dirname(target);
    const db = openDatabase(target);
    db.prepare("INSERT INTO settings (key, value) VALUES ('marker', 'trước khi khôi phục')").run();
    db.close();
    // A real copy of a database with some pages to cut.
    const good = join(dir, 'good.db');
    const hub = await startTestHub({ clock: manualClock(MONDAY_9AM), dbPath: dbInTempDir() });
    const stopHub = stopOnce(hub);
    cleanups.push(stopHub);
    const device = hub.hub.devices.authenticate(hub.demoTokens!.admin)!;
    for (let i = 0; i < 50; i++) expect(hub.hub.perform('ticket:issue', device, { serviceId: 1 }).ok).toBe(true);
    await stopHub();
    expect((await luot('backup', good, '--db', hub.dbPath)).code).toBe(0);

    const badDir = tempDir();
    const files: Record<string, [string, RegExp]> = {};
    const add = (name: string, reason: RegExp, make: (path: string) => void): void => {
      const path = join(badDir, name);
      make(path);
      files[name] = [path, reason];
    };
    add('text.db', /không phải là cơ sở dữ liệu SQLite hợp lệ/, (p) =>
      writeFileSync(p, 'Danh sách số thứ tự\n'.repeat(200)),
    );
    add('other.db', /không phải cơ sở dữ liệu của Lượt/, (p) => {
      const other = new Database(p);
      other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
      other.close();
    });
    add('truncated.db', /không phải là cơ sở dữ liệu SQLite hợp lệ, hoặc đã bị hỏng hay bị cắt cụt/, (p) => {
      const bytes = readFileSync(good);
      writeFileSync(p, bytes.subarray(0, Math.floor(bytes.length / 2)));
    });
    add('newer.db', /phiên bản Lượt mới hơn/, (p) => {
      copyFileSync(good, p);
      const newer = new Database(p);
      newer.pragma(`user_version = ${CODE_SCHEMA_VERSION + 1}`);
      newer.close();
    });
    add('missing-table.db', /thiếu bảng/, (p) => {
      copyFileSync(good, p);
      const broken = new Database(p);
      broken.exec('DROP TABLE calls');
      broken.close();
    });

    const before = folderState(dir);
    for (const [name, [path, reason]] of Object.entries(files)) {
      const run = await luot('restore', path, '--db', target, '--yes');
      expect([name, run.code]).toEqual([name, 1]);
      expect(run.stderr, name).toMatch(reason);
      expect(folderState(dir), name).toEqual(before);
    }
    const missing = await luot('restore', join(dir, 'khong-co.db'), '--db', target, '--yes');
    expect(missing.code).toBe(1);
    expect(folderState(dir)).toEqual(before);

    // Without --yes and no terminal to ask, nothing changes either.
    const unconfirmed = await luot('restore', good, '--db', target);
    expect(unconfirmed.code).toBe(1);
    expect(folderState(dir)).toEqual(before);
  });

  it('B1 B2: a backup whose copy fails its check leaves no file, and an older FILE is replaced only with --force', async () => {
    const dir = tempDir();
    const notOurs = join(dir, 'khac.db');
    const other = new Database(notOurs);
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
    other.close();
    const file = join(dir, 'sao-luu', 'luot.db');
    const failed = await luot('backup', file, '--db', notOurs);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/không phải cơ sở dữ liệu của Lượt/);
    expect(readdirSync(dirname(file))).toEqual([]);

    const source = dbInTempDir();
    openDatabase(source).close();
    expect((await luot('backup', file, '--db', source)).code).toBe(0);
    const first = readFileSync(file);
    const again = await luot('backup', file, '--db', source);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/--force/);
    expect(readFileSync(file)).toEqual(first);
    expect((await luot('backup', file, '--db', source, '--force')).code).toBe(0);
    expect(readdirSync(dirname(file))).toEqual(['luot.db']);
  });

  it('B5: a backup of an older schema is restored, and the next open brings it up to date (B2)', async () => {
    const old = dbInTempDir();
    openDatabase(old, { migrations: MIGRATIONS.slice(0, -1) }).close();
    const file = join(dirname(old), 'cu.db');
    expect((await luot('backup', file, '--db', old)).code).toBe(0);
    expect((await checkDatabaseFile(file)).userVersion).toBe(CODE_SCHEMA_VERSION - 1);
    const target = dbInTempDir();
    const restored = await luot('restore', file, '--db', target, '--yes');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/Trước đó chưa có cơ sở dữ liệu/);
    const db = openDatabase(target);
    expect(db.pragma('user_version', { simple: true })).toBe(CODE_SCHEMA_VERSION);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('B6: restore is refused while a hub runs on the database, and goes through once it has stopped (B1)', async () => {
    const dbPath = dbInTempDir();
    const hub = await spawnHub(dbPath);
    const services = await fetch(`${hub.url}/api/openapi.json`);
    expect(services.status).toBe(200);
    const file = join(dirname(dbPath), 'chay.db');
    const backup = await luot('backup', file, '--db', dbPath);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/Đã sao lưu vào/);

    const before = folderState(dirname(dbPath));
    const refused = await luot('restore', file, '--db', dbPath, '--yes');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/hub đang chạy trên tệp này/);
    expect(Object.keys(folderState(dirname(dbPath)))).toEqual(Object.keys(before));
    expect(readFileSync(file)).toEqual(Buffer.from(before['chay.db']!, 'base64'));
    // The hub still works.
    expect((await fetch(`${hub.url}/api/openapi.json`)).status).toBe(200);

    expect(await hub.stop()).toBe(0);
    const restored = await luot('restore', file, '--db', dbPath, '--yes');
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/before-restore-/);
  });

  it('B4: with a manual clock the nightly timer writes luot-YYYYMMDD.db at 02:00 and keeps the newest N; a failed night alerts the admins and the hub goes on', async () => {
    const night = (date: string): number => startOfLocalDay(date) + 2 * 60 * 60 * 1000;
    const clock = manualClock(night('2026-03-01') - 60_000);
    const dbPath = dbInTempDir();
    const dir = join(dirname(dbPath), 'sao-luu-dem');
    mkdirSync(dir);
    writeFileSync(join(dir, 'ghi-chu.txt'), 'không xoá');
    writeFileSync(join(dir, 'luot-thu-cong.db'), 'bản sao lưu tay');
    const running: RunningHub = await startHub({
      dbPath,
      port: 0,
      host: '127.0.0.1',
      demo: true,
      clock,
      logger: pino({ level: 'silent' }),
      backup: { dir, keep: 2, pollMs: 5 },
    });
    cleanups.push(() => running.stop());
    const url = `http://127.0.0.1:${running.port}`;
    const admin = await connect(url, running.demoTokens!.admin);
    cleanups.push(() => admin.close());
    const alerts: HubAlert[] = [];
    admin.on('hub:alert', (a) => alerts.push(a));
    const nightly = (): string[] =>
      readdirSync(dir, { withFileTypes: true })
        .filter((f) => f.isFile() && /^luot-\d{8}\.db$/.test(f.name))
        .map((f) => f.name)
        .sort();

    // A minute before 02:00: twenty polls of the timer (5 ms each) make no copy.
    await new Promise((r) => setTimeout(r, 100));
    expect(nightly()).toEqual([]);

    for (const date of ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04']) {
      clock.set(night(date) + 30_000);
      const name = `luot-${date.replaceAll('-', '')}.db`;
      await expect.poll(() => nightly().includes(name), { timeout: 10_000, interval: 10 }).toBe(true);
      expect((await checkDatabaseFile(join(dir, name))).userVersion).toBe(CODE_SCHEMA_VERSION);
    }
    expect(nightly()).toEqual(['luot-20260303.db', 'luot-20260304.db']);
    expect(readdirSync(dir).sort()).toEqual([
      'ghi-chu.txt',
      'luot-20260303.db',
      'luot-20260304.db',
      'luot-thu-cong.db',
    ]);

    // A folder where the copy should go: the night fails at its last step.
    mkdirSync(join(dir, 'luot-20260305.db'));
    clock.set(night('2026-03-05') + 30_000);
    await expect.poll(() => alerts.map((a) => a.code), { timeout: 10_000, interval: 10 }).toEqual(['BACKUP_FAILED']);
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
    expect(nightly()).toEqual(['luot-20260303.db', 'luot-20260304.db']);
    const services = await api(url, running.demoTokens!.admin, 'GET', '/api/services');
    expect(services.status).toBe(200);
    // Not tried again the same night: twenty more polls, still one alert.
    clock.advance(60 * 60 * 1000);
    await new Promise((r) => setTimeout(r, 100));
    expect(alerts).toHaveLength(1);

    // The next night works again.
    clock.set(night('2026-03-06') + 30_000);
    await expect.poll(() => nightly().includes('luot-20260306.db'), { timeout: 10_000, interval: 10 }).toBe(true);
    expect(nightly()).toEqual(['luot-20260304.db', 'luot-20260306.db']);
  });
});
