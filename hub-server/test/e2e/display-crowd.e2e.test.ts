import type { RequestName } from '@luot/shared';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Device } from '../../src/features/devices/device-repository';
import { screenshot } from '../support/browser';
import { e2eSession } from '../support/e2e-session';
import { api, staffCounters } from '../support/hub';
import { LANDSCAPE, layoutCheck, ORIENTATIONS, type Box, type Browser, type El } from '../support/layout';

/** More fields than a wall can list at once: the table has to page (W17). */
const FIELDS = [
  'Đất đai',
  'Tư pháp – Hộ tịch',
  'Kinh doanh',
  'Xây dựng',
  'Lao động – Thương binh và Xã hội',
  'Thuế',
  'Bảo hiểm xã hội',
  'Giao thông vận tải',
  'Tài nguyên và Môi trường',
];

/**
 * Dossiers received this year (real clock: the wall's calls must not look stale, A4), spread
 * from 1 January to an hour ago; one in three still open, one in five resolved late.
 */
function dossiers(n: number) {
  const now = Date.now();
  const yearStart = Date.UTC(new Date(now).getUTCFullYear(), 0, 1, 2);
  const span = Math.max(0, now - 3_600_000 - yearStart);
  return Array.from({ length: n }, (_, i) => {
    const received = yearStart + Math.floor((span * i) / n);
    // 4 and 9 share no factor: every field has dossiers still open.
    const open = i % 4 === 0;
    const late = i % 5 === 0;
    const resolved = received + (late ? 20 : i % 3 === 0 ? 7 : 2) * 86_400_000;
    return {
      code: `CROWD-${String(i).padStart(5, '0')}`,
      field: FIELDS[i % FIELDS.length],
      level: 'commune',
      channel: i % 2 === 0 ? 'online' : 'counter',
      receivedAt: new Date(received).toISOString(),
      processingDays: 5,
      ...(open || resolved >= now ? {} : { resolvedAt: new Date(resolved).toISOString() }),
    };
  });
}

/** The wall's announcer, as told through its `luot:announcement` window events (W11). */
interface Heard {
  type: string;
  seq: number;
  label: string;
}
interface Listening {
  heard: Heard[];
  addEventListener(type: string, listener: (e: { detail: Heard }) => void): void;
}

/** Every piece of text a person in the hall can see, with its computed font size (W13). */
function visibleTexts(page: Page): Promise<{ text: string; px: number; where: string }[]> {
  return page.evaluate(() => {
    const g = globalThis as unknown as Browser;
    const doc = g.document;
    const out: { text: string; px: number; where: string }[] = [];
    const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
    const seen = (r: Box, el: El): boolean => {
      if (r.width < 1 || r.height < 1) return false;
      if (r.right <= 0 || r.bottom <= 0 || r.left >= g.innerWidth || r.top >= g.innerHeight) return false;
      // A box that hides what spills (a ticker's copy scrolled away, a chart's fallback) hides it.
      for (let a: El | null = el; a && a !== doc.body; a = a.parentElement) {
        const s = g.getComputedStyle(a);
        if (s.visibility === 'hidden' || s.display === 'none' || Number(s.opacity) === 0) return false;
        if (s.overflow !== 'visible' && a !== el) {
          const b = a.getBoundingClientRect();
          if (r.right <= b.left || r.left >= b.right || r.bottom <= b.top || r.top >= b.bottom) return false;
        }
      }
      return true;
    };
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      const el = n.parentElement;
      if (!text || !el) continue;
      const range = doc.createRange();
      range.selectNodeContents(n);
      if (!seen(range.getBoundingClientRect(), el)) continue;
      const where = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
      out.push({ text: text.slice(0, 40), px: parseFloat(g.getComputedStyle(el).fontSize), where });
    }
    return out;
  });
}

