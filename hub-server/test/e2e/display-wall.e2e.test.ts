import { formatDateVi, type DisplayConfigureInput, type RequestName } from '@luot/shared';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Device } from '../../src/features/devices/device-repository';
import { screenshot } from '../support/browser';
import { staffCounters } from '../support/hub';
import { e2eSession } from '../support/e2e-session';
import { LANDSCAPE, layoutCheck, PORTRAIT, type Browser } from '../support/layout';

const NOTICE =
  'Trung tâm làm việc từ thứ Hai đến thứ Sáu, sáng 7 giờ 30 – chiều 17 giờ. Xin quý vị giữ trật tự và đeo khẩu trang.';

/** A mark left on the page's window: gone if the page reloads. */
interface Marked {
  sameDocument?: boolean;
}

/** What a wall must never do (W2): text that spills out of its box, regions or tiles on top of each other. */
function layoutProblems(page: Page): Promise<string[]> {
  return layoutCheck(page, ({ g, r, name, overlap, inside, wallRegionProblems }) => {
    const problems = wallRegionProblems();
    const grid = g.document.querySelector('[data-test="tiles"]');
    const tiles = [...g.document.querySelectorAll('.tile')];
    for (const [i, a] of tiles.entries()) {
      if (grid && !inside(r(a), r(grid))) problems.push(`tile outside the grid: ${name(a)}`);
      for (const b of tiles.slice(i + 1))
        if (overlap(r(a), r(b))) problems.push(`tiles overlap: ${name(a)} / ${name(b)}`);
      for (const part of a.querySelectorAll('.badge-word, .badge-no, .number, .state, .services')) {
        if (!inside(r(part), r(a))) problems.push(`outside its tile: ${name(part)}`);
      }
    }
    const texts = g.document.querySelectorAll(
      '.tile :is(.badge-word, .badge-no, .number, .state, .services span), header :is(h1, strong, span), .hero p, .calls li > *, .calls h2, .audio-notice',
    );
    for (const el of texts) {
      // Vertically only where the box hides what spills: a tight line-height overflows harmlessly.
      const hides = g.getComputedStyle(el).overflowY !== 'visible';
      if (el.scrollWidth > el.clientWidth + 1 || (hides && el.scrollHeight > el.clientHeight + 1)) {
        problems.push(`text cut: ${name(el)}`);
      }
    }
    return problems;
  });
}

/** The computed font size (px) of the smallest ticket number on the wall. */
const smallestNumberPx = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const g = globalThis as unknown as Browser;
    return Math.min(
      ...[...g.document.querySelectorAll('.tile .number')].map((el) => parseFloat(g.getComputedStyle(el).fontSize)),
    );
  });

