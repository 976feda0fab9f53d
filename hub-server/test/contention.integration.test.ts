import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, type HubAlert, type ServiceQueue } from '@luot/shared';
import { connect, startTestHub, type TestSocket } from './support/hub';

/** A second process's connection to the hub's file, as the `luot` command or a backup opens it. */
const otherWriter = (path: string) => new Database(path);

describe('H3, Q15: the hub under a second writer and a full disk', () => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });

  async function hubWith(clock = manualClock(Date.parse('2026-11-23T02:00:00Z'))) {
    const hub = await startTestHub({ clock });
    cleanup.push(() => hub.stop());
    const open = async (token: string): Promise<TestSocket> => {
      const s = await connect(hub.url, token);
      cleanup.push(() => s.close());
      return s;
    };
    return { hub, clock, open };
  }

  it('H3: tickets asked for while another writer holds the lock are issued once it lets go; reads are answered meanwhile', async () => {
    const { hub, open } = await hubWith();
    const kiosk = await open(hub.demoTokens!.kiosk);
    const wall = await open(hub.demoTokens!.display);
    const other = otherWriter(hub.dbPath);
    cleanup.push(() => other.close());

    other.exec('BEGIN IMMEDIATE');
    const asked = Array.from({ length: 10 }, () => kiosk.emitWithAck('ticket:issue', { serviceId: 1 }));
    // The hub's event loop is free: a read is answered while the writes wait.
    const t0 = performance.now();
    const read = await wall.emitWithAck('display:sync', { afterSeq: 0 });
    expect(read.ok).toBe(true);
    expect(performance.now() - t0).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 700));
    other.exec('COMMIT');

    const acks = await Promise.all(asked);
    expect(acks.map((a) => (a.ok ? 'ok' : a.code))).toEqual(Array(10).fill('ok'));
    const numbers = acks.map((a) => (a.ok ? a.data.number : 0)).sort();
    expect(new Set(numbers).size).toBe(10);
  });

  it('H3: a full disk is DISK_FULL with its Vietnamese message, the admins are told once, and the hub goes on', async () => {
    const { hub, open } = await hubWith();
    // Hundreds of tickets: the admin's token, as one kiosk is limited to a burst of 10 (L2).
    const kiosk = await open(hub.demoTokens!.admin);
    const admin = await open(hub.demoTokens!.admin);
    const alerts: HubAlert[] = [];
    admin.on('hub:alert', (a) => alerts.push(a));

    const pages = hub.db.pragma('page_count', { simple: true }) as number;
    hub.db.pragma(`max_page_count = ${pages}`);
    let refused = 0;
    // Enough tickets to fill the pages that are left.
    for (let i = 0; i < 400 && refused < 3; i++) {
      const ack = await kiosk.emitWithAck('ticket:issue', { serviceId: 1 + (i % 3) });
      if (!ack.ok) {
        expect(ack).toEqual({
          ok: false,
          code: 'DISK_FULL',
          message: expect.stringContaining('Ổ đĩa của máy chủ đã đầy') as string,
        });
        refused++;
      }
    }
    expect(refused).toBe(3);
    await expect.poll(() => alerts.length).toBe(1);
    expect(alerts[0]!.code).toBe('DISK_FULL');

    hub.db.pragma('max_page_count = 1073741823');
    const after = await kiosk.emitWithAck('ticket:issue', { serviceId: 1 });
    expect(after.ok).toBe(true);
  });

  it('Q15: a day close that meets a held lock at midnight is retried until it commits, and the screens are told', async () => {
    // 23:59:59 in Hà Nội: the hub's midnight timer fires about 2 s from now.
    const clock = manualClock(Date.parse('2026-11-23T23:59:59+07:00'));
    const { hub, open } = await hubWith(clock);
    const kiosk = await open(hub.demoTokens!.kiosk);
    const issued = await kiosk.emitWithAck('ticket:issue', { serviceId: 1 });
    expect(issued.ok).toBe(true);
    const queues: ServiceQueue[][] = [];
    kiosk.on('queue:updated', (q) => queues.push(q));

    const other = otherWriter(hub.dbPath);
    cleanup.push(() => other.close());
    other.exec('BEGIN IMMEDIATE');
    clock.set(Date.parse('2026-11-24T00:00:01+07:00'));
    // The timer fires, meets the lock, logs and waits to try again; the process stays up.
    await new Promise((r) => setTimeout(r, 2500));
    const status = () =>
      hub.db
        .prepare('SELECT status FROM tickets WHERE id = ?')
        .pluck()
        .get(issued.ok && issued.data.id);
    expect(status()).toBe('waiting');
    other.exec('COMMIT');

    await expect.poll(status, { timeout: 10_000, interval: 100 }).toBe('expired');
    await expect.poll(() => queues.length, { timeout: 2000 }).toBeGreaterThan(0);
    expect(queues.at(-1)!.find((q) => q.serviceId === 1)!.waiting).toBe(0);
    expect(hub.db.prepare("SELECT COUNT(*) FROM queue_events WHERE type = 'dayClosed'").pluck().get()).toBe(1);
  });
});
