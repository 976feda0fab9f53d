import pino from 'pino';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/main';
import { launchBrowser, screenshot } from '../support/browser';
import { tempDbPath } from '../support/hub';
import { LANDSCAPE } from '../support/layout';
import type { Browser as PlaywrightBrowser } from 'playwright-core';

/**
 * The whole installation of a real centre, as its head does it in a browser: an empty database,
 * the first start, two services with their hours, two counters, an officer, a wall; then a kiosk
 * and the wall paired by code, which follow every later change without a reload.
 */
describe('C1–C9 G6 G8: a centre set up from nothing in the browser, its devices paired by code', () => {
  let hub: RunningHub & { url: string };
  let browser: PlaywrightBrowser;
  beforeAll(async () => {
    const running = await startHub({
      dbPath: tempDbPath(),
      port: 0,
      host: '127.0.0.1',
      demo: false,
      logger: pino({ level: 'silent' }),
    });
    hub = Object.assign(running, { url: `http://127.0.0.1:${running.port}` });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  const saved = (page: Page) => expect.poll(() => page.locator('[data-test="save-done"]').textContent());
  async function goTo(page: Page, key: string): Promise<void> {
    await page.locator(`[data-test="nav-${key}"]`).click();
    await page.locator(`[data-test="page-${key}"]`).waitFor();
  }
  async function addService(page: Page, name: string, field: string): Promise<void> {
    await goTo(page, 'services');
    await page.locator('[data-test="service-add"]').click();
    await page.locator('input[name="service-name"]').fill(name);
    await page.locator('input[name="service-nameEn"]').fill(`${field} (EN)`);
    await page.locator('input[name="service-field"]').fill(field);
    await page.locator('input[name="from-1-0"]').fill('07:30');
    await page.locator('input[name="last-1-0"]').fill('11:00');
    await page.locator('[data-test="copy-monday"]').click();
    await page.locator('[data-test="save"]').click();
    await saved(page).toContain('Đã lưu');
  }
  async function addCounter(page: Page, name: string, serviceIndex: number): Promise<void> {
    await goTo(page, 'counters');
    await page.locator('[data-test="counter-add"]').click();
    await page.locator('input[name="counter-name"]').last().fill(name);
    await page.locator('select[name="add-service"]').last().selectOption({ index: serviceIndex });
    await page.locator('[data-test="save"]').click();
    await saved(page).toContain('Đã lưu');
  }
  async function pairingCode(page: Page, role: 'kiosk' | 'display', label: string): Promise<string> {
    await goTo(page, 'devices');
    await page.locator('select[name="pair-role"]').selectOption(role);
    await page.locator('input[name="pair-label"]').fill(label);
    const code = page.locator('[data-test="pairing-code"]');
    // The code shown before (another device's) is replaced by this one's.
    const before = (await code.count()) > 0 ? await code.textContent() : null;
    await page.locator('[data-test="pair-create"]').click();
    await expect.poll(() => code.textContent()).not.toBe(before);
    const text = (await code.textContent()) ?? '';
    expect(text).toMatch(/^\d{3} \d{3}$/);
    return text.replace(' ', '');
  }

  it('first start → services, counters, an officer, a wall → kiosk and wall paired by code, updated live', async () => {
    const admin = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    await admin.goto(`${hub.url}/`);
    await admin.locator('input[name="password"]').waitFor();
    await admin.fill('input[name="password"]', 'mật-khẩu-của-xã-2026');
    await admin.fill('input[name="again"]', 'mật-khẩu-của-xã-2026');
    await admin.fill('input[name="name"]', 'Bộ phận một cửa xã Mường Lay');
    await admin.selectOption('select[name="level"]', 'commune');
    await admin.fill('input[name="address"]', 'Bản Na Lay, xã Mường Lay, tỉnh Điện Biên');
    await admin.locator('[data-test="first-start-submit"]').click();
    await admin.locator('[data-test="page-centre"]').waitFor({ timeout: 15_000 });

    await addService(admin, 'Tư pháp – Hộ tịch', 'Hộ tịch');
    await addService(admin, 'Đất đai', 'Đất đai');
    await addCounter(admin, 'Quầy 1', 1);
    await addCounter(admin, 'Quầy 2', 2);

    await goTo(admin, 'officers');
    await admin.locator('input[name="officer-name"]').fill('Lò Thị Hoa');
    await admin.locator('input[name="officer-pin"]').fill('2468');
    await admin.locator('[data-test="officer-add"] button[type="submit"]').click();
    await admin.locator('[data-test^="officer-"]', { hasText: 'Lò Thị Hoa' }).waitFor();

    await goTo(admin, 'displays');
    await admin.locator('[data-test="display-add"]').click();
    await admin.locator('input[name="display-name"]').last().fill('Màn hình sảnh');
    await admin.locator('[data-test="save"]').click();
    await saved(admin).toContain('Đã lưu');

    // The kiosk, paired by typing its code.
    const kioskCode = await pairingCode(admin, 'kiosk', 'Kiosk sảnh');
    const kiosk = await browser.newPage({ viewport: LANDSCAPE });
    await kiosk.goto(`${hub.url}/kiosk/`);
    await kiosk.fill('input[name="code"]', kioskCode);
    await kiosk.locator('[data-test="pair-submit"]').click();
    await kiosk.locator('[data-service]').nth(1).waitFor({ timeout: 15_000 });
    const kioskText = await kiosk.locator('body').innerText();
    expect(kioskText).toContain('Tư pháp – Hộ tịch');
    expect(kioskText).toContain('Đất đai');

    // The wall, paired by its QR's address.
    const wallCode = await pairingCode(admin, 'display', 'Màn hình sảnh');
    const wall = await browser.newPage({ viewport: LANDSCAPE });
    await wall.goto(`${hub.url}/display/?pair=${wallCode}`);
    await wall.locator('.tile').nth(1).waitFor({ timeout: 15_000 });
    expect(await wall.locator('.tile').count()).toBe(2);

    // Later changes reach both without a reload.
    await addService(admin, 'Đăng ký kinh doanh', 'Kinh doanh');
    await addCounter(admin, 'Quầy 3', 3);
    await expect.poll(() => kiosk.locator('body').innerText()).toContain('Đăng ký kinh doanh');
    await expect.poll(() => wall.locator('.tile').count()).toBe(3);
    await screenshot(kiosk, 'first-centre-kiosk');
    await screenshot(wall, 'first-centre-wall');
    await screenshot(admin, 'first-centre-console');

    const audit = hub.db.prepare('SELECT action FROM admin_audit ORDER BY id').all() as { action: string }[];
    expect(audit.length).toBeGreaterThanOrEqual(8);
    for (const page of [admin, kiosk, wall]) await page.close();
  });
});