describe('the wall display: layouts, configuration, audio notice', () => {
  const e2e = e2eSession();

  // Q18: an officer at every counter, or nobody may be called there.
  beforeAll(() => staffCounters(e2e.hub));
  let admin: Device;

  function run<K extends RequestName>(name: K, device: Device, input: unknown) {
    const ack = e2e.hub.hub.perform(name, device, input);
    if (!ack.ok) throw new Error(`${name}: ${ack.code}`);
    return ack.data;
  }
  const configure = (input: Omit<DisplayConfigureInput, 'displayId'>) =>
    run('display:configure', admin, { displayId: 1, ...input });
  /** Issues a ticket for the counter's first service and calls it there. */
  function callAt(counterId: number): void {
    const counter = e2e.hub.hub.centre.counter(counterId)!;
    // The admin's token: a kiosk's is limited to a burst of 10 (L2), and these tests call dozens.
    run('ticket:issue', admin, { serviceId: counter.serviceIds[0] });
    run('counter:callNext', admin, { counterId, resolve: 'served' });
  }
  async function openWall(viewport: { width: number; height: number }, init?: () => void): Promise<Page> {
    const page = await e2e.browser.newPage({ viewport });
    if (init) await page.addInitScript(init);
    await page.goto(`${e2e.hub.url}/display/?token=${e2e.hub.demoTokens!.display}`);
    await page.locator('.tile').first().waitFor();
    return page;
  }

  beforeAll(() => {
    admin = e2e.hub.hub.devices.authenticate(e2e.hub.demoTokens!.admin)!;
  });

  it('W1–W5: six counters, landscape then portrait: tiles, newest call, last calls, clock, notice; nothing cut or overlapping', async () => {
    configure({ notice: NOTICE, orientation: 'auto', counters: [] });
    for (const id of [1, 2, 3, 4, 5]) callAt(id);
    run('counter:pause', admin, { counterId: 6 });

    for (const [viewport, shot] of [
      [LANDSCAPE, 'display-landscape-6'],
      [PORTRAIT, 'display-portrait-6'],
    ] as const) {
      const page = await openWall(viewport);
      await expect.poll(() => page.locator('.tile').count()).toBe(6);
      callAt(1);
      await expect
        .poll(() => page.locator('[data-test="hero-number"]').textContent())
        .toBe(viewport === LANDSCAPE ? '1003' : '1004');
      expect(await page.locator('[data-test="call-hero"]').getAttribute('data-fresh')).toBe('true');
      expect(await page.locator('[data-counter="1"]').getAttribute('class')).toContain('fresh');
      expect(await page.locator('.wall').getAttribute('data-orientation')).toBe(
        viewport === LANDSCAPE ? 'landscape' : 'portrait',
      );
      expect(await page.locator('[data-counter="3"] [data-test="tile-number"]').textContent()).toContain('2001');
      expect(await page.locator('[data-counter="6"] [data-test="tile-number"]').textContent()).toContain('Tạm dừng');
      expect(await page.locator('[data-counter="4"] [data-test="tile-services"]').textContent()).toBe(
        'Tư pháp – Hộ tịch · Lao động – Thương binh và Xã hội',
      );
      expect(await page.locator('[data-test="last-calls"] li').count()).toBeGreaterThanOrEqual(4);
      expect(await page.locator('[data-test="clock-date"]').textContent()).toContain(formatDateVi(Date.now()));
      expect(await page.locator('[data-test="notice"]').textContent()).toContain('thứ Hai đến thứ Sáu');
      await screenshot(page, shot);
      expect(await layoutProblems(page)).toEqual([]);
      expect(await smallestNumberPx(page)).toBeGreaterThan(120);
      await page.close();
    }
  });

  it('W2: twenty-four counters fit both ways up, numbers still large', async () => {
    run('counter:resume', admin, { counterId: 6 });
    const services = e2e.hub.hub.centre.services();
    for (let n = 7; n <= 24; n++) {
      const serviceIds = [services[n % services.length]!.id, services[(n + 2) % services.length]!.id];
      e2e.hub.hub.centre.addCounter({ id: n, number: n, name: `Quầy ${n}`, serviceIds, paused: false });
    }
    staffCounters(e2e.hub); // Q18: the new counters too
    for (let n = 6; n <= 24; n++) if (n % 5 !== 0) callAt(n);

    for (const [viewport, shot, minPx] of [
      [LANDSCAPE, 'display-landscape-24', 70],
      [PORTRAIT, 'display-portrait-24', 60],
    ] as const) {
      const page = await openWall(viewport);
      await expect.poll(() => page.locator('.tile').count()).toBe(24);
      callAt(24);
      await expect.poll(() => page.locator('[data-counter="24"]').getAttribute('class')).toContain('fresh');
      await screenshot(page, shot);
      expect(await layoutProblems(page)).toEqual([]);
      expect(await smallestNumberPx(page)).toBeGreaterThan(minPx);
      await page.close();
    }
  });

  it('W6/W3: a configuration change reaches an open wall without a reload', async () => {
    const page = await openWall(LANDSCAPE);
    await page.evaluate(() => void ((globalThis as unknown as Marked).sameDocument = true));

    configure({ counters: [3, 1, 2], notice: 'Hôm nay quầy số 2 nghỉ buổi chiều.' });
    await expect.poll(() => page.locator('.tile').count()).toBe(3);
    expect(await page.locator('[data-test="tile-counter"]').allTextContents()).toEqual(['3', '1', '2']);
    await expect.poll(() => page.locator('[data-test="notice"]').textContent()).toContain('quầy số 2 nghỉ buổi chiều');

    configure({ orientation: 'portrait' });
    await expect.poll(() => page.locator('.wall').getAttribute('data-orientation')).toBe('portrait');
    expect(await page.locator('.wall').getAttribute('data-rotated')).toBe('true');
    await screenshot(page, 'display-rotated-portrait-3');
    expect(await layoutProblems(page)).toEqual([]);

    // Another display's change is not this wall's.
    run('display:configure', admin, { displayId: 2, counters: [5] });
    configure({ orientation: 'auto', counters: [] });
    await expect.poll(() => page.locator('.tile').count()).toBe(24);
    expect(await page.evaluate(() => (globalThis as unknown as Marked).sameDocument)).toBe(true);
    await page.close();
  });

  it('W10: a browser that refuses to play says so on the wall, in Vietnamese', async () => {
    const page = await openWall(LANDSCAPE, () => {
      // As a browser without the autoplay permission answers play().
      const g = globalThis as unknown as {
        HTMLMediaElement: { prototype: { play(): Promise<void> } };
        DOMException: new (message: string, name: string) => Error;
      };
      g.HTMLMediaElement.prototype.play = () =>
        Promise.reject(new g.DOMException('autoplay refused', 'NotAllowedError'));
    });
    expect(await page.locator('[data-test="audio-notice"]').count()).toBe(0);
    callAt(2);
    const notice = page.locator('[data-test="audio-notice"]');
    await notice.waitFor();
    expect(await notice.getAttribute('data-problem')).toBe('blocked');
    expect(await notice.textContent()).toContain('Trình duyệt đang chặn âm thanh thông báo');
    await screenshot(page, 'display-audio-blocked');
    expect(await layoutProblems(page)).toEqual([]);
    await page.mouse.click(400, 400);
    await notice.waitFor({ state: 'detached' });
    await page.close();
  });
});
