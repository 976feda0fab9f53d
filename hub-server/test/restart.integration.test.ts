import { describe, expect, it } from 'vitest';
import { api, startTestHub, tempDbPath } from './support/hub';

describe('hub restart', () => {
  it('keeps the issued tickets and continues the day sequence', async () => {
    const dbPath = tempDbPath();
    const first = await startTestHub({ dbPath });
    for (let i = 0; i < 3; i++) await api(first.url, first.demoTokens!.kiosk, 'POST', '/api/tickets', { serviceId: 4 });
    await first.stop();

    const second = await startTestHub({ dbPath });
    try {
      const r = await api(second.url, second.demoTokens!.kiosk, 'POST', '/api/tickets', { serviceId: 4 });
      expect(r.body).toMatchObject({ number: 4004, ahead: 3 });
      const old = second.db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number };
      expect(old.n).toBe(4);
    } finally {
      await second.stop();
    }
  });
});