/** The recent-call rows shown whole, with the size of their ticket number and counter (W12). */
function recentRows(page: Page): Promise<{ label: string; numberPx: number; counterPx: number }[]> {
  return page.evaluate(() => {
    const g = globalThis as unknown as Browser;
    const list = g.document.querySelector('[data-test="last-calls"]')!;
    const box = list.getBoundingClientRect();
    const px = (el: El | null): number => (el ? parseFloat(g.getComputedStyle(el).fontSize) : 0);
    return [...list.querySelectorAll('li')]
      .filter((li) => {
        const r = li.getBoundingClientRect();
        return r.height > 10 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.right <= box.right + 1;
      })
      .map((li) => ({
        label: li.querySelector('strong')?.textContent?.trim() ?? '',
        numberPx: px(li.querySelector('strong')),
        counterPx: px(li.querySelector('.counter')),
      }));
  });
}

/** Regions on top of each other or off the screen, and text cut by its box. */
function layoutProblems(page: Page): Promise<string[]> {
  return layoutCheck(page, ({ g, r, name, inside, wallRegionProblems }) => {
    const problems = wallRegionProblems();
    const panel = g.document.querySelector('[data-test="dossier-panel"]');
    if (panel) {
      for (const el of panel.querySelectorAll('h2, h3, dt, dd, th, td, strong, span, p')) {
        // Not drawn (a chart's fallback content inside its canvas).
        if (r(el).width === 0 || r(el).height === 0) continue;
        if (el.scrollWidth > el.clientWidth + 1 && g.getComputedStyle(el).overflowX !== 'visible')
          problems.push(`text cut: ${name(el)}`);
        if (!inside(r(el), r(panel))) problems.push(`outside the panel: ${name(el)}`);
      }
    }
    for (const el of g.document.querySelectorAll('.calls li > *, .calls h2, .hero p')) {
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`text cut: ${name(el)}`);
    }
    return problems;
  });
}

