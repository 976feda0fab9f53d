import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { e2eSession } from '../support/e2e-session';
import { api } from '../support/hub';

const REVOKED = 'Thiết bị này đã bị thu hồi mã truy cập';

describe('G3 G4: a device is paired once through its URL, then by the token it kept', () => {
  const e2e = e2eSession();

  /** Every URL the page asks for (pages, scripts, API calls, the socket), for a token that should not be there. */
  function urlsOf(page: Page): string[] {
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    page.on('websocket', (ws) => urls.push(ws.url()));
    return urls;
  }
  const kept = (page: Page, app: string) => page.evaluate(`localStorage.getItem('luot:${app}:token')`);
  const deviceId = async (label: string): Promise<number> => {
    const res = await api(e2e.hub.url, e2e.hub.demoTokens!.admin, 'GET', '/api/devices');
    return (res.body!.devices as { id: number; label: string }[]).find((d) => d.label === label)!.id;
  };

  it('G3: the kiosk takes ?token= once: the address bar loses it as the page loads, and a reload without it still works', async () => {
    const token = e2e.hub.hub.devices.create('kiosk', null, 'kiosk-ghép-nối', Date.now());
    const page = await e2e.browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${e2e.hub.url}/kiosk/?token=${token}`);
    await page.locator('[data-service="1"]').waitFor();
    expect(page.url()).toBe(`${e2e.hub.url}/kiosk/`);
    expect(await kept(page, 'kiosk')).toBe(token);

    const urls = urlsOf(page);
    await page.reload();
    await page.locator('[data-service="1"]').waitFor();
    await expect.poll(() => page.locator('[data-service="1"]').textContent()).toContain('người đang chờ');
    await page.locator('[data-service="1"]').click();
    await expect.poll(() => page.locator('[data-test="ticket-number"]').textContent()).toMatch(/^\d+$/);
    expect(page.url()).toBe(`${e2e.hub.url}/kiosk/`);
    // The reload, its scripts, the socket and every API call: none carries the token in its URL.
    expect(urls.some((u) => u.includes('/socket.io/'))).toBe(true);
    expect(urls.filter((u) => u.includes(token))).toEqual([]);
    await page.close();
  });

  it('G3: the wall, paired once, sends its token only in headers: the socket and the announcement audio (Bearer, as a blob)', async () => {
    const t = e2e.hub.demoTokens!;
    const token = e2e.hub.hub.devices.create('display', null, 'màn-hình-ghép-nối', Date.now(), { displayId: 1 });
    const page = await e2e.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${e2e.hub.url}/display/?token=${token}`);
    await page.locator('.tile').first().waitFor();
    expect(page.url()).toBe(`${e2e.hub.url}/display/`);

    const urls = urlsOf(page);
    const audio: { url: string; authorization: string | undefined }[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/announcements/audio'))
        audio.push({ url: r.url(), authorization: r.headers().authorization });
    });
    await page.reload();
    await page.locator('.tile').first().waitFor();
    await expect.poll(() => page.locator('[data-test="hero-number"]').count()).toBe(0);

    // Counter 2 calls a ticket; the wall shows it and fetches its audio.
    const counter = t.counters.find((c) => c.number === 2)!;
    expect((await api(e2e.hub.url, t.kiosk, 'POST', '/api/tickets', { serviceId: 1 })).status).toBe(201);
    const signIn = { name: 'Hùng', pin: '1234' };
    expect(
      (await api(e2e.hub.url, counter.token, 'POST', `/api/counters/${counter.counterId}/sign-in`, signIn)).status,
    ).toBe(200);
    expect((await api(e2e.hub.url, counter.token, 'POST', `/api/counters/${counter.counterId}/call-next`)).status).toBe(
      200,
    );
    await expect.poll(() => page.locator('[data-test="hero-number"]').textContent()).toMatch(/\d+/);
    await expect.poll(() => audio.length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(audio[0]!.authorization).toBe(`Bearer ${token}`);
    expect(urls.filter((u) => u.includes(token))).toEqual([]);
    await page.close();
  });

  it('G4: a revoked device’s screen says so in Vietnamese and forgets its token; a device not revoked goes on', async () => {
    const t = e2e.hub.demoTokens!;
    const kioskToken = e2e.hub.hub.devices.create('kiosk', null, 'kiosk-thu-hồi', Date.now());
    const kiosk = await e2e.browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await kiosk.goto(`${e2e.hub.url}/kiosk/?token=${kioskToken}`);
    await kiosk.locator('[data-service="1"]').waitFor();

    const wall = await e2e.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await wall.goto(`${e2e.hub.url}/display/?token=${t.display}`);
    await wall.locator('.tile').first().waitFor();

    const counter = t.counters[0]!;
    const desk = await e2e.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await desk.goto(`${e2e.hub.url}/counter/?token=${counter.token}`);
    await desk.locator('input[name="name"]').waitFor();

    for (const label of ['kiosk-thu-hồi', 'demo:display']) {
      const res = await api(e2e.hub.url, t.admin, 'POST', `/api/devices/${await deviceId(label)}/revoke`);
      expect(res.status).toBe(200);
    }
    for (const [page, app] of [
      [kiosk, 'kiosk'],
      [wall, 'display'],
    ] as const) {
      await expect
        .poll(() => page.locator('[data-test="revoked"]').textContent(), { timeout: 10_000 })
        .toContain(REVOKED);
      await expect.poll(() => kept(page, app)).toBeNull();
    }
    await screenshot(kiosk, 'device-revoked-kiosk');
    await screenshot(wall, 'device-revoked-wall');

    // Forgotten: a reload has no token to offer and asks for one.
    await kiosk.reload();
    await expect.poll(() => kiosk.locator('.fatal').textContent()).toContain('chưa được cấp mã truy cập');

    // The counter was not revoked: its screen still works.
    expect(await desk.locator('[data-test="revoked"]').count()).toBe(0);
    await desk.fill('input[name="name"]', 'Thu');
    await desk.fill('input[name="pin"]', '1234');
    await desk.keyboard.press('Enter');
    await expect.poll(() => desk.locator('[data-test="officer"]').textContent()).toContain('Thu');
    for (const page of [kiosk, wall, desk]) await page.close();
  });
});
