/**
 * The hub as a lobby runs it, in its own process (the built `luot start`), measured from outside:
 * start-up time, resident memory idle and with 200 screens connected (target ≤ 200 MB), ticket
 * issue while `luot dossiers import` writes 300,000 rows into the same file (failures: 0), and a
 * 60 s load of 100 counters, 50 walls and 10 kiosks at ten times a busy provincial centre's peak
 * (errors: 0; memory at the start and the end).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@luot/shared';
import {
  createCentreRepository,
  createDeviceRepository,
  createOfficerRepository,
  openDatabase,
  seedDemoCentre,
} from '@luot/hub-server';
import { writeCsv } from './dossiers';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const LUOT = fileURLToPath(new URL('../hub-server/bin/luot.js', import.meta.url));
const COUNTERS = 100;
const WALLS = 50;
const KIOSKS = 10;
const IMPORT_ROWS = 300_000;
const LOAD_MS = 60_000;
/**
 * A busy provincial centre: 3,000 citizens a day, a quarter of them in the peak hour (≈ 0.21 a
 * second). Ten times that peak: about 2 tickets issued and 2 called every second.
 */
const PEAK_PER_SECOND = (3000 * 0.25) / 3600;
const LOAD_PER_SECOND = 10 * PEAK_PER_SECOND;

const log = (s: string): void => void process.stderr.write(`  hardening: ${s}\n`);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const mb = (kb: number): number => Math.round(kb / 1024);
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0) * 10) / 10;
};

/** Resident memory of a process, from the kernel (MB). */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return mb(Number(kb ?? 0));
}

interface Seeded {
  dbPath: string;
  kiosks: string[];
  counters: { id: number; token: string; serviceIds: number[] }[];
  wall: string;
  admin: string;
}

/** A centre with 100 counters, an officer signed in at each, and a token per device. */
function seed(dir: string): Seeded {
  const dbPath = join(dir, 'luot.db');
  const db = openDatabase(dbPath);
  const centre = createCentreRepository(db);
  const devices = createDeviceRepository(db);
  const officers = createOfficerRepository(db);
  const now = Date.now();
  seedDemoCentre(db, centre, now);
  const services = centre.services().map((s) => s.id);
  const existing = centre.counters().length;
  for (let n = existing + 1; n <= COUNTERS; n++) {
    centre.addCounter({
      id: n,
      number: n,
      name: `Quầy ${n}`,
      serviceIds: [services[n % services.length]!],
      paused: false,
    });
  }
  const counters = centre.counters().map((c) => {
    const officer = officers.add(`Cán bộ ${c.number}`, '2468', now);
    db.prepare('UPDATE counters SET officer_id = ? WHERE id = ?').run(officer.id, c.id);
    return {
      id: c.id,
      token: devices.create('counter', c.id, `bench:counter-${c.number}`, now),
      serviceIds: c.serviceIds,
    };
  });
  const kiosks = Array.from({ length: KIOSKS }, (_, i) => devices.create('kiosk', null, `bench:kiosk-${i + 1}`, now));
  const wall = devices.create('display', null, 'bench:wall', now, { displayId: 1 });
  const admin = devices.create('admin', null, 'bench:admin', now);
  db.close();
  return { dbPath, kiosks, counters, wall, admin };
}

/** `luot start` in its own process; resolves once it listens, with how long that took. */
async function startHub(dbPath: string): Promise<{ child: ChildProcess; url: string; startMs: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [LUOT, 'start', '--db', dbPath, '--port', '0', '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, LUOT_LOG_LEVEL: 'error' },
  });
  const port = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on port (\d+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', () => reject(new Error(`hub exited: ${out}`)));
  });
  return { child, url: `http://127.0.0.1:${port}`, startMs: Math.round(performance.now() - t0) };
}

