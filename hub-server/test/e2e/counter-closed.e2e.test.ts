import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { e2eSession } from '../support/e2e-session';
import { api } from '../support/hub';

describe('an officer moves counters; a called citizen is resolved with one key', () => {
  const e2e = e2eSession();

  it('Q18 Q19: call next asks served or no-show; moving asks first, and the counter left says it is closed', async () => {
    const t = e2e.hub.demoTokens!;
    const issue = async (serviceId: number) =>
      (await api(e2e.hub.url, t.kiosk, 'POST', '/api/tickets', { serviceId })).body!;
    await issue(2); // 2001
    await issue(2); // 2002
    const tokenOf = (n: number) => t.counters.find((c) => c.number === n)!.token;
    const first = await e2e.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await first.goto(`${e2e.hub.url}/counter/?token=${tokenOf(4)}`);
    await first.fill('input[name="name"]', 'Thu');
    await first.fill('input[name="pin"]', '1234');
    await first.keyboard.press('Enter');
    await expect.poll(() => first.locator('[data-test="officer"]').textContent()).toContain('Thu');
    const press = async (key: string): Promise<void> => {
      await first.locator('[data-action="pause"]:not([disabled])').waitFor();
      await first.keyboard.press(key);
    };
    const current = first.locator('[data-test="current-number"]');
    await press('g');
    await expect.poll(() => current.textContent()).toBe('2001');
    // Q19: 2001 never started: call next asks what became of the citizen.
    await press('g');
    const resolve = first.locator('[data-test="resolve"]');
    await resolve.waitFor();
    expect(await resolve.textContent()).toContain('Số 2001 đã được gọi nhưng chưa bắt đầu phục vụ');
    await screenshot(first, 'counter-closed-1-resolve');
    await first.keyboard.press('d'); // Đã đến — served
    await expect.poll(() => current.textContent()).toBe('2002');
    expect(e2e.hub.db.prepare('SELECT status FROM tickets WHERE number = 2001').get()).toEqual({ status: 'done' });

    // Q18: the same officer signs in at counter 1: asked first.
    const second = await e2e.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await second.goto(`${e2e.hub.url}/counter/?token=${tokenOf(1)}`);
    await second.fill('input[name="name"]', 'Thu');
    await second.fill('input[name="pin"]', '1234');
    await second.keyboard.press('Enter');
    const confirm = second.locator('[data-test="move-confirm"]');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Cán bộ Thu đang đăng nhập ở quầy 4.');
    expect(await confirm.textContent()).toContain('Chuyển sang làm việc tại quầy 1? Quầy 4 sẽ đóng.');
    await screenshot(second, 'counter-closed-2-move-confirm');
    await second.locator('[data-test="move-yes"]').click();
    await expect.poll(() => second.locator('[data-test="officer"]').textContent()).toContain('Thu');

    // The counter left: back to sign-in, saying it is closed and where the officer went.
    const closed = first.locator('[data-test="closed"]');
    await expect.poll(() => closed.textContent()).toBe('Quầy đã đóng — cán bộ Thu đã chuyển sang quầy 1.');
    await screenshot(first, 'counter-closed-3-left');
    expect(await first.locator('[data-test="sign-in"]').count()).toBe(1);

    // The wall shows the counter left as closed, the one moved to as open.
    const wall = await e2e.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await wall.goto(`${e2e.hub.url}/display/?token=${t.display}`);
    const tile = (n: number) => wall.locator(`[data-counter="${n}"] [data-test="tile-number"]`);
    await expect.poll(() => tile(4).textContent()).toContain('Quầy đóng');
    expect(await wall.locator('[data-counter="4"]').getAttribute('class')).toContain('closed');
    expect(await tile(1).textContent()).not.toContain('Quầy đóng');
    await screenshot(wall, 'counter-closed-wall');
    await wall.close();
  });

  it('Q21 Q22: the officer types a number to call it out of order, and calls back a no-show who returned', async () => {
    const t = e2e.hub.demoTokens!;
    // This centre lets a no-show be marked at once (Q20).
    e2e.hub.hub.centre.saveSettings({ ...e2e.hub.hub.centre.settings()!, noShowAfterSeconds: 0 });
    const issue = async (serviceId: number) =>
      (await api(e2e.hub.url, t.kiosk, 'POST', '/api/tickets', { serviceId })).body!;
    await issue(2); // 2003
    await issue(2); // 2004
    const page = await e2e.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${e2e.hub.url}/counter/?token=${t.counters.find((c) => c.number === 3)!.token}`);
    await page.fill('input[name="name"]', 'Hoa');
    await page.fill('input[name="pin"]', '1234');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-test="officer"]').textContent()).toContain('Hoa');
    const current = page.locator('[data-test="current-number"]');

    await page.locator('[data-test="open-call-number"]:not([disabled])').waitFor();
    await page.keyboard.press('s');
    const dialog = page.locator('[data-test="call-number-dialog"]');
    await dialog.waitFor();
    await page.locator('input[name="number"]').fill('2004');
    await screenshot(page, 'counter-closed-4-call-number');
    await page.keyboard.press('Enter');
    await expect.poll(() => current.textContent()).toBe('2004');
    const called = e2e.hub.db
      .prepare("SELECT data FROM queue_events WHERE type = 'called' ORDER BY id DESC LIMIT 1")
      .get() as { data: string };
    expect(JSON.parse(called.data)).toEqual({ outOfOrder: true, number: 2004 });

    await page.locator('[data-action="pause"]:not([disabled])').waitFor();
    await page.keyboard.press('v'); // Vắng mặt
    await expect.poll(() => current.count()).toBe(0);
    await page.locator('[data-test="open-call-number"]:not([disabled])').waitFor();
    await page.keyboard.press('F8');
    await dialog.waitFor();
    await page.locator('input[name="number"]').fill('2004');
    await page.locator('[data-test="recall-no-show"]').click();
    await expect.poll(() => current.textContent()).toBe('2004');
    await screenshot(page, 'counter-closed-5-no-show-back');
    expect(e2e.hub.db.prepare('SELECT status FROM tickets WHERE number = 2004').get()).toEqual({ status: 'called' });
    expect(e2e.hub.db.prepare('SELECT kind FROM calls ORDER BY seq DESC LIMIT 1').get()).toEqual({ kind: 'recall' });
  });
});
