import { startVirtualPrinter, type VirtualPrinter } from '@luot/hardware';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { e2eSession } from '../support/e2e-session';
import { api, staffCounters, startTestHub } from '../support/hub';
import { LANDSCAPE, layoutCheck, ORIENTATIONS, type Browser, type El } from '../support/layout';

/**
 * K10: what a kiosk screen must never do: an element outside the screen, scrollbars, buttons or
 * lines of text on top of each other, text cut in its box.
 */
function layoutProblems(page: Page): Promise<string[]> {
  return layoutCheck(
    page,
    ({ screenProblems }) =>
      screenProblems('button, h1, h2, p, input, label > span, [data-test="ticket-qr"], [role="alert"]').problems,
  );
}

/** The text of what may not be there yet: "" until it is (no 30 s wait inside a poll). */
const textOf = async (page: Page, selector: string): Promise<string> => {
  const loc = page.locator(selector);
  return (await loc.count()) ? ((await loc.first().textContent()) ?? '') : '';
};

/** The computed font size (px) of an element. */
const fontPx = (page: Page, selector: string): Promise<number> =>
  page
    .locator(selector)
    .evaluate((el) => parseFloat((globalThis as unknown as Browser).getComputedStyle(el as El).fontSize));

/** Whether an element covers the whole screen. */
const coversScreen = (page: Page, selector: string): Promise<boolean> =>
  page.locator(selector).evaluate((el) => {
    const g = globalThis as unknown as Browser;
    const b = (el as El).getBoundingClientRect();
    return b.left <= 0 && b.top <= 0 && b.right >= g.innerWidth && b.bottom >= g.innerHeight;
  });