async function stopHub(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

function connect(url: string, token: string): Promise<Client> {
  const socket: Client = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Ticket issue from the kiosks, spread evenly, while `work` runs; latency and failures. */
async function issueDuring(url: string, s: Seeded, work: Promise<unknown>) {
  const kiosks = await Promise.all(s.kiosks.map((t) => connect(url, t)));
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let done = false;
  void work.finally(() => (done = true));
  let i = 0;
  while (!done) {
    const kiosk = kiosks[i % kiosks.length]!;
    const t0 = performance.now();
    const ack = await kiosk.emitWithAck('ticket:issue', { serviceId: 1 + (i % 5) });
    if (ack.ok) latencies.push(performance.now() - t0);
    else failures[ack.code] = (failures[ack.code] ?? 0) + 1;
    i++;
    // Each kiosk well under its 60 a minute.
    await sleep(150);
  }
  for (const k of kiosks) k.close();
  return {
    issued: latencies.length,
    failures,
    p50Ms: pct(latencies, 0.5),
    p99Ms: pct(latencies, 0.99),
    maxMs: pct(latencies, 1),
  };
}

/** Counters that behave as the counter app does: re-read their view on every change, one read in flight. */
function counterClient(socket: Client, counterId: number, errors: Record<string, number>): () => void {
  let pending = false;
  const reload = (): void => {
    if (pending) return;
    pending = true;
    void socket.emitWithAck('counter:view', { counterId }).then((ack) => {
      pending = false;
      if (!ack.ok) errors[ack.code] = (errors[ack.code] ?? 0) + 1;
    });
  };
  for (const e of ['queue:updated', 'counter:updated', 'ticket:issued'] as const) socket.on(e, reload);
  return reload;
}

async function load(url: string, pid: number, s: Seeded) {
  const counters = await Promise.all(s.counters.map((c) => connect(url, c.token)));
  const walls = await Promise.all(Array.from({ length: WALLS }, () => connect(url, s.wall)));
  const kiosks = await Promise.all(s.kiosks.map((t) => connect(url, t)));
  const errors: Record<string, number> = {};
  counters.forEach((socket, i) => counterClient(socket, s.counters[i]!.id, errors)());
  let wallCalls = 0;
  for (const w of walls) w.on('ticket:called', () => wallCalls++);
  await sleep(2000);
  const rssStart = rssMb(pid);

  const callMs: number[] = [];
  let issued = 0;
  let called = 0;
  const every = 1000 / LOAD_PER_SECOND;
  const t0 = performance.now();
  for (let n = 0; performance.now() - t0 < LOAD_MS; n++) {
    const kiosk = kiosks[n % kiosks.length]!;
    const c = n % counters.length;
    const serviceId = s.counters[c]!.serviceIds[0]!;
    const issue = await kiosk.emitWithAck('ticket:issue', { serviceId });
    if (issue.ok) issued++;
    else errors[issue.code] = (errors[issue.code] ?? 0) + 1;
    const t = performance.now();
    // Q19: the citizen called before came and was served (the bench does not press start).
    const call = await counters[c]!.emitWithAck('counter:callNext', {
      counterId: s.counters[c]!.id,
      resolve: 'served',
    });
    if (call.ok) {
      called++;
      callMs.push(performance.now() - t);
    } else errors[call.code] = (errors[call.code] ?? 0) + 1;
    const next = t0 + (n + 1) * every;
    await sleep(Math.max(0, next - performance.now()));
  }
  await sleep(2000);
  const rssEnd = rssMb(pid);
  for (const x of [...counters, ...walls, ...kiosks]) x.close();
  return {
    seconds: LOAD_MS / 1000,
    counters: COUNTERS,
    walls: WALLS,
    kiosks: KIOSKS,
    perSecond: Math.round(LOAD_PER_SECOND * 100) / 100,
    issued,
    called,
    wallCallsReceived: wallCalls,
    errors: Object.values(errors).reduce((a, b) => a + b, 0),
    errorCodes: errors,
    callNextP50Ms: pct(callMs, 0.5),
    callNextP99Ms: pct(callMs, 0.99),
    rssStartMb: rssStart,
    rssEndMb: rssEnd,
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'luot-bench-hardening-'));
  try {
    const seeded = seed(dir);
    const { child, url, startMs } = await startHub(seeded.dbPath);
    const pid = child.pid!;
    try {
      log(`hub started in ${startMs} ms`);
      await sleep(1000);
      const idleMb = rssMb(pid);
      const screens = await Promise.all(Array.from({ length: 200 }, () => connect(url, seeded.wall)));
      await sleep(2000);
      const with200Mb = rssMb(pid);
      for (const sc of screens) sc.close();
      log(`RSS idle ${idleMb} MB, with 200 screens ${with200Mb} MB`);

      const csv = join(dir, 'hs.csv');
      await writeCsv(csv, IMPORT_ROWS);
      const importer = spawn(process.execPath, [LUOT, 'dossiers', 'import', csv, '--db', seeded.dbPath, '--json'], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      let importOut = '';
      importer.stdout.on('data', (d: Buffer) => (importOut += d.toString()));
      const t0 = performance.now();
      const imported = new Promise<number>((resolve) => importer.once('exit', (code) => resolve(code ?? 1)));
      const during = await issueDuring(url, seeded, imported);
      const importMs = Math.round(performance.now() - t0);
      const importCode = await imported;
      log(`import of ${IMPORT_ROWS} rows (exit ${importCode}) in ${importMs} ms; ${during.issued} tickets meanwhile`);

      log(`load for ${LOAD_MS / 1000} s…`);
      const loaded = await load(url, pid, seeded);
      return {
        startupMs: startMs,
        rssIdleMb: idleMb,
        rss200ClientsMb: with200Mb,
        rss200ClientsTargetMb: 200,
        issueDuringImport: {
          rows: IMPORT_ROWS,
          importExit: importCode,
          imported: importCode === 0 ? (JSON.parse(importOut) as { accepted: number }).accepted : null,
          importMs,
          ...during,
          failed: Object.values(during.failures).reduce((a, b) => a + b, 0),
        },
        load: loaded,
      };
    } finally {
      await stopHub(child);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
