import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { api, startTestHub, tempDbPath } from './support/hub';

/** The built hub (the test set-up builds it), run by node itself: the child's PID is the hub. */
const HUB = fileURLToPath(new URL('../bin/luot.js', import.meta.url));

/** True while a process with this PID exists. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The hub as operators run it, in its own process, so it can be killed for real. */
function spawnHub(dbPath: string) {
  const child = spawn(
    process.execPath,
    [HUB, 'start', '--demo', '--db', dbPath, '--port', '0', '--host', '127.0.0.1'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LUOT_LOG_LEVEL: 'silent' },
    },
  );
  // The bursts come with the admin's token: a kiosk's is limited to 10 at once (L2), and this load
  // stands for many devices at once, not one kiosk.
  const ready = new Promise<{ url: string; admin: string }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`hub did not start: ${out}`)), 30_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const port = /listening on port (\d+)/.exec(out)?.[1];
      const admin = /Quầy \(mọi quầy\)\s+\S*\/counter\/\?token=(\S+)/.exec(out)?.[1];
      if (port && admin) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${port}`, admin });
      }
    });
    child.once('exit', () => reject(new Error(`hub exited: ${out}`)));
  });
  return { child, ready };
}

describe('durability', () => {
  it('Q13: every acknowledged ticket survives SIGKILL mid-burst; numbers stay unique and continue', async () => {
    for (let round = 0; round < 3; round++) {
      const dbPath = tempDbPath();
      const { child, ready } = spawnHub(dbPath);
      const { url, admin } = await ready;
      const acked: { id: number; serviceId: number; number: number }[] = [];
      const killAfter = 50 + Math.floor(Math.random() * 350);
      let sent = 0;
      // Ten clients send up to 500 tickets in all; the hub is killed after a random number of acks.
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          while (sent < 500) {
            sent++;
            try {
              const r = await api(url, admin, 'POST', '/api/tickets', { serviceId: 1 + (sent % 5) });
              if (r.status === 201) acked.push(r.body as never);
              if (acked.length === killAfter) child.kill('SIGKILL');
            } catch {
              return; // the hub is gone
            }
          }
        }),
      );
      await new Promise((r) => (child.exitCode !== null || child.signalCode ? r(null) : child.once('exit', r)));
      expect(child.signalCode).toBe('SIGKILL');
      // The process that did the work is gone: nothing else holds the file when it is reopened.
      expect(alive(child.pid!)).toBe(false);

      const db = new Database(dbPath, { readonly: true });
      const rows = db.prepare('SELECT id, service_id, number FROM tickets').all() as {
        id: number;
        service_id: number;
        number: number;
      }[];
      db.close();
      const stored = new Set(rows.map((r) => r.id));
      expect(acked.every((t) => stored.has(t.id))).toBe(true);
      expect(new Set(rows.map((r) => `${r.service_id}:${r.number}`)).size).toBe(rows.length);

      const hub = await startTestHub({ dbPath });
      try {
        const next = await api(hub.url, hub.demoTokens!.kiosk, 'POST', '/api/tickets', { serviceId: 1 });
        const maxBefore = Math.max(1000, ...rows.filter((r) => r.service_id === 1).map((r) => r.number));
        expect(next.body!.number).toBe(maxBefore + 1);
      } finally {
        await hub.stop();
      }
    }
  });

  it('Q13: SIGTERM stops the hub cleanly: every acknowledged ticket is kept, the process exits 0 and is gone', async () => {
    const dbPath = tempDbPath();
    const { child, ready } = spawnHub(dbPath);
    const { url, admin } = await ready;
    const acked: number[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await api(url, admin, 'POST', '/api/tickets', { serviceId: 1 + (i % 5) });
      expect(r.status).toBe(201);
      acked.push((r.body as { id: number }).id);
    }
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(alive(child.pid!)).toBe(false);
    const db = new Database(dbPath, { readonly: true });
    const stored = new Set(db.prepare('SELECT id FROM tickets').pluck().all() as number[]);
    db.close();
    expect(acked.every((id) => stored.has(id))).toBe(true);
  });
});