describe('kiosk screens: one screen in both orientations; failures say what to do', () => {
  const e2e = e2eSession();
  let printer: VirtualPrinter;
  let emptyPrinter: VirtualPrinter;

  async function openKiosk(viewport: { width: number; height: number }, printerUrl: string | null): Promise<Page> {
    const token = e2e.hub.hub.devices.create(
      'kiosk',
      null,
      `kiosk-${Math.random().toString(36).slice(2, 8)}`,
      Date.now(),
      {
        printer: printerUrl,
      },
    );
    const page = await e2e.browser.newPage({ viewport });
    await page.goto(`${e2e.hub.url}/kiosk/?token=${token}`);
    await page.locator('[data-service="1"]').waitFor();
    await expect.poll(() => page.locator('[data-test="offline"], [data-test="hub-offline"]').count()).toBe(0);
    return page;
  }

  beforeAll(async () => {
    printer = await startVirtualPrinter({ paper: 80 });
    emptyPrinter = await startVirtualPrinter({ paper: 80, condition: { paperOut: true } });
    // An overdue dossier for the look-up's longest answer (the advice under it).
    const r = await api(e2e.hub.url, e2e.hub.demoTokens!.admin, 'POST', '/api/dossiers', {
      dossiers: [
        {
          code: 'HS-2020-00042',
          field: 'Tư pháp – Hộ tịch',
          level: 'commune',
          channel: 'counter',
          receivedAt: '2020-01-06T01:30:00.000Z',
          processingDays: 5,
        },
      ],
    });
    expect(r.status).toBe(200);
  });
  afterAll(async () => {
    await printer?.close();
    await emptyPrinter?.close();
  });

  for (const [orientation, viewport] of ORIENTATIONS) {
    it(`K10: home, priority path, ticket and look-up each fit one screen — ${orientation}`, async () => {
      const kiosk = await openKiosk(viewport, printer.url);
      await expect.poll(() => kiosk.locator('[data-service="1"]').textContent()).toContain('người đang chờ');
      await screenshot(kiosk, `kiosk-fit-${orientation}-1-home`);
      expect.soft(await layoutProblems(kiosk), 'home').toEqual([]);

      await kiosk.locator('[data-test="priority"]').click();
      await kiosk.locator('[data-priority="elderly"]').waitFor();
      await screenshot(kiosk, `kiosk-fit-${orientation}-2-priority`);
      expect.soft(await layoutProblems(kiosk), 'priority chooser').toEqual([]);

      await kiosk.locator('[data-priority]').last().click();
      await kiosk.locator('[data-test="priority-chosen"]').waitFor();
      await screenshot(kiosk, `kiosk-fit-${orientation}-3-priority-chosen`);
      expect.soft(await layoutProblems(kiosk), 'priority chosen').toEqual([]);

      await kiosk.locator('[data-service="2"]').click();
      await kiosk.locator('[data-test="ticket-priority"]').waitFor();
      await expect.poll(() => kiosk.locator('[data-test="print-status"]').getAttribute('data-tone')).toBe('ok');
      await screenshot(kiosk, `kiosk-fit-${orientation}-4-ticket`);
      expect.soft(await layoutProblems(kiosk), 'ticket').toEqual([]);

      await kiosk.locator('[data-test="done"]').click();
      await kiosk.locator('[data-test="dossier-lookup"]').click();
      await kiosk.locator('[data-test="dossier-code"]').waitFor();
      await screenshot(kiosk, `kiosk-fit-${orientation}-5-lookup`);
      expect.soft(await layoutProblems(kiosk), 'look-up').toEqual([]);
      await kiosk.keyboard.type('HS-2020-00042', { delay: 8 });
      await kiosk.keyboard.press('Enter');
      await kiosk.locator('[data-test="dossier-advice"]').waitFor();
      await screenshot(kiosk, `kiosk-fit-${orientation}-6-lookup-answer`);
      expect.soft(await layoutProblems(kiosk), 'look-up answer').toEqual([]);
      await kiosk.close();
    });
  }

  it('K11: with the hub down the kiosk says so on the whole screen, in large type, with what to do; it comes back by itself', async () => {
    let own = await startTestHub();
    let stopped = false;
    const pages: Page[] = [];
    try {
      for (const [, viewport] of ORIENTATIONS) {
        const page = await e2e.browser.newPage({ viewport });
        pages.push(page);
        await page.goto(`${own.url}/kiosk/?token=${own.demoTokens!.kiosk}`);
        await page.locator('[data-service="1"]').waitFor();
        await expect.poll(() => page.locator('[data-test="hub-offline"]').count()).toBe(0);
      }
      await own.stop();
      stopped = true;
      for (const [i, [orientation]] of ORIENTATIONS.entries()) {
        const page = pages[i]!;
        const screen = page.locator('[data-test="hub-offline"]');
        // Whatever the kiosk shows once it has lost the hub (before K11: a strip), on record.
        await expect.poll(() => textOf(page, '[role="alert"]'), { timeout: 10_000 }).not.toBe('');
        await screenshot(page, `kiosk-hub-offline-${orientation}`);
        await expect.poll(() => textOf(page, '[data-test="hub-offline"]')).toContain('chưa kết nối được');
        const text = (await screen.textContent())!;
        expect(text).toContain('Mời công dân chờ trong giây lát hoặc hỏi cán bộ hướng dẫn.');
        expect(text).not.toMatch(/(^|[^\p{L}])bạn($|[^\p{L}])/iu);
        expect(await coversScreen(page, '[data-test="hub-offline"]')).toBe(true);
        expect(await fontPx(page, '[data-test="hub-offline"] h1')).toBeGreaterThanOrEqual(48);
        expect(await layoutProblems(page)).toEqual([]);
      }

      // The hub back on the same address and database: the start screen returns without a touch.
      own = await startTestHub({ dbPath: own.dbPath, port: own.port });
      stopped = false;
      for (const page of pages) {
        await expect.poll(() => page.locator('[data-test="hub-offline"]').count(), { timeout: 15_000 }).toBe(0);
        await page.locator('[data-service="1"]').waitFor();
      }
    } finally {
      for (const p of pages) await p.close();
      if (!stopped) await own.stop();
    }
  });

  it('K11 K12 (K2 K7): paper out is a full-screen message with the number and what to do, and it stays until touched', async () => {
    for (const [orientation, viewport] of ORIENTATIONS) {
      const kiosk = await openKiosk(viewport, emptyPrinter.url);
      await kiosk.clock.install();
      await kiosk.locator('[data-service="3"]').click();
      const failure = kiosk.locator('[data-test="print-failure"]');
      await expect
        .poll(() => kiosk.locator('[data-test="print-status"]').getAttribute('data-tone'), { timeout: 10_000 })
        .toBe('error');
      await screenshot(kiosk, `kiosk-paper-out-${orientation}`);
      expect(await failure.count()).toBe(1);
      const text = (await failure.textContent())!;
      expect(text).toContain('Máy in hết giấy');
      expect(text).toContain('Mời công dân');
      expect(text).not.toMatch(/(^|[^\p{L}])bạn($|[^\p{L}])/iu);
      expect(await failure.locator('[data-test="ticket-number"]').textContent()).toMatch(/^3\d{3}$/);
      expect(await failure.locator('[data-test="ticket-qr"] svg').count()).toBe(1);
      expect(await coversScreen(kiosk, '[data-test="print-failure"]')).toBe(true);
      expect(await fontPx(kiosk, '[data-test="print-failure"] h1')).toBeGreaterThanOrEqual(48);
      expect(await layoutProblems(kiosk)).toEqual([]);

      // K12: no return to the start while nobody has touched the message, however long.
      await kiosk.clock.fastForward(5 * 60_000);
      expect(await failure.count()).toBe(1);
      // A touch (not on "Xong") hands it back to K7's 20 s.
      await failure.locator('[data-test="ticket-number"]').click();
      await kiosk.clock.fastForward(19_000);
      expect(await failure.count()).toBe(1);
      await kiosk.clock.fastForward(2_000);
      await failure.waitFor({ state: 'detached' });
      expect(await kiosk.locator('h1').first().textContent()).toBe('Lấy số thứ tự');
      await kiosk.close();
    }
  });

  it('K11: a cover left open says to close it, and "Xong" starts over', async () => {
    const open = await startVirtualPrinter({ paper: 80, condition: { coverOpen: true } });
    try {
      const kiosk = await openKiosk(LANDSCAPE, open.url);
      await kiosk.locator('[data-service="4"]').click();
      const failure = kiosk.locator('[data-test="print-failure"]');
      await expect
        .poll(() => textOf(kiosk, '[data-test="print-failure"]'), { timeout: 10_000 })
        .toContain('Nắp máy in đang mở');
      expect(await failure.textContent()).toContain('đóng nắp máy in');
      await screenshot(kiosk, 'kiosk-cover-open-landscape');
      expect(await layoutProblems(kiosk)).toEqual([]);
      await failure.locator('[data-test="done"]').click();
      await failure.waitFor({ state: 'detached' });
      await kiosk.locator('[data-service="4"]').waitFor();
      await kiosk.close();
    } finally {
      await open.close();
    }
  });

  it('K12 (K2): a counter app hears that a kiosk printer is out of paper and the officer can dismiss it', async () => {
    const desk = await e2e.browser.newPage({ viewport: { width: 1366, height: 768 } });
    const counter = e2e.hub.demoTokens!.counters[0]!;
    staffCounters(e2e.hub, [counter.counterId]); // an officer at work: the alert over the counter screen
    await desk.goto(`${e2e.hub.url}/counter/?token=${counter.token}`);
    await desk.locator('body').waitFor();
    await expect.poll(() => desk.locator('[data-test="offline"]').count()).toBe(0);

    const label = 'kiosk-sảnh-B';
    const token = e2e.hub.hub.devices.create('kiosk', null, label, Date.now(), { printer: emptyPrinter.url });
    const issued = await api(e2e.hub.url, token, 'POST', '/api/tickets', { serviceId: 1 });
    expect(issued.status).toBe(201);

    const alert = desk.locator('[data-test="printer-alert"]');
    await expect
      .poll(() => textOf(desk, '[data-test="printer-alert"]'), { timeout: 10_000 })
      .toContain(`Máy in ở kiosk ${label} hết giấy`);
    expect(await alert.textContent()).toContain(String(issued.body!.label));
    await screenshot(desk, 'counter-printer-alert');
    await alert.locator('[data-test="printer-alert-dismiss"]').click();
    await alert.waitFor({ state: 'detached' });
    await desk.close();
  });
});
