import { formatPercentVi, manualClock } from '@luot/shared';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { e2eSession } from '../support/e2e-session';
import { api } from '../support/hub';

const FIELDS = ['Đất đai', 'Tư pháp – Hộ tịch', 'Kinh doanh', 'Xây dựng', 'Lao động – TB&XH'];

/** Dossiers of 2026 received on working days, most resolved, some late, some still open. */
function dossiers(prefix: string, n: number, lateEvery: number) {
  return Array.from({ length: n }, (_, i) => {
    const month = 1 + (i % 11);
    const day = 2 + (i % 20);
    const received = new Date(Date.UTC(2026, month - 1, day, 1, 30));
    const open = i % 9 === 0;
    const late = i % lateEvery === 0;
    const resolved = new Date(received.getTime() + (late ? 14 : 2 + (i % 3)) * 86_400_000);
    return {
      code: `${prefix}-${String(i).padStart(5, '0')}`,
      field: FIELDS[i % FIELDS.length],
      level: 'commune',
      channel: i % 3 === 0 ? 'online' : 'counter',
      receivedAt: received.toISOString(),
      processingDays: 5,
      ...(open || resolved.getTime() > Date.parse('2026-11-23T00:00:00Z')
        ? {}
        : { resolvedAt: resolved.toISOString() }),
    };
  });
}

describe('dossier screens: the wall panel and the kiosk look-up', () => {
  const e2e = e2eSession({ clock: manualClock(Date.parse('2026-11-23T02:00:00Z')) });
  beforeAll(async () => {
    const r = await api(e2e.hub.url, e2e.hub.demoTokens!.admin, 'POST', '/api/dossiers', {
      dossiers: dossiers('HS', 600, 7),
    });
    expect(r.status).toBe(200);
  });

  const rateOf = async (from: string, to: string) => {
    const s = await api(e2e.hub.url, e2e.hub.demoTokens!.admin, 'GET', `/api/stats/dossiers?from=${from}&to=${to}`);
    return formatPercentVi((s.body!.total as { onTimeRate: number }).onTimeRate);
  };

  it('D15: the wall shows this month and this year, and updates live when dossiers arrive', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${e2e.hub.url}/display/?token=${e2e.hub.demoTokens!.display}`);
    const rates = page.locator('[data-test="on-time-rate"]');
    await expect
      .poll(() => rates.allTextContents())
      .toEqual([await rateOf('2026-11-01', '2026-11-23'), await rateOf('2026-01-01', '2026-11-23')]);
    expect(await page.locator('[data-test="dossier-fields"]').textContent()).toContain('Đất đai');
    await screenshot(page, 'dossier-panel-landscape');

    // A push of late dossiers lowers the year's rate on the wall without a reload.
    const before = await rates.nth(1).textContent();
    await api(e2e.hub.url, e2e.hub.demoTokens!.admin, 'POST', '/api/dossiers', { dossiers: dossiers('LATE', 120, 1) });
    const after = await rateOf('2026-01-01', '2026-11-23');
    expect(after).not.toBe(before);
    await expect.poll(() => rates.nth(1).textContent()).toBe(after);

    const portrait = await e2e.browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await portrait.goto(`${e2e.hub.url}/display/?token=${e2e.hub.demoTokens!.display}`);
    await portrait.locator('[data-test="dossier-panel"]').waitFor();
    await screenshot(portrait, 'dossier-panel-portrait');
  });

  it('D16: a citizen types a dossier code on the kiosk and sees its status and due date', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${e2e.hub.url}/kiosk/?token=${e2e.hub.demoTokens!.kiosk}`);
    await page.locator('[data-test="dossier-lookup"]').click();
    for (const k of 'HS-00001') await page.locator(`[data-key="${k}"]`).click();
    expect(await page.locator('[data-test="dossier-code"]').inputValue()).toBe('HS-00001');
    await page.locator('[data-test="dossier-search"]').click();
    const result = page.locator('[data-test="dossier-result"]');
    await result.waitFor();
    const truth = (await api(e2e.hub.url, null, 'GET', '/api/dossiers/HS-00001')).body as {
      due: string;
      field: string;
    };
    const [y, m, d] = truth.due.split('-');
    expect(await result.textContent()).toContain(`${d}/${m}/${y}`);
    expect(await result.textContent()).toContain(truth.field);
    await screenshot(page, 'kiosk-dossier-lookup');

    await page.locator('[data-key="backspace"]').click();
    await page.locator('[data-key="X"]').click();
    await page.locator('[data-test="dossier-search"]').click();
    await expect.poll(() => page.locator('[data-test="dossier-not-found"]').textContent()).toContain('HS-0000X');
  });

  /** What has the focus: the code box, or something else. */
  const focused = (page: Page) => page.locator(':focus').getAttribute('data-test');
  /** A scanner: a keyboard that types the code a few milliseconds a key, then Enter. */
  const scan = async (page: Page, code: string) => {
    await page.keyboard.type(code, { delay: 8 });
    await page.keyboard.press('Enter');
  };

  it('D19 D20: a scanned code (any case, spaces) is looked up without a touch on the box; an overdue dossier tells the citizen what to do — landscape', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${e2e.hub.url}/kiosk/?token=${e2e.hub.demoTokens!.kiosk}`);
    await page.locator('[data-test="dossier-lookup"]').click();
    await expect.poll(() => focused(page)).toBe('dossier-code');
    // A touch on the screen's keys leaves the focus in the box, for the scanner.
    await page.locator('[data-key="H"]').click();
    await page.locator('[data-key="clear"]').click();
    expect(await focused(page)).toBe('dossier-code');

    await scan(page, 'hs 00000');
    const result = page.locator('[data-test="dossier-result"]');
    await expect.poll(() => result.textContent()).toContain('Đang giải quyết — quá hạn');
    expect(await result.textContent()).toContain('HS-00000');
    const advice = await page.locator('[data-test="dossier-advice"]').textContent();
    expect(advice).toContain('Công dân vui lòng');
    expect(await page.locator('main').textContent()).not.toMatch(/(^|[^\p{L}])bạn($|[^\p{L}])/iu);
    await screenshot(page, 'kiosk-dossier-lookup-landscape');

    // The next scan replaces the code instead of adding to it; a dossier within its deadline gives no advice.
    await scan(page, 'HS-00001');
    await expect.poll(() => page.locator('[data-test="dossier-code"]').inputValue()).toBe('HS-00001');
    await expect.poll(() => result.textContent()).toContain('HS-00001');
    expect(await page.locator('[data-test="dossier-advice"]').count()).toBe(0);
  });

  it('D20: a code scanned on the start screen opens the look-up with its answer — portrait', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${e2e.hub.url}/kiosk/?token=${e2e.hub.demoTokens!.kiosk}`);
    await page.locator('[data-test="dossier-lookup"]').waitFor();
    // Keys typed at a person's pace are not a scan: nothing happens.
    await page.keyboard.type('hs00000', { delay: 150 });
    await page.keyboard.press('Enter');
    expect(await page.locator('[data-test="dossier-code"]').count()).toBe(0);

    await scan(page, 'HS-00000');
    await expect
      .poll(() => page.locator('[data-test="dossier-result"]').textContent())
      .toContain('Đang giải quyết — quá hạn');
    expect(await page.locator('[data-test="dossier-code"]').inputValue()).toBe('HS-00000');
    await expect.poll(() => focused(page)).toBe('dossier-code');
    expect(await page.locator('[data-test="dossier-advice"]').textContent()).toContain('hẹn lại ngày trả kết quả');
    await screenshot(page, 'kiosk-dossier-lookup-portrait');
  });
});
