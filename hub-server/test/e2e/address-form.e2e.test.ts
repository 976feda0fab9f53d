import type { RequestName } from '@luot/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser';
import { e2eSession } from '../support/e2e-session';
import { staffCounters } from '../support/hub';
import { LANDSCAPE } from '../support/layout';

/** A 64×64 logo: a red disc with a gold star. */
const LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">' +
  '<circle cx="32" cy="32" r="32" fill="#c8102e"/><path d="M32 10l6 19h20l-16 12 6 19-16-12-16 12 6-19-16-12h20z" fill="#ffcd00"/></svg>';

describe('the register of address and the logo, chosen by the centre (I5, C11)', () => {
  const e2e = e2eSession();

  function run<K extends RequestName>(name: K, input: unknown) {
    const admin = e2e.hub.hub.devices.authenticate(e2e.hub.demoTokens!.admin)!;
    const ack = e2e.hub.hub.perform(name, admin, input);
    if (!ack.ok) throw new Error(`${name}: ${ack.code}`);
    return ack.data;
  }
  const bodyText = (page: Page): Promise<string> => page.locator('body').innerText();

  it('I5 C11: "Ông/Bà" and a logo chosen in the setup reach the kiosk, the wall and the phone page at once, without a reload', async () => {
    const kiosk = await e2e.browser.newPage({ viewport: LANDSCAPE });
    await kiosk.goto(`${e2e.hub.url}/kiosk/?token=${e2e.hub.demoTokens!.kiosk}`);
    await expect.poll(() => bodyText(kiosk)).toContain('Mời công dân chạm vào dịch vụ cần thực hiện');
    const wall = await e2e.browser.newPage({ viewport: LANDSCAPE });
    await wall.goto(`${e2e.hub.url}/display/?token=${e2e.hub.demoTokens!.display}`);
    await wall.locator('.tile').first().waitFor();
    const ticket = run('ticket:issue', { serviceId: 1 });

    const setup = run('setup:get', {});
    const logo = `data:image/svg+xml;base64,${Buffer.from(LOGO_SVG).toString('base64')}`;
    run('setup:apply', { setup: { ...setup, centre: { ...setup.centre, addressForm: 'ongBa', logo } } });

    await expect.poll(() => bodyText(kiosk)).toContain('Mời Ông/Bà chạm vào dịch vụ cần thực hiện');
    await expect.poll(() => bodyText(wall)).toContain('Ông/Bà');
    expect(await bodyText(kiosk)).not.toMatch(/công dân/i);
    expect(await bodyText(wall)).not.toMatch(/công dân/i);
    // C1: the centre's logo in place of the emblem, on both, loaded.
    for (const page of [kiosk, wall]) {
      const img = page.locator('[data-test="logo"]');
      await img.waitFor();
      await expect.poll(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth)).toBe(64);
    }
    await screenshot(kiosk, 'address-form-kiosk-ong-ba');
    await screenshot(wall, 'address-form-wall-ong-ba');

    staffCounters(e2e.hub, [1]);
    run('counter:callNext', { counterId: 1 });
    const phone = await e2e.browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${e2e.hub.url}/t/${ticket.publicId}`);
    await expect.poll(() => bodyText(phone)).toContain('Đã đến lượt — mời Ông/Bà đến quầy 1');
    await screenshot(phone, 'address-form-phone-ong-ba');
    for (const page of [kiosk, wall, phone]) await page.close();
  });
});
