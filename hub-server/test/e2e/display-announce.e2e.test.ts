import type { RequestName } from '@luot/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it, beforeAll } from 'vitest';
import type { Device } from '../../src/features/devices/device-repository';
import { screenshot } from '../support/browser';
import { e2eSession } from '../support/e2e-session';
import { startTestHub, staffCounters } from '../support/hub';

/** What the wall's announcer reported, as collected from its `luot:announcement` window events. */
interface Heard {
  type: string;
  seq: number;
  label: string;
  counterNumber: number;
  kind: string;
  reason?: string;
}
/** The page's window, as far as these tests use it (no DOM library in the tests' type-check). */
interface Listening {
  heard: Heard[];
  addEventListener(type: string, listener: (e: { detail: Heard }) => void): void;
}

describe('the wall speaks every call once, in order, through drops and hub restarts', () => {
  const e2e = e2eSession();

  // Q18: an officer at every counter, or nobody may be called there.
  beforeAll(() => staffCounters(e2e.hub));

  function run<K extends RequestName>(name: K, token: string, input: unknown) {
    const ack = e2e.hub.hub.perform(name, e2e.hub.hub.devices.authenticate(token) as Device, input);
    if (!ack.ok) throw new Error(`${name}: ${ack.code}`);
    return ack.data;
  }
  /** Issues a ticket for the counter's first service and calls it there; returns the call's label. */
  function callAt(counterId: number): string {
    const t = e2e.hub.demoTokens!;
    // The admin's token: a kiosk's is limited to a burst of 10 (L2).
    run('ticket:issue', t.admin, { serviceId: e2e.hub.hub.centre.counter(counterId)!.serviceIds[0] });
    return run('counter:callNext', t.admin, { counterId, resolve: 'served' }).label;
  }
  const heard = (page: Page): Promise<Heard[]> => page.evaluate(() => (globalThis as unknown as Listening).heard);
  const spoken = async (page: Page): Promise<string[]> =>
    (await heard(page)).filter((h) => h.type === 'end').map((h) => `${h.label}@${h.counterNumber}`);

  it(
    'W7/W9/A1–A3: calls made while the wall is cut off or the hub is down are caught up and spoken once each',
    { timeout: 240_000 },
    async () => {
      const page = await e2e.browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await page.addInitScript(() => {
        const w = globalThis as unknown as Listening;
        w.heard = [];
        w.addEventListener('luot:announcement', (e) => w.heard.push(e.detail));
      });
      await page.goto(`${e2e.hub.url}/display/?token=${e2e.hub.demoTokens!.display}`);
      await page.locator('.tile').first().waitFor();
      const expected: string[] = [];
      const until = (n: number) => expect.poll(() => spoken(page), { timeout: 60_000, interval: 250 }).toHaveLength(n);

      // A live call is spoken.
      expected.push(`${callAt(1)}@1`);
      await until(1);

      // The hub drops the wall's socket; two calls happen before the wall is back.
      e2e.hub.hub.realtime.disconnect();
      expected.push(`${callAt(3)}@3`, `${callAt(5)}@5`);
      await until(3);

      // A recall is spoken again; a burst of calls is spoken one after another.
      run('counter:recall', e2e.hub.demoTokens!.admin, { counterId: 1 });
      expected.push(expected[0]!, `${callAt(2)}@2`, `${callAt(4)}@4`);
      await until(6);

      // The hub stops and comes back on the same port and database.
      const { dbPath, port } = e2e.hub;
      await e2e.hub.stop();
      const offline = page.locator('[data-test="offline"]');
      await offline.waitFor();
      expect(await offline.textContent()).toMatch(/Mất kết nối tới máy chủ\s+— từ \d{2}:\d{2}:\d{2}/);
      await screenshot(page, 'display-hub-lost');
      e2e.hub = await startTestHub({ dbPath, port });
      // Called before the wall has reconnected: it learns of them only through its catch-up.
      expected.push(`${callAt(6)}@6`, `${callAt(1)}@1`);
      await offline.waitFor({ state: 'detached', timeout: 15_000 });
      // And live again once it is back.
      expected.push(`${callAt(3)}@3`);
      await until(expected.length);

      const all = await heard(page);
      expect(await spoken(page)).toEqual(expected);
      const started = all.filter((h) => h.type === 'start').map((h) => h.seq);
      expect(new Set(started).size).toBe(started.length);
      expect(started).toEqual([...started].sort((a, b) => a - b));
      expect(all.filter((h) => h.type === 'failed' || h.type === 'skipped')).toEqual([]);
      expect(all.find((h) => h.type === 'end' && h.kind === 'recall')?.label).toBe(expected[0]!.split('@')[0]);
      await page.close();
    },
  );

  it(
    'A7 A8 V16: six calls in one second: said briefly (no chime, faster) while the voice keeps up, each over within ~10 s; the rest shown, not spoken',
    { timeout: 120_000 },
    async () => {
      const page = await e2e.browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await page.addInitScript(() => {
        // Each step with the page's own time (ms) when it happened.
        const w = globalThis as unknown as Timed;
        w.timed = [];
        w.addEventListener('luot:announcement', (e) => w.timed.push({ ...e.detail, t: w.performance.now() }));
      });
      await page.goto(`${e2e.hub.url}/display/?token=${e2e.hub.demoTokens!.display}`);
      await page.locator('.tile').first().waitFor();
      const timed = (): Promise<Step[]> => page.evaluate(() => (globalThis as unknown as Timed).timed);

      // Six officers press "Gọi tiếp" within the same second.
      const labels = [1, 2, 3, 4, 5, 6].map((id) => `${callAt(id)}@${id}`);
      const settled = (steps: Step[]) => steps.filter((h) => h.type === 'end' || h.type === 'skipped').length;
      await expect.poll(async () => settled(await timed()), { timeout: 60_000, interval: 250 }).toBe(6);

      const steps = await timed();
      const of = (type: string) => steps.filter((h) => h.type === type);
      const said = of('end').map((h) => `${h.label}@${h.counterNumber}`);
      const behind = of('skipped').map((h) => `${h.label}@${h.counterNumber}`);
      // The first calls are said, in order; the ones the voice could not reach in time are not.
      expect(said.length).toBeGreaterThanOrEqual(3);
      expect([...said, ...behind]).toEqual(labels);
      expect(of('skipped').every((h) => h.reason === 'behind')).toBe(true);
      expect(of('failed')).toEqual([]);
      expect(of('start').map((h) => h.form)).toEqual(said.map(() => 'short'));
      expect(of('start')[1]!.text).toBe(`${labels[1]!.split('@')[0]}, quầy 2`);
      // The short clip, as the wall played it at 1.25×: about 2.2 s (2.7 s of eSpeak NG at 145 words a minute).
      for (const ms of of('end').map((h) => h.durationMs!)) expect(ms).toBeLessThan(2800);
      // A8: every call said is over within about 10 s of reaching the wall.
      const queuedAt = new Map(of('queued').map((h) => [h.seq, h.t]));
      const lags = of('end').map((h) => h.t - queuedAt.get(h.seq)!);
      expect(Math.max(...lags)).toBeLessThan(10_800);
      // Every call is on the wall all the same, the newest first.
      const shown = await page.locator('[data-test="last-calls"] li strong').allTextContents();
      expect(shown.slice(0, 6).map((s) => s.trim())).toEqual(labels.map((l) => l.split('@')[0]).reverse());
      await page.close();
    },
  );
});

/** One step of the wall's announcer (W11) with the page time it was seen at. */
interface Step extends Heard {
  text?: string;
  form?: string;
  durationMs?: number;
  t: number;
}
interface Timed {
  timed: Step[];
  performance: { now(): number };
  addEventListener(type: string, listener: (e: { detail: Heard }) => void): void;
}
