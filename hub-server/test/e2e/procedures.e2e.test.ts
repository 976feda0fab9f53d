import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { e2eSession } from '../support/e2e-session';
import { layoutCheck, ORIENTATIONS } from '../support/layout';

/** K10's checks, as kiosk-screens.e2e.test.ts makes them: in view, no scrollbars, nothing on top of another, nothing cut. */
function layoutProblems(page: Page): Promise<string[]> {
  return layoutCheck(page, ({ screenProblems, name }) => {
    const { problems, seen } = screenProblems('button, h1, h2, p, input, li, dd, label > span, [data-url], ol.items');
    // A result or a list item taller than its box is cut at the bottom.
    for (const a of seen)
      if (a.matches('button.result, ol.items') && a.scrollHeight > a.clientHeight + 1)
        problems.push(`text cut: ${name(a)}`);
    return problems;
  });
}

/** Types on the kiosk's own letters, as a citizen does: no diacritics, one touch a letter. */
async function typeOnScreen(page: Page, text: string): Promise<void> {
  for (const ch of text) {
    await page.locator(`[data-test="letter-keyboard"] [data-key="${ch === ' ' ? 'space' : ch.toUpperCase()}"]`).click();
  }
}

describe('procedure catalogue on the kiosk and the phone', () => {
  const e2e = e2eSession();

  async function openKiosk(viewport: { width: number; height: number }): Promise<Page> {
    const token = e2e.hub.hub.devices.create(
      'kiosk',
      null,
      `kiosk-${Math.random().toString(36).slice(2, 8)}`,
      Date.now(),
    );
    const page = await e2e.browser.newPage({ viewport });
    await page.goto(`${e2e.hub.url}/kiosk/?token=${token}`);
    await page.locator('[data-service="1"]').waitFor();
    return page;
  }

  for (const [orientation, viewport] of ORIENTATIONS) {
    it(`R9 R6 K10: "dang ky ket hon" on the screen's letters finds the procedure; its page; "Lấy số cho thủ tục này" issues for its service — ${orientation}`, async () => {
      const kiosk = await openKiosk(viewport);
      await screenshot(kiosk, `procedures-${orientation}-0-home`);
      expect.soft(await layoutProblems(kiosk), 'home with the new button').toEqual([]);
      await kiosk.locator('[data-test="procedure-lookup"]').click();
      await kiosk.locator('[data-procedure]').first().waitFor();
      await screenshot(kiosk, `procedures-${orientation}-1-browse`);
      expect.soft(await layoutProblems(kiosk), 'browse').toEqual([]);

      // Browse by field: the chooser, then one field.
      await kiosk.locator('[data-test="procedure-fields"]').click();
      await kiosk.locator('[data-field="Hộ tịch"]').waitFor();
      await screenshot(kiosk, `procedures-${orientation}-2-fields`);
      expect.soft(await layoutProblems(kiosk), 'fields').toEqual([]);
      await kiosk.locator('[data-field="Hộ tịch"]').click();
      await expect.poll(() => kiosk.locator('[data-test="procedure-count"]').textContent()).toBe('Có 4 thủ tục');
      await kiosk.locator('[data-test="procedure-fields"]').click();
      await kiosk.locator('.fields .field').first().click(); // "Tất cả"

      await typeOnScreen(kiosk, 'dang ky ket hon');
      await expect.poll(() => kiosk.locator('[data-test="procedure-query"]').inputValue()).toBe('dang ky ket hon');
      await expect.poll(() => kiosk.locator('[data-procedure] .name').first().textContent()).toBe('Đăng ký kết hôn');
      await screenshot(kiosk, `procedures-${orientation}-3-search`);
      expect.soft(await layoutProblems(kiosk), 'search').toEqual([]);

      await kiosk.locator('[data-procedure] .name').first().click();
      await expect.poll(() => kiosk.locator('[data-test="procedure-name"]').textContent()).toBe('Đăng ký kết hôn');
      await kiosk.locator('.phone svg').waitFor();
      await screenshot(kiosk, `procedures-${orientation}-4-page`);
      expect.soft(await layoutProblems(kiosk), 'procedure page').toEqual([]);
      const qrUrl = await kiosk.locator('.phone [data-url]').getAttribute('data-url');
      expect(qrUrl).toBe(`${e2e.hub.url}/p/${encodeURIComponent('1.000894.000.00.00.H12')}`);

      // R9: the ticket is for the procedure's service: "Tư pháp – Hộ tịch", block 2.
      await kiosk.locator('[data-test="procedure-take"]').click();
      await kiosk.locator('[data-test="ticket"]').waitFor();
      expect(await kiosk.locator('[data-test="ticket-number"]').textContent()).toMatch(/^2\d{3}$/);
      expect(await kiosk.locator('[data-test="ticket"]').textContent()).toContain('Tư pháp – Hộ tịch');
      await screenshot(kiosk, `procedures-${orientation}-5-ticket`);
      await kiosk.close();
    });
  }

  it('R9: the QR opens the same procedure on a phone, public, without a token; an unknown code says so', async () => {
    const phone = await e2e.browser.newPage({ viewport: { width: 390, height: 844 } });
    const res = await phone.goto(`${e2e.hub.url}/p/${encodeURIComponent('1.000894.000.00.00.H12')}`);
    expect(res?.status()).toBe(200);
    await phone.locator('[data-test="procedure-phone"]').waitFor();
    expect(await phone.locator('h1').textContent()).toBe('Đăng ký kết hôn');
    const text = (await phone.locator('[data-test="procedure-phone"]').textContent()) ?? '';
    expect(text).toContain('Tờ khai đăng ký kết hôn (hai bên cùng ký)');
    expect(text).toContain('Tư pháp – Hộ tịch');
    expect(text).toContain('Trung tâm Phục vụ hành chính công xã Mù Cang Chải');
    await screenshot(phone, 'procedures-phone');

    const missing = await phone.goto(`${e2e.hub.url}/p/KHONG-CO`);
    expect(missing?.status()).toBe(404);
    await phone.locator('[data-test="not-found"]').waitFor();
    await phone.close();
  });
});
