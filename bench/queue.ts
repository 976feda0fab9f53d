/**
 * Queue benchmarks: ticket-issue throughput through the hub next to a bare
 * better-sqlite3 insert at the same durability (WAL, synchronous=FULL, one transaction per row),
 * and call-next latency with 20 counters calling at once over real sockets.
 */
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { io as connectClient, type Socket } from 'socket.io-client';
import {
  quantile,
  type Ack,
  type ClientToServerEvents,
  type RequestResult,
  type ServerToClientEvents,
} from '@luot/shared';
import { startHub } from '@luot/hub-server';

type CallNextAck = Ack<RequestResult<'counter:callNext'>>;

const ISSUES = 2000;
const COUNTERS = 20;
const CALLS_PER_COUNTER = 25;

const dir = (): string => mkdtempSync(join(tmpdir(), 'luot-bench-'));
const round = (n: number | null, d = 2): number | null => (n === null ? null : Number(n.toFixed(d)));

function bareInsertPerSecond(): number {
  const db = new Database(join(dir(), 'bare.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, day TEXT, service_id INTEGER, number INTEGER, issued_at INTEGER)');
  const insert = db.prepare('INSERT INTO t (day, service_id, number, issued_at) VALUES (?, ?, ?, ?)');
  const one = db.transaction((i: number) => insert.run('2026-11-23', 1, i, Date.now()));
  const t0 = performance.now();
  for (let i = 0; i < ISSUES; i++) one(i);
  const perSecond = ISSUES / ((performance.now() - t0) / 1000);
  db.close();
  return perSecond;
}

export async function run(): Promise<Record<string, unknown>> {
  const floor = bareInsertPerSecond();
  const hub = await startHub({
    dbPath: join(dir(), 'luot.db'),
    port: 0,
    host: '127.0.0.1',
    demo: true,
    logger: pino({ level: 'silent' }),
  });
  const admin = hub.hub.devices.authenticate(hub.demoTokens!.admin)!;

  // Through the hub's one door (validation, rules, transaction, event log, notifications).
  let t0 = performance.now();
  for (let i = 0; i < ISSUES; i++) {
    const ack = hub.hub.perform('ticket:issue', admin, { serviceId: 1 + (i % 5) });
    if (!ack.ok) throw new Error(ack.code);
  }
  const issuePerSecond = ISSUES / ((performance.now() - t0) / 1000);

  // call-next: 20 counters, each serving every service, calling as fast as they can at once.
  const now = Date.now();
  const sockets: Socket<ServerToClientEvents, ClientToServerEvents>[] = [];
  for (let i = 0; i < COUNTERS; i++) {
    const id = 1000 + i;
    hub.hub.centre.addCounter({ id, number: id, name: `Quầy ${id}`, serviceIds: [1, 2, 3, 4, 5], paused: false });
    // Q18: an officer at the counter, or nobody may be called there.
    const officer = hub.db
      .prepare("INSERT INTO officers (name, pin_hash, created_at) VALUES (?, 'no:pin', ?)")
      .run(`Cán bộ ${id}`, now);
    hub.db.prepare('UPDATE counters SET officer_id = ? WHERE id = ?').run(Number(officer.lastInsertRowid), id);
    const token = hub.hub.devices.create('counter', id, `bench-${i}`, now);
    const s: Socket<ServerToClientEvents, ClientToServerEvents> = connectClient(`http://127.0.0.1:${hub.port}`, {
      auth: { token },
      transports: ['websocket'],
      forceNew: true,
    });
    await new Promise((r) => s.once('connect', () => r(null)));
    sockets.push(s);
  }
  const latencies: number[] = [];
  t0 = performance.now();
  await Promise.all(
    sockets.map(async (s, i) => {
      for (let k = 0; k < CALLS_PER_COUNTER; k++) {
        const start = performance.now();
        // socket.io's types lose the ack's type once .timeout() decorates the events; it is named here.
        const ack = (await s
          .timeout(5000)
          .emitWithAck('counter:callNext', { counterId: 1000 + i, resolve: 'served' })) as CallNextAck;
        if (!ack.ok) throw new Error(ack.code);
        latencies.push(performance.now() - start);
      }
    }),
  );
  const callsPerSecond = latencies.length / ((performance.now() - t0) / 1000);
  for (const s of sockets) s.close();
  await hub.stop();

  return {
    ticketIssue: {
      tickets: ISSUES,
      hubPerSecond: Math.round(issuePerSecond),
      bareInsertPerSecond: Math.round(floor),
      ratioToFloor: round(issuePerSecond / floor),
    },
    callNext: {
      counters: COUNTERS,
      calls: latencies.length,
      p50Ms: round(quantile(latencies, 0.5)),
      p99Ms: round(quantile(latencies, 0.99)),
      callsPerSecond: Math.round(callsPerSecond),
    },
  };
}
