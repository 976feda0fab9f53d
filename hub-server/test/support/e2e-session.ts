import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { startTestHub } from './hub';

export interface E2eSession {
  /** A test may replace it (a hub restart); the one in place at the end is stopped. */
  hub: Awaited<ReturnType<typeof startTestHub>>;
  browser: Browser;
}

/**
 * A demo hub on a temporary database and one Chromium for a browser test file, both closed after it.
 * Extra set-up of a file goes in its own beforeAll, which runs after this one.
 */
export function e2eSession(opts: Parameters<typeof startTestHub>[0] = {}): E2eSession {
  const session = {} as E2eSession;
  beforeAll(async () => {
    session.hub = await startTestHub(opts);
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.hub?.stop();
  });
  return session;
}
