import type { CentreSetup } from '@luot/shared';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { connect, staffCounters, type TestSocket } from '../support/hub';
import { e2eSession } from '../support/e2e-session';
import type { Browser } from '../support/layout';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const PAGES = [
  'centre',
  'services',
  'counters',
  'priority',
  'officers',
  'displays',
  'calendar',
  'devices',
  'procedures',
  'voice',
  'dossierSource',
  'audit',
] as const;

describe('the admin console in the staff app', () => {
  const e2e = e2eSession();
  const pages: Page[] = [];
  let socket: TestSocket;

  // Q18: an officer at every counter, so the wall shows them open.
  beforeAll(async () => {
    staffCounters(e2e.hub);
    socket = await connect(e2e.hub.url, e2e.hub.demoTokens!.admin);
    return () => void socket.close();
  });
  afterEach(async () => {
    for (const p of pages.splice(0)) await p.close();
  });

  /** The setup document as the hub has it now. */
  async function setupNow(): Promise<CentreSetup> {
    const ack = await socket.emitWithAck('setup:get', {});
    if (!ack.ok) throw new Error(ack.message);
    return ack.data;
  }

  async function openConsole(viewport: { width: number; height: number } = SIZES[0]): Promise<Page> {
    const page = await e2e.browser.newPage({ viewport, locale: 'vi-VN' });
    pages.push(page);
    await page.goto(`${e2e.hub.url}/counter/?token=${e2e.hub.demoTokens!.admin}`);
    await page.locator('[data-test="page-centre"]').waitFor();
    return page;
  }
  async function goTo(page: Page, key: (typeof PAGES)[number]): Promise<void> {
    await page.locator(`[data-test="nav-${key}"]`).click();
    await page.locator(`[data-test="page-${key}"]`).waitFor();
  }

  it('every page fits 1366×768 and 1920×1080 without a horizontal scroll, in Vietnamese', async () => {
    for (const size of SIZES) {
      const page = await openConsole(size);
      for (const key of PAGES) {
        await goTo(page, key);
        // The lists a page reads besides the document (devices, officers, the log) have arrived.
        await page.waitForLoadState('networkidle');
        await screenshot(page, `admin-${key}-${size.width}x${size.height}`);
        const overflow = await page.evaluate(() => {
          const g = globalThis as unknown as Browser;
          const main = g.document.querySelector('.admin-main')!;
          return {
            page: g.document.documentElement.scrollWidth - g.innerWidth,
            main: main.scrollWidth - main.clientWidth,
          };
        });
        expect(overflow, `${key} at ${size.width}×${size.height}`).toEqual({ page: 0, main: 0 });
      }
      const nav = await page.locator('.admin-nav').innerText();
      for (const label of ['Trung tâm', 'Dịch vụ', 'Quầy', 'Ưu tiên', 'Cán bộ', 'Màn hình', 'Lịch nghỉ', 'Thiết bị'])
        expect(nav).toContain(label);
    }
  });

  it('C8: a service added with its hours shows on the kiosk without a reload', async () => {
    const kiosk = await e2e.browser.newPage({ viewport: { width: 1080, height: 1920 } });
    pages.push(kiosk);
    await kiosk.goto(`${e2e.hub.url}/kiosk/?token=${e2e.hub.demoTokens!.kiosk}`);
    await kiosk.locator('[data-service]').first().waitFor();
    const before = await setupNow();

    const page = await openConsole();
    await goTo(page, 'services');
    await page.locator('[data-test="service-add"]').click();
    await page.locator('input[name="service-name"]').fill('Cấp phiếu lý lịch tư pháp');
    await page.locator('input[name="service-nameEn"]').fill('Criminal record certificate');
    await page.locator('input[name="service-field"]').fill('Tư pháp');
    await page.locator('input[name="from-1-0"]').fill('08:00');
    await page.locator('input[name="last-1-0"]').fill('11:00');
    await page.locator('[data-test="copy-monday"]').click();
    await page.locator('[data-test="save"]').click();
    await expect.poll(() => page.locator('[data-test="save-done"]').textContent()).toContain('Đã lưu');
    await screenshot(page, 'admin-service-added');

    const after = await setupNow();
    expect(after.services).toHaveLength(before.services.length + 1);
    // Only the new service changed: the others (and their hours) are as they were.
    expect(after.services.slice(0, -1)).toEqual(before.services);
    const added = after.services.at(-1)!;
    expect(added.name).toBe('Cấp phiếu lý lịch tư pháp');
    expect(added.schedule?.week[3]).toEqual([
      { from: '08:00', to: '11:30', lastNumberAt: '11:00' },
      { from: '13:30', to: '17:00' },
    ]);
    await kiosk.locator(`[data-service="${added.id}"]`).waitFor();
    expect(await kiosk.locator(`[data-service="${added.id}"]`).textContent()).toContain('Cấp phiếu lý lịch tư pháp');
  });

  it('C2 C3: an overlapping session is refused: the message is next to the field and nothing is saved', async () => {
    const before = await setupNow();
    const page = await openConsole();
    await goTo(page, 'services');
    await page.locator(`[data-test="service-${before.services[0]!.id}"]`).click();
    // Monday: a morning session, then one that starts before it ends.
    if ((await page.locator('[data-test="session-1-0"]').count()) === 0)
      await page.locator('[data-test="add-session-1"]').click();
    await page.locator('input[name="from-1-0"]').fill('07:30');
    await page.locator('input[name="to-1-0"]').fill('11:30');
    if ((await page.locator('[data-test="session-1-1"]').count()) === 0)
      await page.locator('[data-test="add-session-1"]').click();
    await page.locator('input[name="from-1-1"]').fill('11:00');
    await page.locator('input[name="to-1-1"]').fill('17:00');
    await page.locator('[data-test="save"]').click();

    const failure = page.locator('[data-test="save-failure"]');
    await expect.poll(() => failure.textContent()).toContain('chưa có gì được lưu');
    const marked = page.locator(
      '[data-test="session-1-1"] [data-test="field-error"], [data-test="session-1-0"] [data-test="field-error"]',
    );
    await expect.poll(() => marked.count()).toBeGreaterThan(0);
    expect((await marked.first().textContent())?.trim()).not.toBe('');
    await screenshot(page, 'admin-service-overlap');
    expect(await setupNow()).toEqual(before);
  });

  it('C4 C8: a counter added shows on the wall without a reload', async () => {
    const wall = await e2e.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    pages.push(wall);
    await wall.goto(`${e2e.hub.url}/display/?token=${e2e.hub.demoTokens!.display}`);
    await wall.locator('.tile').first().waitFor();
    const tilesBefore = await wall.locator('.tile').count();

    const page = await openConsole();
    await goTo(page, 'counters');
    await page.locator('[data-test="counter-add"]').click();
    await page.locator('input[name="counter-name"]').last().fill('Quầy trả kết quả');
    await page.locator('select[name="add-service"]').last().selectOption({ index: 1 });
    await page.locator('[data-test="save"]').click();
    await expect.poll(() => page.locator('[data-test="save-done"]').textContent()).toContain('Đã lưu');
    await screenshot(page, 'admin-counter-added');

    const added = (await setupNow()).counters.at(-1)!;
    expect(added.name).toBe('Quầy trả kết quả');
    await wall.locator(`.tile[data-counter="${added.id}"]`).waitFor();
    expect(await wall.locator('.tile').count()).toBe(tilesBefore + 1);
    await screenshot(wall, 'admin-wall-new-counter');
  });

  it('C10: the calendar starts with Vietnam’s holidays; a holiday typed as dd/mm/yyyy is added, kept unsaved across pages until saved', async () => {
    const page = await openConsole();
    await goTo(page, 'calendar');
    // Pre-filled: Tết 2026 (16/02) and Quốc khánh 2027 (02/09), as the head confirms them each year.
    const holidays = page.locator('[data-test="calendar-holidays"]');
    expect(await holidays.textContent()).toContain('Thứ Hai, 16/02/2026');
    expect(await holidays.textContent()).toContain('Thứ Năm, 02/09/2027');
    await page.locator('input[name="add-holidays"]').fill('15/06/2027');
    await page.locator('[data-test="calendar-holidays"] [data-test="calendar-add"]').click();
    await expect
      .poll(() => page.locator('[data-test="calendar-holidays"]').textContent())
      .toContain('Thứ Ba, 15/06/2027');
    // Another page and back: the unsaved edit is still there.
    await goTo(page, 'centre');
    await goTo(page, 'calendar');
    expect(await page.locator('[data-test="calendar-holidays"]').textContent()).toContain('Thứ Ba, 15/06/2027');
    await page.locator('[data-test="save"]').click();
    await expect.poll(() => page.locator('[data-test="save-done"]').textContent()).toContain('Đã lưu');
    expect((await setupNow()).calendar.holidays).toContain('2027-06-15');
  });

  it('RT1 C8: the centre page sets the rating scale and its reasons, kept with the centre', async () => {
    const page = await openConsole();
    const card = page.locator('[data-test="rating-settings"]');
    await card.locator('input[name="ratingScale"]').nth(1).check();
    await card.locator('textarea[name="ratingReasons"]').fill('Chờ lâu\nCán bộ chưa hướng dẫn rõ');
    await card.locator('input[name="ratingWindow"]').click();
    await page.locator('[data-test="save"]').click();
    await expect.poll(() => page.locator('[data-test="save-done"]').textContent()).toContain('Đã lưu');
    expect((await setupNow()).centre.rating).toEqual({
      scale: 5,
      reasons: ['Chờ lâu', 'Cán bộ chưa hướng dẫn rõ'],
      windowSeconds: 120,
    });
    await screenshot(page, 'admin-centre-rating');
  });

  it('C6 C8: officers: added with a PIN, disabled, PIN reset; a change made elsewhere shows without a reload', async () => {
    const page = await openConsole();
    await goTo(page, 'officers');
    await page.locator('input[name="officer-name"]').fill('Nguyễn Thị Mai');
    await page.locator('input[name="officer-pin"]').fill('12');
    await page.locator('[data-test="officer-add"] button[type="submit"]').click();
    // A PIN too short is refused on the page: nothing is sent.
    await expect
      .poll(() => page.locator('[data-test="officer-add"] [data-test="field-error"]').textContent())
      .toContain('4 đến 8 chữ số');
    await page.locator('input[name="officer-pin"]').fill('2468');
    await page.locator('[data-test="officer-add"] button[type="submit"]').click();
    const row = page.locator('[data-test^="officer-"]', { hasText: 'Nguyễn Thị Mai' });
    await row.waitFor();
    expect((await setupNow()).officers.find((o) => o.name === 'Nguyễn Thị Mai')).toMatchObject({ disabled: false });

    await row.getByRole('button', { name: 'Khoá' }).click();
    await expect.poll(() => row.textContent()).toContain('Đã khoá');
    expect((await setupNow()).officers.find((o) => o.name === 'Nguyễn Thị Mai')).toMatchObject({ disabled: true });

    await row.getByRole('button', { name: 'Đặt lại PIN' }).click();
    await row.locator('input[name="reset-pin"]').fill('13579');
    await row.getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => page.locator('.notice-ok[role="status"]').textContent()).toContain('Nguyễn Thị Mai');
    await screenshot(page, 'admin-officers-added');

    // Another admin (here: the test's socket) renames the centre: the console follows.
    const doc = await setupNow();
    const ack = await socket.emitWithAck('setup:apply', {
      setup: { ...doc, centre: { ...doc.centre, name: 'Trung tâm Phục vụ hành chính công tỉnh Yên Bái' } },
    });
    expect(ack.ok).toBe(true);
    await goTo(page, 'centre');
    await expect
      .poll(() => page.locator('input[name="name"]').inputValue())
      .toBe('Trung tâm Phục vụ hành chính công tỉnh Yên Bái');
  });

  it('G2: a device is revoked only after a confirmation', async () => {
    const page = await openConsole();
    await goTo(page, 'devices');
    const row = page.locator('tr', { hasText: 'demo:kiosk' });
    await row.getByRole('button', { name: 'Thu hồi' }).click();
    const dialog = page.locator('[data-test="revoke-confirm"]');
    expect(await dialog.textContent()).toContain('demo:kiosk');
    await screenshot(page, 'admin-revoke-confirm');
    await dialog.getByRole('button', { name: 'Huỷ' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByRole('button', { name: 'Thu hồi' }).click();
    await page.locator('[data-test="revoke-yes"]').click();
    await expect.poll(() => row.textContent()).toContain('Đã thu hồi');
  });

  it('G6: pairing a new device shows its code large, a countdown and a QR of the address', async () => {
    const page = await openConsole();
    await goTo(page, 'devices');
    await page.locator('select[name="pair-role"]').selectOption('kiosk');
    await page.locator('input[name="pair-label"]').fill('Máy lấy số tầng 2');
    await page.locator('[data-test="pair-create"]').click();
    const code = page.locator('[data-test="pairing-code"]');
    await code.waitFor();
    expect(await code.textContent()).toMatch(/^\d{3} \d{3}$/);
    expect(await page.locator('[data-test="pairing-expires"]').textContent()).toMatch(/Hết hạn sau \d+:\d\d/);
    const qr = page.locator('[data-test="pairing-qr"]');
    await qr.locator('svg').waitFor();
    const url = await qr.getAttribute('data-url');
    expect(url).toMatch(new RegExp(`^${e2e.hub.url}/.*pair=${(await code.textContent())!.replace(' ', '')}`));
    await screenshot(page, 'admin-pairing');
  });
});
