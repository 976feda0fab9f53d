import chromium from '@sparticuz/chromium';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium as playwright, type Browser, type Page } from 'playwright-core';

/** Where screenshots go; they are looked at, not just written. */
export const SHOTS_DIR = join(process.cwd(), 'test-results', 'screenshots');

/**
 * Chromium from the @sparticuz/chromium package (its binary ships inside the npm package and
 * unpacks to /tmp/chromium); CHROMIUM_PATH overrides.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? (await chromium.executablePath());
  return playwright.launch({
    executablePath,
    headless: true,
    args: [
      ...chromium.args.filter((a) => !a.startsWith('--headless') && a !== '--single-process'),
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const path = join(SHOTS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
