import { manualClock } from '@luot/shared';
import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { e2eSession } from '../support/e2e-session';

const day = [
  { from: '07:30', to: '11:30', lastNumberAt: '11:00' },
  { from: '13:30', to: '17:00', lastNumberAt: '16:30' },
];

describe('the kiosk outside a service’s hours', () => {
  // 00:05 on Sunday 29/11/2026 in Hà Nội.
  const e2e = e2eSession({ clock: manualClock(Date.parse('2026-11-28T17:05:00Z')) });

  it('Q23 Q24: a tap at 00:05 on a Sunday issues nothing and says when the service opens next', async () => {
    e2e.hub.hub.centre.setSchedule(1, { week: [[], day, day, day, day, day, []] });
    const kiosk = await e2e.browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await kiosk.goto(`${e2e.hub.url}/kiosk/?token=${e2e.hub.demoTokens!.kiosk}`);
    await kiosk.locator('[data-service="1"]').click();
    const alert = kiosk.locator('[role="alert"]');
    await expect
      .poll(() => alert.textContent())
      .toBe('Dịch vụ đang ngoài giờ tiếp nhận. Mời công dân quay lại lúc 7:30 sáng thứ Hai, 30/11/2026.');
    await screenshot(kiosk, 'kiosk-service-closed');
    expect(e2e.hub.db.prepare('SELECT COUNT(*) AS n FROM tickets').get()).toEqual({ n: 0 });
  });
});
