import type { IssuedTicket } from '@luot/shared';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { e2eSession } from '../support/e2e-session';
import { api, staffCounters } from '../support/hub';
import { layoutCheck } from '../support/layout';

const PORTRAIT = { width: 800, height: 1280 };
const LANDSCAPE = { width: 1280, height: 800 };

/**
 * RT7 (as K10): nothing off screen, no scrollbars, no two buttons or lines of text on top of each
 * other, no text cut; and every button at least 120 px tall.
 */
function layoutProblems(page: Page): Promise<string[]> {
  return layoutCheck(page, ({ screenProblems, name, r }) => {
    const { problems, seen } = screenProblems('button, h1, p');
    for (const a of seen) {
      if (a.scrollHeight > a.clientHeight + 1) problems.push(`text cut: ${name(a)}`);
      if (a.matches('button') && r(a).height < 120) problems.push(`too small to touch: ${name(a)} ${r(a).height}px`);
    }
    return problems;
  });
}

describe('RT6–RT8: rating the service at the counter and on the phone', () => {
  const e2e = e2eSession();
  let token: string;
  const post = (tok: string, path: string, body?: unknown) => api(e2e.hub.url, tok, 'POST', path, body);
  /** The officer at counter 1 serves and finishes one ticket. */
  async function serveOne(): Promise<IssuedTicket> {
    const issued = (await post(e2e.hub.demoTokens!.kiosk, '/api/tickets', { serviceId: 1 })).body as never;
    await post(token, '/api/counters/1/call-next');
    await post(token, '/api/counters/1/start');
    expect((await post(token, '/api/counters/1/finish')).status).toBe(200);
    return issued;
  }
  const ratings = () =>
    e2e.hub.db.prepare('SELECT level, reason, source FROM ratings ORDER BY id').all() as Record<string, unknown>[];

  beforeAll(() => {
    staffCounters(e2e.hub);
    token = e2e.hub.demoTokens!.counters.find((c) => c.number === 1)!.token;
  });

  it('RT6 RT7: the officer finishes → the page shows the ticket → "Rất hài lòng" → thank-you → idle; unhappy asks a reason; the window closes', async () => {
    const page = await e2e.browser.newPage({ viewport: PORTRAIT });
    try {
      // The page's timers (thank-you, window) are driven by the test, not waited for.
      await page.clock.install();
      await page.goto(`${e2e.hub.url}/kiosk/rate.html?token=${token}`);
      const idle = page.locator('[data-test="idle"]');
      await idle.waitFor();
      expect(await idle.textContent()).toContain('Mời công dân đánh giá sau khi được phục vụ');
      expect(await idle.textContent()).toContain('Quầy chưa có lượt phục vụ nào cần đánh giá.');
      await expect.poll(() => page.locator('[data-test="counter"]').textContent()).toContain('Quầy 1');
      await screenshot(page, 'rating-idle-portrait');
      expect(await layoutProblems(page)).toEqual([]);

      const first = await serveOne();
      await page.locator('[data-test="asking"]').waitFor();
      expect(await page.locator('[data-test="label"]').textContent()).toBe(first.label);
      await screenshot(page, 'rating-ask-portrait');
      expect(await layoutProblems(page)).toEqual([]);
      await page.setViewportSize(LANDSCAPE);
      await screenshot(page, 'rating-ask-landscape');
      expect(await layoutProblems(page)).toEqual([]);

      await page.getByRole('button', { name: 'Rất hài lòng' }).click();
      const thanks = page.locator('[data-test="thanks"]');
      await thanks.waitFor();
      expect(await thanks.textContent()).toContain('Cảm ơn công dân đã đánh giá!');
      await screenshot(page, 'rating-thanks-landscape');
      expect(await layoutProblems(page)).toEqual([]);
      expect(ratings()).toEqual([{ level: 'verySatisfied', reason: null, source: 'counter' }]);
      await page.clock.fastForward(5000);
      await idle.waitFor();

      // RT3: an unhappy level asks a reason (portrait and landscape).
      await serveOne();
      await page.getByRole('button', { name: 'Không hài lòng' }).click();
      await page.locator('[data-test="reason"]').waitFor();
      await screenshot(page, 'rating-reason-landscape');
      expect(await layoutProblems(page)).toEqual([]);
      await page.setViewportSize(PORTRAIT);
      await screenshot(page, 'rating-reason-portrait');
      expect(await layoutProblems(page)).toEqual([]);
      await page.getByRole('button', { name: 'Phải chờ lâu' }).click();
      await thanks.waitFor();
      expect(ratings()[1]).toEqual({ level: 'dissatisfied', reason: 'Phải chờ lâu', source: 'counter' });
      await page.clock.fastForward(5000);
      await idle.waitFor();

      // RT4: rated on the phone first: the page's tap is refused in words, then idle.
      const twice = await serveOne();
      await page.locator('[data-test="asking"]').waitFor();
      await post(token, `/api/public/tickets/${twice.publicId}/rating`, { level: 'satisfied' });
      await page.getByRole('button', { name: 'Hài lòng', exact: true }).click();
      await expect
        .poll(() => page.locator('[data-test="refused"]').textContent())
        .toBe('Lượt phục vụ này đã được đánh giá.');
      await page.clock.fastForward(5000);
      await idle.waitFor();

      // RT2: nobody rates: the page is idle again when the window closes.
      await serveOne();
      await page.locator('[data-test="asking"]').waitFor();
      await page.clock.fastForward(121_000);
      await idle.waitFor();
      expect(ratings()).toHaveLength(3);
    } finally {
      await page.close();
    }
  });

  it('RT8: the phone page offers the rating after service, once', async () => {
    const ticket = await serveOne();
    const phone = await e2e.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      await phone.goto(`${e2e.hub.url}/t/${ticket.publicId}`);
      await phone.locator('[data-test="phone-rating"]').waitFor();
      await screenshot(phone, 'rating-phone');
      await phone.getByRole('button', { name: 'Hài lòng', exact: true }).click();
      const rated = phone.locator('[data-test="phone-rated"]');
      await rated.waitFor();
      expect(await rated.textContent()).toContain('Cảm ơn công dân đã đánh giá!');
      await screenshot(phone, 'rating-phone-thanks');
      // Once: a reload shows the rating given, no buttons.
      await phone.reload();
      await rated.waitFor();
      expect(await phone.locator('[data-test="phone-rating"]').count()).toBe(0);
      expect(await rated.textContent()).toContain('Hài lòng');
      expect(ratings().at(-1)).toEqual({ level: 'satisfied', reason: null, source: 'phone' });
    } finally {
      await phone.close();
    }
  });

  it('RT1 RT7 (I5): five levels fit both ways up, in the register the centre chose', async () => {
    const centre = e2e.hub.hub.centre;
    centre.saveSettings({
      ...centre.settings()!,
      addressForm: 'ongBa',
      rating: { scale: 5, reasons: ['Phải chờ lâu'], windowSeconds: 120 },
    });
    const page = await e2e.browser.newPage({ viewport: LANDSCAPE });
    try {
      await page.goto(`${e2e.hub.url}/kiosk/rate.html?token=${token}`);
      await expect.poll(() => page.locator('[data-test="idle"]').textContent()).toContain('Mời Ông/Bà đánh giá');
      await serveOne();
      await page.locator('[data-test="asking"]').waitFor();
      expect(await page.locator('.level').allTextContents()).toEqual([
        'Rất hài lòng',
        'Hài lòng',
        'Bình thường',
        'Không hài lòng',
        'Rất không hài lòng',
      ]);
      await screenshot(page, 'rating-five-landscape');
      expect(await layoutProblems(page)).toEqual([]);
      await page.setViewportSize(PORTRAIT);
      await screenshot(page, 'rating-five-portrait');
      expect(await layoutProblems(page)).toEqual([]);
      await page.getByRole('button', { name: 'Bình thường' }).click();
      await expect
        .poll(() => page.locator('[data-test="thanks"]').textContent())
        .toContain('Cảm ơn Ông/Bà đã đánh giá!');
      expect(ratings().at(-1)).toEqual({ level: 'neutral', reason: null, source: 'counter' });
    } finally {
      await page.close();
    }
  });
});
