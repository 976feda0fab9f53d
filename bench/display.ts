/**
 * Call-to-display latency: 50 walls (socket.io clients in this process) on a real hub;
 * from the moment the hub takes a call (counter:callNext through its dispatcher: SQLite
 * transaction, fsync, the three notifications) to the moment the last wall has the
 * `ticket:called`. The floor, measured alternately in the same run: a bare socket.io server
 * broadcasting a call of the same shape to 50 clients, from `io.emit` to the last receipt.
 * Everything stays on 127.0.0.1.
 */
import { quantile, type CallEvent } from '@luot/shared';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { Server } from 'socket.io';
import { io as connectClient, type Socket } from 'socket.io-client';
import { startHub } from '@luot/hub-server';

const WALLS = 50;
const WARMUP = 20;
const RUNS = 500;
const BUDGET_MS = 60_000;
/** A call that has not reached every wall by then counts as lost (and is reported). */
const RECEIPT_TIMEOUT_MS = 5_000;
/**
 * Pause after each measure: the hub's trailing notifications (counter:updated, queue:updated)
 * must be decoded before the next measure starts, or they would slow the floor down too.
 */
const SETTLE_MS = 15;

const log = (s: string): void => void process.stderr.write(`  display: ${s}\n`);
const round = (ms: number | null): number | null => (ms === null ? null : Math.round(ms * 100) / 100);
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** 50 clients on one server; `lastReceipt(seq)` settles when the last of them has the call. */
async function walls(url: string, token: string | null) {
  const waiting = new Map<number, { left: number; done(t: number): void }>();
  const sockets: Socket[] = [];
  for (let i = 0; i < WALLS; i++) {
    const socket = connectClient(url, {
      auth: token ? { token } : {},
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    socket.on('ticket:called', (call: CallEvent) => {
      const w = waiting.get(call.seq);
      if (w && --w.left === 0) w.done(performance.now());
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    sockets.push(socket);
  }
  return {
    /** Registered before the emit, so no receipt can be missed. */
    lastReceipt(seq: number): Promise<number> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`seq ${seq} did not reach every wall`)), RECEIPT_TIMEOUT_MS);
        waiting.set(seq, {
          left: WALLS,
          done: (t) => {
            clearTimeout(timer);
            waiting.delete(seq);
            resolve(t);
          },
        });
      });
    },
    close: () => sockets.forEach((s) => s.close()),
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'luot-bench-display-'));
  const hub = await startHub({
    dbPath: join(dir, 'luot.db'),
    port: 0,
    host: '127.0.0.1',
    demo: true,
    logger: pino({ level: 'silent' }),
  });
  const tokens = hub.demoTokens!;
  const admin = hub.hub.devices.authenticate(tokens.admin)!;
  const counters = hub.hub.centre.counters();
  // Q18: an officer at every counter, or nobody may be called there.
  const seat = hub.db.prepare('UPDATE counters SET officer_id = ? WHERE id = ?');
  const addOfficer = hub.db.prepare("INSERT INTO officers (name, pin_hash, created_at) VALUES (?, 'no:pin', ?)");
  for (const c of counters) seat.run(Number(addOfficer.run(`Cán bộ ${c.number}`, Date.now()).lastInsertRowid), c.id);
  const bare = new Server(createServer(), { serveClient: false });
  const bareHttp = bare.httpServer.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => bareHttp.once('listening', resolve));

  const hubWalls = await walls(`http://127.0.0.1:${hub.port}`, tokens.display);
  const bareWalls = await walls(`http://127.0.0.1:${(bareHttp.address() as AddressInfo).port}`, null);
  log(`${WALLS} walls on the hub and ${WALLS} on the bare server`);

  let lastCall: CallEvent | null = null;
  /** One call through the hub, rotating over the counters so no service runs out of numbers. */
  async function hubCall(i: number): Promise<number> {
    const counter = counters[i % counters.length]!;
    // Issued with the admin's token: one kiosk is limited to a burst of 10 (L2), the bench issues hundreds.
    const issued = hub.hub.perform('ticket:issue', admin, { serviceId: counter.serviceIds[0] });
    if (!issued.ok) throw new Error(`ticket:issue: ${issued.code}`);
    const seq = hub.hub.display.state().seq + 1;
    const receipt = hubWalls.lastReceipt(seq);
    const start = performance.now();
    const called = hub.hub.perform('counter:callNext', admin, { counterId: counter.id, resolve: 'served' });
    if (!called.ok) throw new Error(`counter:callNext: ${called.code}`);
    const end = await receipt;
    lastCall = hub.hub.display.call(seq);
    return end - start;
  }
  /** The same broadcast with nothing behind it. */
  async function bareCall(seq: number): Promise<number> {
    const receipt = bareWalls.lastReceipt(seq);
    const start = performance.now();
    bare.emit('ticket:called', { ...(lastCall as CallEvent), seq });
    return (await receipt) - start;
  }

  const hubMs: number[] = [];
  const floorMs: number[] = [];
  let lost = 0;
  try {
    await hubCall(0);
    const deadline = performance.now() + BUDGET_MS;
    for (let i = 1; i <= WARMUP + RUNS && performance.now() < deadline; i++) {
      // Alternating, so both see the same machine load.
      try {
        const floor = await bareCall(i);
        await pause(SETTLE_MS);
        const call = await hubCall(i);
        await pause(SETTLE_MS);
        if (i > WARMUP) {
          floorMs.push(floor);
          hubMs.push(call);
        }
      } catch (e) {
        lost++;
        log((e as Error).message);
      }
      if (i % 100 === 0) log(`${i} calls`);
    }
  } finally {
    hubWalls.close();
    bareWalls.close();
    // The callback fires once the HTTP server has closed too; close()'s own promise settles before that.
    await new Promise<void>((resolve, reject) => {
      bare.close(() => resolve()).catch(reject);
    });
    await hub.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  const p99 = quantile(hubMs, 0.99);
  const floorP99 = quantile(floorMs, 0.99);
  return {
    walls: WALLS,
    runs: hubMs.length,
    lost,
    callToDisplayMs: { p50: round(quantile(hubMs, 0.5)), p99: round(p99), max: round(Math.max(...hubMs)) },
    floorBroadcastMs: { p50: round(quantile(floorMs, 0.5)), p99: round(floorP99), max: round(Math.max(...floorMs)) },
    p99OverFloorP99: p99 !== null && floorP99 ? Math.round((p99 / floorP99) * 100) / 100 : null,
    target: 'p99 within 2× of the floor p99',
  };
}
