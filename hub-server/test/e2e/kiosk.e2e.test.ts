import { startVirtualPrinter, type PrintedTicket, type VirtualPrinter } from '@luot/hardware';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { e2eSession } from '../support/e2e-session';
import { api, staffCounters } from '../support/hub';

describe('kiosk: take a number, print it, follow it on a phone', () => {
  const e2e = e2eSession();
  let printer: VirtualPrinter;

  const qrOnPaper = (t: PrintedTicket | undefined): string | undefined => {
    const qr = t?.elements.find((e) => e.kind === 'qr');
    return qr?.kind === 'qr' ? qr.data : undefined;
  };
  const ticketsOf = (serviceId: number) =>
    e2e.hub.db
      .prepare<[number], { id: number; label: string; priority: string | null; status: string }>(
        'SELECT id, label, priority, status FROM tickets WHERE service_id = ? ORDER BY id',
      )
      .all(serviceId);
  async function openKiosk(printerUrl: string | null, label: string): Promise<Page> {
    const token = e2e.hub.hub.devices.create('kiosk', null, label, Date.now(), { printer: printerUrl });
    const page = await e2e.browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${e2e.hub.url}/kiosk/?token=${token}`);
    await page.locator('[data-service="1"]').waitFor();
    return page;
  }

  beforeAll(async () => {
    printer = await startVirtualPrinter({ paper: 80 });
  });
  afterAll(async () => {
    await printer?.close();
  });

  it('K1 K4 K9: a ticket taken at the kiosk prints on its network printer with the same QR as on screen', async () => {
    const kiosk = await openKiosk(printer.url, 'kiosk-sảnh-1');
    await expect.poll(() => kiosk.locator('[data-service="1"]').textContent()).toContain('0 người đang chờ');
    await screenshot(kiosk, 'kiosk-1-home');

    await kiosk.locator('[data-service="1"]').click();
    await expect.poll(() => kiosk.locator('[data-test="ticket-number"]').textContent()).toBe('1001');
    const status = kiosk.locator('[data-test="print-status"]');
    await expect.poll(() => status.getAttribute('data-tone')).toBe('ok');
    expect(await status.textContent()).toContain('Đã in vé');

    const qrUrl = await kiosk.locator('[data-test="ticket-qr"]').getAttribute('data-url');
    expect(qrUrl).toMatch(new RegExp(`^${e2e.hub.url}/t/[A-Za-z0-9_-]{16}$`));
    expect(await kiosk.locator('[data-test="ticket-qr"] svg').count()).toBe(1);
    expect(qrOnPaper(printer.tickets.at(-1))).toBe(qrUrl);
    await screenshot(kiosk, 'kiosk-3-ticket-qr');
  });

  it('K5 K7: the priority path marks the ticket; 20 s without a touch brings back the start, in Vietnamese', async () => {
    const kiosk = await openKiosk(null, 'kiosk-ưu-tiên');
    await kiosk.clock.install();
    await kiosk.locator('[data-test="priority"]').click();
    await kiosk.locator('[data-priority="elderly"]').waitFor();
    expect(await kiosk.locator('[data-test="priority-chooser"]').textContent()).toContain(
      'Người có công với cách mạng',
    );
    await screenshot(kiosk, 'kiosk-2-priority-chooser');

    await kiosk.locator('[data-priority="elderly"]').click();
    expect(await kiosk.locator('[data-test="priority-chosen"]').textContent()).toContain('Ưu tiên: Người cao tuổi');
    await kiosk.locator('[data-service="2"]').click();
    await expect.poll(() => kiosk.locator('[data-test="ticket-priority"]').textContent()).toContain('Người cao tuổi');
    const label = await kiosk.locator('[data-test="ticket-number"]').textContent();
    expect(ticketsOf(2).find((t) => t.label === label)).toMatchObject({ priority: 'elderly', status: 'waiting' });
    // No printer for this kiosk: nothing is said about paper.
    expect(await kiosk.locator('[data-test="print-status"]').count()).toBe(0);
    await screenshot(kiosk, 'kiosk-6-priority-ticket');

    await kiosk.locator('[data-test="lang"]').click();
    await expect.poll(() => kiosk.locator('[data-test="ticket"]').textContent()).toContain('Your number');
    await kiosk.clock.fastForward(19_000);
    expect(await kiosk.locator('[data-test="ticket"]').count()).toBe(1);
    await kiosk.clock.fastForward(2_000);
    await kiosk.locator('[data-test="ticket"]').waitFor({ state: 'detached' });
    expect(await kiosk.locator('h1').textContent()).toBe('Lấy số thứ tự');
    expect(await kiosk.locator('[data-test="priority-chosen"]').count()).toBe(0);
  });

  it('K6: a double tap gives one ticket, and one paper ticket', async () => {
    const kiosk = await openKiosk(printer.url, 'kiosk-chạm-đúp');
    const printedBefore = printer.tickets.length;
    // Two taps in the same instant, before the screen can react: only the guard stands between them.
    await kiosk.locator('[data-service="3"]').evaluate((button: { click(): void }) => {
      button.click();
      button.click();
    });
    await expect.poll(() => kiosk.locator('[data-test="print-status"]').getAttribute('data-tone')).toBe('ok');
    expect(ticketsOf(3)).toHaveLength(1);
    expect(printer.tickets.length).toBe(printedBefore + 1);

    // And the real gesture, on the next citizen's turn.
    await kiosk.locator('[data-test="done"]').click();
    await kiosk.locator('[data-service="3"]').dblclick();
    await expect.poll(() => kiosk.locator('[data-test="ticket-number"]').textContent()).toBe('3002');
    await expect.poll(() => kiosk.locator('[data-test="print-status"]').getAttribute('data-tone')).toBe('ok');
    expect(ticketsOf(3)).toHaveLength(2);
    expect(printer.tickets.length).toBe(printedBefore + 2);
  });

  it('K2 K9: paper out — the kiosk says so in Vietnamese, the ticket stays valid on screen with its QR, the hub logs it', async () => {
    const empty = await startVirtualPrinter({ paper: 80, condition: { paperOut: true } });
    try {
      const kiosk = await openKiosk(empty.url, 'kiosk-hết-giấy');
      await kiosk.locator('[data-service="4"]').click();
      const status = kiosk.locator('[data-test="print-status"]');
      await expect.poll(() => status.getAttribute('data-tone')).toBe('error');
      expect(await status.textContent()).toContain('Máy in hết giấy. Số thứ tự trên màn hình vẫn có giá trị.');
      expect(await kiosk.locator('[data-test="ticket-number"]').textContent()).toBe('4001');
      const qrUrl = (await kiosk.locator('[data-test="ticket-qr"]').getAttribute('data-url'))!;
      await screenshot(kiosk, 'kiosk-4-paper-out');

      expect(empty.tickets).toHaveLength(0);
      const publicId = qrUrl.split('/t/')[1]!;
      expect((await api(e2e.hub.url, null, 'GET', `/api/public/tickets/${publicId}`)).body).toMatchObject({
        label: '4001',
        status: 'waiting',
      });
      const [ticket] = ticketsOf(4);
      const logged = e2e.hub.db
        .prepare<[number], { data: string }>(
          "SELECT data FROM queue_events WHERE ticket_id = ? AND type = 'printFailed'",
        )
        .all(ticket!.id);
      expect(logged.map((l) => JSON.parse(l.data) as unknown)).toEqual([
        { printer: empty.url, code: 'PRINTER_PAPER_OUT' },
      ]);
    } finally {
      await empty.close();
    }
  });

  it('P1 P2 P5 I3 I4: the phone page names the centre, follows the ticket and says "Đã đến lượt — mời công dân đến quầy 6" when it is called', async () => {
    const kiosk = e2e.hub.demoTokens!.kiosk;
    const counter6 = e2e.hub.demoTokens!.counters.find((c) => c.number === 6)!.token;
    await api(e2e.hub.url, kiosk, 'POST', '/api/tickets', { serviceId: 5 });
    const mine = (await api(e2e.hub.url, kiosk, 'POST', '/api/tickets', { serviceId: 5 })).body as {
      publicId: string;
      label: string;
    };

    const phone = await e2e.browser.newPage({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
    });
    await phone.goto(`${e2e.hub.url}/t/${mine.publicId}`);
    const headline = phone.locator('[data-test="headline"]');
    await expect.poll(() => headline.textContent()).toContain('Phía trước còn 1 người');
    expect(await phone.locator('[data-test="centre-name"]').textContent()).toBe(
      'Trung tâm Phục vụ hành chính công xã Mù Cang Chải',
    );
    expect(await phone.locator('[data-test="number"]').textContent()).toBe(mine.label);
    expect(await phone.textContent('body')).toContain('Lao động – Thương binh và Xã hội');
    await screenshot(phone, 'phone-1-waiting');

    staffCounters(e2e.hub, [6]); // Q18: an officer at counter 6
    await api(e2e.hub.url, counter6, 'POST', '/api/counters/6/call-next');
    await expect.poll(() => headline.textContent(), { timeout: 15_000 }).toContain('Phía trước không còn ai');
    // Nobody ahead and a counter open: "sắp đến lượt", never "khoảng 0 phút".
    expect(await phone.locator('[data-test="wait"]').textContent()).toBe('Sắp đến lượt');
    await screenshot(phone, 'phone-1b-next');
    await api(e2e.hub.url, counter6, 'POST', '/api/counters/6/call-next', { resolve: 'served' });
    await expect
      .poll(() => headline.textContent(), { timeout: 15_000 })
      .toContain('Đã đến lượt — mời công dân đến quầy 6');
    expect(await phone.textContent('body')).not.toMatch(/(^|[^\p{L}])bạn($|[^\p{L}])/iu);
    await screenshot(phone, 'phone-2-called');

    const missing = await e2e.browser.newPage({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
    });
    const res = await missing.goto(`${e2e.hub.url}/t/AAAAAAAAAAAAAAAA`);
    expect(res?.status()).toBe(404);
    await expect
      .poll(() => missing.locator('[data-test="not-found"]').textContent())
      .toContain('Không tìm thấy số thứ tự này');
    await screenshot(missing, 'phone-3-not-found');
  });
});
