import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { e2eSession } from '../support/e2e-session';
import { api, startTestHub, staffCounters } from '../support/hub';

describe('journey: kiosk → counter → display', () => {
  const e2e = e2eSession();

  it('a ticket taken at the kiosk is called at counter 1 and shown on the wall', async () => {
    const tokens = e2e.hub.demoTokens!;
    const display = await e2e.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await display.goto(`${e2e.hub.url}/display/?token=${tokens.display}`);
    await display.locator('[data-counter="1"]').waitFor();

    const kiosk = await e2e.browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await kiosk.goto(`${e2e.hub.url}/kiosk/?token=${tokens.kiosk}`);
    await kiosk.locator('[data-service="1"]').click();
    const number = kiosk.locator('[data-test="ticket-number"]');
    await expect.poll(() => number.textContent()).toBe('1001');
    await expect.poll(() => kiosk.locator('[data-test="ticket"]').textContent()).toContain('Đất đai');
    await screenshot(kiosk, 'journey-1-kiosk-ticket');

    const counter1 = tokens.counters.find((c) => c.number === 1)!;
    const counter = await e2e.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await counter.goto(`${e2e.hub.url}/counter/?token=${counter1.token}`);
    await counter.fill('input[name="name"]', 'Lan');
    await counter.fill('input[name="pin"]', '1234');
    await counter.keyboard.press('Enter');
    await expect.poll(() => counter.locator('[data-waiting="1"]').textContent()).toBe('1');
    await counter.locator('[data-action="callNext"]').click();
    await expect.poll(() => counter.locator('[data-test="current-number"]').textContent()).toBe('1001');
    await screenshot(counter, 'journey-2-counter-called');

    const tile = display.locator('[data-counter="1"] [data-test="tile-number"]');
    await expect.poll(() => tile.textContent()).toBe('1001');
    await expect.poll(() => display.locator('[data-test="last-calls"]').textContent()).toContain('1001');
    await screenshot(display, 'journey-3-display-called');

    // The token was taken from the address bar and kept: a reload still works.
    expect(kiosk.url()).not.toContain('token=');
    await kiosk.reload();
    await kiosk.locator('[data-service="1"]').waitFor();
  });

  it('a display that loses the hub says so, reconnects by itself and shows the current state', async () => {
    const tokens = e2e.hub.demoTokens!;
    const display = await e2e.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await display.goto(`${e2e.hub.url}/display/?token=${tokens.display}`);
    await display.locator('[data-counter="3"]').waitFor();

    const { dbPath, port } = e2e.hub;
    await e2e.hub.stop();
    await display.locator('[data-test="offline"]').waitFor();
    expect(await display.locator('[data-test="offline"]').textContent()).toContain('Mất kết nối');
    await screenshot(display, 'journey-4-display-offline');

    e2e.hub = await startTestHub({ dbPath, port });
    const counter3 = tokens.counters.find((c) => c.number === 3)!.token;
    await api(e2e.hub.url, tokens.kiosk, 'POST', '/api/tickets', { serviceId: 2 });
    staffCounters(e2e.hub, [3]); // Q18: an officer at counter 3
    const called = await api(e2e.hub.url, counter3, 'POST', '/api/counters/3/call-next');
    expect(called.body).toMatchObject({ number: 2001 });

    const tile = display.locator('[data-counter="3"] [data-test="tile-number"]');
    await expect.poll(() => tile.textContent(), { timeout: 15_000 }).toBe('2001');
    await display.locator('[data-test="offline"]').waitFor({ state: 'detached' });
    // The call made before the drop is still on the wall after it.
    expect(await display.locator('[data-counter="1"] [data-test="tile-number"]').textContent()).toBe('1001');
  });
});
