import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { e2eSession } from '../support/e2e-session';
import { api } from '../support/hub';

describe("an officer's morning at counter 4, by keyboard", () => {
  const e2e = e2eSession();

  it('signs in, calls, recalls, marks a no-show, transfers, finishes and pauses', async () => {
    const t = e2e.hub.demoTokens!;
    const issue = async (serviceId: number) =>
      (await api(e2e.hub.url, t.kiosk, 'POST', '/api/tickets', { serviceId })).body!;
    await issue(2); // 2001
    await issue(2); // 2002
    await issue(5); // 5001
    const token = t.counters.find((c) => c.number === 4)!.token;
    const page = await e2e.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${e2e.hub.url}/counter/?token=${token}`);

    await page.fill('input[name="name"]', 'Thu');
    await page.fill('input[name="pin"]', '9999');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[role="alert"]').first().textContent()).toContain('mã PIN không đúng');
    await page.fill('input[name="pin"]', '1234');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-test="officer"]').textContent()).toContain('Thu');
    await expect.poll(() => page.locator('[data-test="next"]').textContent()).toContain('2001');

    const current = page.locator('[data-test="current-number"]');
    // An officer presses the next key once the screen is ready: a key pressed while the previous
    // action is in flight is ignored, as its button is (the pause button is disabled only then).
    const press = async (key: string): Promise<void> => {
      await page.locator('[data-action="pause"]:not([disabled])').waitFor();
      await page.keyboard.press(key);
    };
    const status = page.locator('[data-test="current-status"]');
    await press('g'); // Gọi tiếp
    await expect.poll(() => current.textContent()).toBe('2001');
    await press('l'); // Gọi lại
    await expect
      .poll(() => e2e.hub.db.prepare("SELECT COUNT(*) AS n FROM calls WHERE kind = 'recall'").get())
      .toEqual({ n: 1 });
    await press('v'); // Vắng mặt
    await expect.poll(() => page.locator('[data-test="current"]').textContent()).toContain('Chưa gọi số nào');

    await press('F1'); // Gọi tiếp from a caller keypad
    await expect.poll(() => current.textContent()).toBe('2002');
    await press('b'); // Bắt đầu
    await expect.poll(() => status.textContent()).toContain('Đang phục vụ');
    await screenshot(page, 'counter-1-serving');
    await press('c'); // Chuyển
    await page.locator('[data-test="transfer-dialog"]').waitFor();
    await screenshot(page, 'counter-2-transfer-dialog');
    await page.locator('[data-transfer="5"]').click();
    await expect.poll(() => page.locator('[data-test="next"]').textContent()).toContain('2002');

    await press('g'); // 2002 was issued before 5001 and keeps its place
    await expect.poll(() => current.textContent()).toBe('2002');
    await press('h'); // Hoàn thành
    await expect.poll(() => page.locator('[data-test="current"]').textContent()).toContain('Chưa gọi số nào');
    await press('t'); // Tạm dừng
    await page.locator('[data-test="paused"]').waitFor();
    await press('g');
    await expect.poll(() => current.count()).toBe(0);
    await screenshot(page, 'counter-3-paused');

    const statuses = e2e.hub.db.prepare('SELECT number, service_id, status, officer_id FROM tickets ORDER BY id').all();
    expect(statuses).toEqual([
      { number: 2001, service_id: 2, status: 'noShow', officer_id: expect.any(Number) as number },
      { number: 2002, service_id: 2, status: 'transferred', officer_id: expect.any(Number) as number },
      { number: 5001, service_id: 5, status: 'waiting', officer_id: null },
      { number: 2002, service_id: 5, status: 'done', officer_id: expect.any(Number) as number },
    ]);
  });
});