describe('the wall for a crowd: what is spoken, what is shown, what can be read', () => {
  const e2e = e2eSession();

  // Q18: an officer at every counter, or nobody may be called there.
  beforeAll(() => staffCounters(e2e.hub));
  let admin: Device;

  function run<K extends RequestName>(name: K, input: unknown) {
    const ack = e2e.hub.hub.perform(name, admin, input);
    if (!ack.ok) throw new Error(`${name}: ${ack.code}`);
    return ack.data;
  }
  /** Issues a ticket for the counter's first service and calls it there; returns the label. */
  function callAt(counterId: number): string {
    run('ticket:issue', { serviceId: e2e.hub.hub.centre.counter(counterId)!.serviceIds[0] });
    return run('counter:callNext', { counterId, resolve: 'served' }).label;
  }
  async function openWall(viewport: { width: number; height: number }, init?: () => void): Promise<Page> {
    const page = await e2e.browser.newPage({ viewport });
    await page.addInitScript(() => {
      const w = globalThis as unknown as Listening;
      w.heard = [];
      w.addEventListener('luot:announcement', (e) => w.heard.push(e.detail));
    });
    if (init) await page.addInitScript(init);
    await page.goto(`${e2e.hub.url}/display/?token=${e2e.hub.demoTokens!.display}`);
    await page.locator('.tile').first().waitFor();
    return page;
  }
  const heard = (page: Page): Promise<Heard[]> => page.evaluate(() => (globalThis as unknown as Listening).heard);
  const heroNumber = (page: Page) => page.locator('[data-test="hero-number"]');

  beforeAll(async () => {
    admin = e2e.hub.hub.devices.authenticate(e2e.hub.demoTokens!.admin)!;
    const r = await api(e2e.hub.url, e2e.hub.demoTokens!.admin, 'POST', '/api/dossiers', { dossiers: dossiers(900) });
    expect(r.status).toBe(200);
  });

  it('W12 W13 W16: a busy wall with its dossier panel, both ways up: five recent calls, no text under 24 px, clear dossier labels', async () => {
    // Eight calls before the wall opens: on screen, not spoken (W7).
    const newest = [1, 2, 3, 4, 5, 6, 1, 2].map(callAt).at(-1);
    for (const [name, viewport] of ORIENTATIONS) {
      const page = await openWall(viewport);
      await page.locator('[data-test="dossier-panel"]').waitFor();
      // The newest call heads the list; older ones follow as far as there is room.
      await expect.poll(() => page.locator('[data-test="last-calls"] li strong').first().textContent()).toBe(newest);
      await screenshot(page, `wall-crowd-${name}`);

      const rows = await recentRows(page);
      expect.soft(rows.length, `${name}: recent calls shown whole`).toBeGreaterThanOrEqual(5);
      for (const row of rows) {
        expect.soft(row.numberPx, `${name}: ${row.label}`).toBeGreaterThanOrEqual(48);
        expect.soft(row.counterPx, `${name}: ${row.label}`).toBeGreaterThanOrEqual(32);
      }

      const small = (await visibleTexts(page)).filter((t) => t.px < 24);
      expect.soft(small, `${name}: text under 24 px`).toEqual([]);

      const panel = page.locator('[data-test="dossier-panel"]');
      const labels = (await panel.locator('dt, th, [data-test="label"]').allTextContents()).map((s) => s.trim());
      expect.soft(labels).toContain('Giải quyết quá hạn');
      expect.soft(labels).toContain('Đang giải quyết quá hạn');
      // "Quá hạn" alone could mean either: resolved late, or still pending past its due date.
      expect.soft(labels.filter((l) => /^quá hạn$/i.test(l))).toEqual([]);
      expect.soft(await layoutProblems(page)).toEqual([]);
      await page.close();
    }
  });

  it('W17: fields that do not fit are paged every 8 s, with "Trang i/n" on the table', async () => {
    for (const [name, viewport] of ORIENTATIONS) {
      const page = await e2e.browser.newPage({ viewport });
      await page.clock.install();
      await page.goto(`${e2e.hub.url}/display/?token=${e2e.hub.demoTokens!.display}`);
      const table = page.locator('[data-test="dossier-fields"]');
      await table.waitFor();
      // From here the page's time moves only when the test moves it: 1 s into a page, away from
      // the instants pages turn at.
      await page.clock.pauseAt(Math.ceil((Date.now() + 2000) / 8000) * 8000 + 1000);
      const pager = page.locator('[data-test="dossier-fields-page"]');
      const pageText = async () => (await pager.textContent())?.trim() ?? '';
      // Pages turn on the clock (every wall alike), so the first one seen may be any.
      await expect.poll(pageText).toMatch(/^Trang \d+\/\d+$/);
      const [first, pages] = (await pageText()).slice('Trang '.length).split('/').map(Number) as [number, number];
      expect(pages, name).toBeGreaterThanOrEqual(2);
      const seen: string[] = [];
      for (let k = 0; k < pages; k++) {
        const p = ((first - 1 + k) % pages) + 1;
        await expect.poll(pageText).toBe(`Trang ${p}/${pages}`);
        const names = await page.locator('[data-test="dossier-fields"] td.name').allTextContents();
        expect(names.length, `${name} page ${p}`).toBeGreaterThan(0);
        seen.push(...names.map((n) => n.trim()));
        if (k === 1) await screenshot(page, `wall-fields-next-page-${name}`);
        await page.clock.fastForward(8_000);
      }
      // Every field with dossiers in progress is on exactly one page; then the pages start over.
      expect([...seen].sort()).toEqual([...FIELDS].sort());
      await expect.poll(pageText).toBe(`Trang ${first}/${pages}`);
      await page.close();
    }
  });

  it('W14 (A8): the big number shows the call being spoken, not a later one still waiting its turn', async () => {
    const page = await openWall(LANDSCAPE);
    const labels = [callAt(3), callAt(4), callAt(5)];
    const startOf = async (label: string) =>
      (await heard(page)).some((h) => h.type === 'start' && h.label === label) &&
      !(await heard(page)).some((h) => h.type === 'end' && h.label === label);
    await expect.poll(() => startOf(labels[0]!), { timeout: 20_000, interval: 100 }).toBe(true);
    await screenshot(page, 'wall-hero-speaking');
    expect(await heroNumber(page).textContent()).toBe(labels[0]);
    // The tile lit is the counter being called out, not the newest call's (W4).
    expect(await page.locator('[data-counter="3"]').getAttribute('class')).toContain('fresh');
    expect(await page.locator('[data-counter="5"]').getAttribute('class')).not.toContain('fresh');
    // The list has the newest first, already.
    expect((await page.locator('[data-test="last-calls"] li strong').first().textContent())?.trim()).toBe(labels[2]);
    await expect.poll(() => startOf(labels[1]!), { timeout: 20_000, interval: 100 }).toBe(true);
    expect(await heroNumber(page).textContent()).toBe(labels[1]);
    // Each call said, or (A8) past 7.5 s in line on a slow machine, shown and not said.
    await expect
      .poll(async () => (await heard(page)).filter((h) => h.type === 'end' || h.type === 'skipped').length, {
        timeout: 40_000,
      })
      .toBe(3);
    // Nothing spoken: the newest call.
    expect(await heroNumber(page).textContent()).toBe(labels[2]);
    await page.close();
  });

  it('W15: a finished call leaves the big number; a counter paused while its citizen is called keeps it', async () => {
    // Every citizen called so far has been served: no call is open.
    // (A counter with no current ticket refuses with NO_CURRENT_TICKET, which changes nothing.)
    for (const c of e2e.hub.hub.centre.counters()) e2e.hub.hub.perform('counter:finish', admin, { counterId: c.id });
    const page = await openWall(LANDSCAPE);
    expect.soft(await heroNumber(page).count()).toBe(0);
    const idle = () =>
      expect
        .poll(async () => {
          const h = await heard(page);
          return h.filter((e) => e.type === 'start').length === h.filter((e) => e.type === 'end').length;
        })
        .toBe(true);
    const older = callAt(1);
    const label = callAt(2);
    await expect
      .poll(async () => (await heard(page)).filter((e) => e.type === 'end').length, { timeout: 30_000 })
      .toBe(2);
    await idle();
    // Both said: the newest call, still open, is the big number.
    await expect.poll(() => heroNumber(page).textContent()).toBe(label);

    // Counter 2 is done with its citizen: the hero goes back to the newest call still open.
    run('counter:finish', { counterId: 2 });
    await page.locator('[data-counter="2"] [data-test="tile-number"]', { hasText: '—' }).waitFor();
    await screenshot(page, 'wall-hero-after-finish');
    await expect.poll(() => heroNumber(page).textContent()).toBe(older);
    // The admin cancels counter 1's ticket (Q17; a no-show would have to wait a minute, Q20):
    // no call is open any more.
    run('ticket:cancel', { ticketId: run('counter:view', { counterId: 1 }).current!.id, reason: 'Công dân đã về' });
    await expect.poll(() => heroNumber(page).count()).toBe(0);
    expect(await page.locator('[data-test="hero-none"]').textContent()).toContain('Công dân vui lòng chờ đến lượt');
    expect(await page.locator('[data-test="call-hero"]').textContent()).not.toContain(older);
    await screenshot(page, 'wall-hero-none-open');

    // Counter 6 calls, then pauses: its citizen is still called.
    const paused = callAt(6);
    await expect.poll(() => heroNumber(page).textContent()).toBe(paused);
    await expect
      .poll(async () => (await heard(page)).filter((e) => e.type === 'end').length, { timeout: 30_000 })
      .toBe(3);
    await idle();
    run('counter:pause', { counterId: 6 });
    await expect
      .poll(() => page.locator('[data-counter="6"] [data-test="tile-number"]').textContent())
      .toContain('Tạm dừng');
    expect(await heroNumber(page).textContent()).toBe(paused);
    // Transferred to another service: resolved here, so it leaves the hero.
    run('counter:transfer', { counterId: 6, serviceId: 1 });
    await expect.poll(() => heroNumber(page).count()).toBe(0);
    run('counter:resume', { counterId: 6 });
    await page.close();
  });
});
