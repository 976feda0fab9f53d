import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { io, type Socket } from 'socket.io-client';
import { afterEach } from 'vitest';
import type { ClientToServerEvents, Clock, ServerToClientEvents } from '@luot/shared';
import type { LimitOptions } from '../../src/features/limits/limits';
import { startHub, type RunningHub } from '../../src/main';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const tempDbPath = (): string => join(mkdtempSync(join(tmpdir(), 'luot-')), 'luot.db');

/** A demo hub on a temporary database and a free port on 127.0.0.1. */
export async function startTestHub(
  opts: { dbPath?: string; clock?: Clock; port?: number; logger?: Logger; limits?: LimitOptions } = {},
): Promise<RunningHub & { url: string; dbPath: string }> {
  const dbPath = opts.dbPath ?? tempDbPath();
  const running = await startHub({
    dbPath,
    port: opts.port ?? 0,
    host: '127.0.0.1',
    demo: true,
    clock: opts.clock,
    logger: opts.logger ?? pino({ level: 'silent' }),
    limits: opts.limits,
  });
  return Object.assign(running, { url: `http://127.0.0.1:${running.port}`, dbPath });
}

/**
 * One hub a test: `start` runs the file's set-up; after the test, the sockets it pushed to
 * `sockets` are closed and its hub is stopped.
 */
export function hubPerTest<A extends unknown[], C extends { hub: Pick<RunningHub, 'stop'> }>(
  setup: (...args: A) => Promise<C>,
): { sockets: TestSocket[]; start: (...args: A) => Promise<C> } {
  let ctx: C | undefined;
  const sockets: TestSocket[] = [];
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.close();
    await ctx?.hub.stop();
    ctx = undefined;
  });
  return { sockets, start: async (...args) => (ctx = await setup(...args)) };
}

/** A real socket.io client with a device token; resolves once connected. */
export function connect(url: string, token: string): Promise<TestSocket> {
  const socket: TestSocket = io(url, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e) => {
      socket.close();
      reject(e);
    });
  });
}

export async function api(url: string, token: string | null, method: string, path: string, body?: unknown) {
  const res = await fetch(url + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

/** A logger that keeps every line it writes, for tests that read the hub's log. */
export function capturingLogger(level = 'debug'): {
  logger: Logger;
  raw: string[];
  lines(): Record<string, unknown>[];
} {
  const raw: string[] = [];
  const logger = pino({ level }, { write: (line: string) => void raw.push(line) });
  return { logger, raw, lines: () => raw.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

/**
 * Q18: nobody is called to a counter without an officer. Signs a test officer in at each counter
 * (every counter when none are named), straight in the database: a set-up, not the sign-in under test.
 */
export function staffCounters(hub: Pick<RunningHub, 'db'>, counterIds?: readonly number[]): void {
  const ids =
    counterIds ??
    (hub.db.prepare('SELECT id FROM counters WHERE officer_id IS NULL').all() as { id: number }[]).map((r) => r.id);
  const add = hub.db.prepare('INSERT INTO officers (name, pin_hash, created_at) VALUES (?, ?, ?)');
  const seat = hub.db.prepare('UPDATE counters SET officer_id = ? WHERE id = ?');
  for (const id of ids) {
    // A hash no PIN matches: this officer never signs in by name.
    const officerId = Number(
      add.run(`Cán bộ thử quầy ${id} ${Math.random().toString(36).slice(2)}`, 'no:pin', Date.now()).lastInsertRowid,
    );
    seat.run(officerId, id);
  }
}
