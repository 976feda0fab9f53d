import type { Ack, PairingCode, PairingCreateInput } from '@luot/shared';
import pino from 'pino';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_PASSWORD } from '../../src/demo/demo-centre';
import { startHub, type RunningHub } from '../../src/main';
import { screenshot } from '../support/browser';
import { e2eSession } from '../support/e2e-session';
import { api, connect, tempDbPath, type TestSocket } from '../support/hub';
import { layoutCheck, ORIENTATIONS } from '../support/layout';

const PASSWORD = 'mật-khẩu-quản-trị-2026';

/** What a full-screen page must never do: scrollbars, something off screen, blocks on top of each other, text cut. */
function layoutProblems(page: Page): Promise<string[]> {
  return layoutCheck(
    page,
    ({ screenProblems }) => screenProblems('button, h1, h2, p, input, select, label > span, [role="alert"]').problems,
  );
}

const kept = (page: Page, app: string) => page.evaluate(`localStorage.getItem('luot:${app}:token')`);

describe('C1 G6–G8: the first start, and devices paired by a code or its QR', () => {
  // The demo's hub: a centre with services, set up with the demo's admin password.
  const e2e = e2eSession();
  /** A hub on an empty database: nothing set up. */
  let empty: RunningHub & { url: string };
  let admin: TestSocket;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    const running = await startHub({
      dbPath: tempDbPath(),
      port: 0,
      host: '127.0.0.1',
      demo: false,
      logger: pino({ level: 'silent' }),
    });
    empty = Object.assign(running, { url: `http://127.0.0.1:${running.port}` });
    // The demo is set up with its printed password (C1): the admin signs in with it.
    const res = await api(e2e.hub.url, null, 'POST', '/api/admin/sign-in', { password: DEMO_ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    admin = await connect(e2e.hub.url, res.body!.token as string);
    sockets.push(admin);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await empty?.stop();
  });

  async function codeFor(input: PairingCreateInput): Promise<string> {
    const ack: Ack<PairingCode> = await admin.emitWithAck('pairing:create', input);
    if (!ack.ok) throw new Error(`pairing:create refused: ${ack.code}`);
    return ack.data.code;
  }

  it('G8: on an empty hub the kiosk and the wall say the centre is not set up and where to set it up, either way up', async () => {
    for (const app of ['kiosk', 'display'] as const) {
      for (const [orientation, viewport] of ORIENTATIONS) {
        const page = await e2e.browser.newPage({ viewport });
        await page.goto(`${empty.url}/${app}/`);
        await page.locator('[data-test="not-set-up"]').waitFor();
        const text = (await page.locator('[data-test="pairing"]').textContent()) ?? '';
        expect(text).toContain('Trung tâm chưa được thiết lập');
        expect(text).toContain(`${empty.url}/counter/`);
        expect(await layoutProblems(page), `${app} ${orientation}`).toEqual([]);
        await screenshot(page, `pairing-not-set-up-${app}-${orientation}`);
        await page.close();
      }
    }
  });

  it('C1 G8: the hub’s own address opens the first start; a short password is refused under its field; filled in, the browser lands in the admin console', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${empty.url}/`);
    await page.locator('[data-test="first-start"]').waitFor();
    expect(page.url()).toBe(`${empty.url}/counter/`);
    expect(await layoutProblems(page)).toEqual([]);
    await screenshot(page, 'pairing-first-start');

    await page.fill('input[name="password"]', 'ngắn');
    await page.fill('input[name="again"]', 'ngắn');
    await page.fill('input[name="name"]', 'Bộ phận một cửa xã Tân Lập');
    await page.locator('[data-test="first-start-submit"]').click();
    await expect
      .poll(() => page.locator('[data-test="problem-password"]').textContent())
      .toBe('Mật khẩu cần ít nhất 10 ký tự.');
    expect(await page.locator('[data-test="problem-level"]').textContent()).toBe('Hãy chọn cấp của trung tâm.');
    await screenshot(page, 'pairing-first-start-refused');
    expect((await api(empty.url, null, 'GET', '/api/setup/status')).body).toMatchObject({ setUp: false });

    await page.fill('input[name="password"]', PASSWORD);
    await page.fill('input[name="again"]', PASSWORD);
    await page.selectOption('select[name="level"]', 'commune');
    await page.fill('input[name="address"]', 'Thôn Đông, xã Tân Lập');
    await page.keyboard.press('Enter');
    await page.locator('[data-test="admin-tabs"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-test="tab-admin"]').getAttribute('aria-selected')).toBe('true');
    expect(await kept(page, 'counter')).toMatch(/\S{20,}/);
    expect((await api(empty.url, null, 'GET', '/api/setup/status')).body).toEqual({
      setUp: true,
      centreName: 'Bộ phận một cửa xã Tân Lập',
    });
    await screenshot(page, 'pairing-first-start-admin');
    await page.locator('[data-test="tab-counter"]').click();
    expect(await page.locator('[data-test="tab-counter"]').getAttribute('aria-selected')).toBe('true');
    await page.close();
  });

  it('G7 G8: a counter computer without a token offers the code and the admin’s sign-in with the password', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${e2e.hub.url}/counter/`);
    await page.locator('[data-test="pair-form"]').waitFor();
    expect(await layoutProblems(page)).toEqual([]);
    await screenshot(page, 'pairing-counter-form');
    await page.locator('[data-test="admin-sign-in"]').click();
    await page.fill('input[name="password"]', 'không-đúng-mật-khẩu');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('[data-test="sign-in-error"]').textContent())
      .toBe('Mật khẩu quản trị không đúng.');
    await page.fill('input[name="password"]', DEMO_ADMIN_PASSWORD);
    await page.keyboard.press('Enter');
    await page.locator('[data-test="admin-tabs"]').waitFor({ timeout: 15_000 });
    await page.close();
  });

  it('G6 G8: a code typed on the kiosk pairs it and the kiosk shows its services; a wrong code or a display’s code is refused in words', async () => {
    for (const [orientation, viewport] of ORIENTATIONS) {
      const page = await e2e.browser.newPage({ viewport });
      await page.goto(`${e2e.hub.url}/kiosk/`);
      await page.locator('[data-test="pair-form"]').waitFor();
      expect(await layoutProblems(page), orientation).toEqual([]);
      await screenshot(page, `pairing-form-kiosk-${orientation}`);
      await page.close();
    }
    const page = await e2e.browser.newPage({ viewport: ORIENTATIONS[1][1] });
    await page.goto(`${e2e.hub.url}/kiosk/`);
    await page.locator('[data-test="pair-form"]').waitFor();

    // A display's code: refused, and left usable for the display.
    const wallCode = await codeFor({ role: 'display', displayId: 1, label: 'Màn hình thử' });
    await page.fill('input[name="code"]', wallCode);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('[data-test="pair-error"]').textContent())
      .toContain('Mã này dùng cho màn hình hiển thị, không dùng được trên máy lấy số.');
    expect(await layoutProblems(page)).toEqual([]);
    await screenshot(page, 'pairing-kiosk-wrong-app');

    // Five digits: said before anything is sent.
    await page.fill('input[name="code"]', '12345');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('[data-test="pair-error"]').textContent())
      .toBe('Mã ghép nối gồm đúng 6 chữ số.');

    const code = await codeFor({ role: 'kiosk', label: 'Kiosk ghép bằng mã' });
    // Typed on the screen's keypad.
    await page.fill('input[name="code"]', '');
    for (const digit of code)
      await page.locator('.keypad button', { hasText: new RegExp(`^\\s*${digit}\\s*$`) }).click();
    expect(await page.inputValue('input[name="code"]')).toBe(code);
    await page.locator('[data-test="pair-submit"]').click();
    await page.locator('[data-service="1"]').waitFor({ timeout: 15_000 });
    expect(await kept(page, 'kiosk')).toMatch(/\S{20,}/);
    expect(page.url()).toBe(`${e2e.hub.url}/kiosk/`);
    await page.close();

    // The display's code was not used up by the kiosk.
    const res = await api(e2e.hub.url, null, 'POST', '/api/pair', { code: wallCode, app: 'display' });
    expect([res.status, res.body?.role]).toEqual([200, 'display']);
  });

  it('G8: a wall opened at its QR’s address (?pair=) pairs at once and the code leaves the address bar', async () => {
    const code = await codeFor({ role: 'display', displayId: 1, label: 'Màn hình QR' });
    const page = await e2e.browser.newPage({ viewport: ORIENTATIONS[0][1] });
    await page.goto(`${e2e.hub.url}/display/?pair=${code}`);
    await page.locator('.tile').first().waitFor({ timeout: 15_000 });
    expect(page.url()).toBe(`${e2e.hub.url}/display/`);
    expect(await kept(page, 'display')).toMatch(/\S{20,}/);
    await screenshot(page, 'pairing-display-paired');

    // The same QR again: the code is used; the page says so and stays on the form.
    const again = await e2e.browser.newPage({ viewport: ORIENTATIONS[0][1] });
    await again.goto(`${e2e.hub.url}/display/?pair=${code}`);
    await expect.poll(() => again.locator('[data-test="pair-error"]').count(), { timeout: 10_000 }).toBe(1);
    expect(await again.locator('[data-test="pair-error"]').textContent()).toContain(
      'Mã ghép nối không đúng hoặc đã hết hạn.',
    );
    expect(again.url()).toBe(`${e2e.hub.url}/display/`);
    await screenshot(again, 'pairing-display-used-code');
    await page.close();
    await again.close();
  });
});
