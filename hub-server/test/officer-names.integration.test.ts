import { afterEach, describe, expect, it } from 'vitest';
import { createOfficerRepository } from '../src/features/officers/officer-repository';
import { api, startTestHub } from './support/hub';

describe('Q26: an officer signs in with the name typed as a keyboard without Vietnamese input types it', () => {
  let hub: Awaited<ReturnType<typeof startTestHub>> | undefined;
  afterEach(async () => {
    await hub?.stop();
    hub = undefined;
  });

  const setup = async () => {
    hub = await startTestHub();
    const h = hub;
    const token = (n: number) => h.demoTokens!.counters.find((c) => c.number === n)!.token;
    const signIn = (n: number, name: string, pin: string) =>
      api(h.url, token(n), 'POST', `/api/counters/${n}/sign-in`, { name, pin });
    const signOut = (n: number) => api(h.url, token(n), 'POST', `/api/counters/${n}/sign-out`);
    return { hub: h, signIn, signOut };
  };

  it('Q26: "hung" and "HÙNG" sign "Hùng" in; "nguyen van an" is refused while "Nguyễn Văn Ân" also folds to it', async () => {
    const { hub, signIn, signOut } = await setup();
    const officers = createOfficerRepository(hub.db);
    officers.add('Nguyễn Văn An', '2468', Date.now());
    officers.add('Nguyễn Văn Ân', '1357', Date.now());

    for (const typed of ['hung', 'HÙNG', '  Hung ']) {
      const r = await signIn(1, typed, '1234');
      expect([typed, r.status, r.body]).toMatchObject([typed, 200, { name: 'Hùng' }]);
      expect((await signOut(1)).status).toBe(200);
    }
    // Without diacritics the two officers cannot be told apart: the name means nobody.
    expect((await signIn(2, 'nguyen van an', '2468')).body).toMatchObject({ code: 'OFFICER_BAD_CREDENTIALS' });
    // With them, or only its case different, it means one.
    expect((await signIn(2, 'Nguyễn Văn An', '2468')).body).toMatchObject({ name: 'Nguyễn Văn An' });
    expect((await signIn(3, 'nguyễn văn ân', '1357')).body).toMatchObject({ name: 'Nguyễn Văn Ân' });
    // The PIN is still the officer's.
    expect((await signIn(4, 'lan', '9999')).body).toMatchObject({ code: 'OFFICER_BAD_CREDENTIALS' });
  });

  it('Q26 L3: spellings of one name share one lock: five failures over "hung" and "Hùng" lock "Hung" out', async () => {
    const { signIn } = await setup();
    // Each counter's token is its own device, so only the name's lock can build up.
    for (const [n, typed] of [
      [1, 'hung'],
      [2, 'hung'],
      [3, 'Hùng'],
      [4, 'Hùng'],
      [5, 'HÙNG'],
    ] as const) {
      expect((await signIn(n, typed, '0000')).status).not.toBe(200);
    }
    expect((await signIn(6, 'Hung', '1234')).body).toMatchObject({ code: 'OFFICER_LOCKED' });
  });
});
