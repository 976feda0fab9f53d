import { manualClock, type IssuedTicket, type RatingRequest, type Ticket } from '@luot/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, connect, startTestHub, staffCounters, type TestSocket } from './support/hub';

// Monday 2 March 2026, 09:00 in Hà Nội: a working morning.
const MONDAY_9AM = Date.parse('2026-03-02T02:00:00Z');

describe('satisfaction ratings at the counter and on the phone', () => {
  let hub: Awaited<ReturnType<typeof startTestHub>>;
  let clock: ReturnType<typeof manualClock>;
  const sockets: TestSocket[] = [];
  const token = (n: number): string => hub.demoTokens!.counters.find((c) => c.number === n)!.token;
  const open = async (n: number): Promise<TestSocket> => {
    const s = await connect(hub.url, token(n));
    sockets.push(s);
    return s;
  };
  const post = (tok: string | null, path: string, body?: unknown) => api(hub.url, tok, 'POST', path, body);
  /** A ticket of `serviceId` issued, called, served and finished at counter `n`. */
  async function serve(n: number, serviceId: number): Promise<IssuedTicket> {
    const issued = (await post(hub.demoTokens!.kiosk, '/api/tickets', { serviceId })).body as unknown as IssuedTicket;
    expect((await post(token(n), `/api/counters/${n}/call-next`)).status).toBe(200);
    expect((await post(token(n), `/api/counters/${n}/start`)).status).toBe(200);
    const finished = await post(token(n), `/api/counters/${n}/finish`);
    expect((finished.body as unknown as Ticket).status).toBe('done');
    return issued;
  }
  const phoneStatus = async (publicId: string) =>
    (await api(hub.url, null, 'GET', `/api/public/tickets/${publicId}`)).body as Record<string, unknown>;
  const rateByPhone = (publicId: string, body: unknown) => post(null, `/api/public/tickets/${publicId}/rating`, body);
  const ratingRows = () => hub.db.prepare('SELECT * FROM ratings ORDER BY id').all() as Record<string, unknown>[];

  beforeEach(async () => {
    clock = manualClock(MONDAY_9AM);
    hub = await startTestHub({ clock });
    staffCounters(hub);
  });
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.close();
    await hub.stop();
  });

  it('RT6: finishing a ticket asks that counter’s devices only to have it rated', async () => {
    const here = await open(1);
    const elsewhere = await open(3);
    const heard: RatingRequest[] = [];
    elsewhere.on('rating:requested', (r) => heard.push(r));
    const requested = new Promise<RatingRequest>((resolve) => here.once('rating:requested', resolve));
    const ticket = await serve(1, 1);
    expect(await requested).toEqual({
      counterId: 1,
      counterNumber: 1,
      ticketId: ticket.id,
      label: ticket.label,
      expiresAt: new Date(MONDAY_9AM + 120_000).toISOString(),
      secondsLeft: 120,
      scale: 3,
      reasons: expect.any(Array) as unknown,
    });
    // The other counter's socket answers a request after the event was sent to both rooms: had it
    // been sent there, it would have arrived first (one socket, in order).
    expect((await elsewhere.emitWithAck('device:whoami', {})).ok).toBe(true);
    expect(heard).toEqual([]);
  });

  it('RT6: "Gọi tiếp" that ends the ticket being served asks for its rating too', async () => {
    const here = await open(1);
    const first = (await post(hub.demoTokens!.kiosk, '/api/tickets', { serviceId: 1 })).body as unknown as Ticket;
    await post(hub.demoTokens!.kiosk, '/api/tickets', { serviceId: 1 });
    await post(token(1), '/api/counters/1/call-next');
    await post(token(1), '/api/counters/1/start');
    const requested = new Promise<RatingRequest>((resolve) => here.once('rating:requested', resolve));
    await post(token(1), '/api/counters/1/call-next');
    expect((await requested).ticketId).toBe(first.id);
  });

  it('RT4 RT5: the counter’s page rates the ticket once, tied to ticket, counter, officer and service, and logged', async () => {
    const page = await open(1);
    const ticket = await serve(1, 1);
    clock.advance(30_000);
    const pending = await page.emitWithAck('rating:pending', { counterId: 1 });
    // RT7: a page that opens later counts down what is left.
    expect(pending).toMatchObject({ ok: true, data: { ticketId: ticket.id, label: ticket.label, secondsLeft: 90 } });
    const rated = await page.emitWithAck('rating:submit', {
      counterId: 1,
      ticketId: ticket.id,
      level: 'verySatisfied',
    });
    expect(rated).toEqual({
      ok: true,
      data: {
        ticketId: ticket.id,
        level: 'verySatisfied',
        scale: 3,
        reason: null,
        source: 'counter',
        at: new Date(MONDAY_9AM + 30_000).toISOString(),
      },
    });
    const officer = hub.db.prepare('SELECT officer_id FROM tickets WHERE id = ?').get(ticket.id) as {
      officer_id: number;
    };
    // RT5: these columns and no others: nothing that could name the citizen.
    expect(ratingRows()).toEqual([
      {
        id: 1,
        ticket_id: ticket.id,
        counter_id: 1,
        officer_id: officer.officer_id,
        service_id: 1,
        level: 'verySatisfied',
        scale: 3,
        reason: null,
        at: MONDAY_9AM + 30_000,
        source: 'counter',
      },
    ]);
    const logged = hub.db.prepare("SELECT * FROM queue_events WHERE type = 'rated'").all() as Record<string, unknown>[];
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ ticket_id: ticket.id, counter_id: 1, officer_id: officer.officer_id });
    expect(JSON.parse(logged[0]!.data as string)).toEqual({
      level: 'verySatisfied',
      scale: 3,
      source: 'counter',
      reason: null,
    });
    // A second rating, from the page or the phone, is refused and writes nothing.
    expect(
      await page.emitWithAck('rating:submit', { counterId: 1, ticketId: ticket.id, level: 'dissatisfied' }),
    ).toEqual({ ok: false, code: 'RATING_DONE', message: 'Lượt phục vụ này đã được đánh giá.' });
    expect((await rateByPhone(ticket.publicId, { level: 'satisfied' })).body).toMatchObject({ code: 'RATING_DONE' });
    expect(ratingRows()).toHaveLength(1);
    // Rated: nothing is pending any more.
    expect(await page.emitWithAck('rating:pending', { counterId: 1 })).toEqual({ ok: true, data: null });
  });

  it('RT2: after the window the counter’s page may not rate, and nothing is pending', async () => {
    const page = await open(1);
    const ticket = await serve(1, 1);
    clock.advance(120_000);
    expect(await page.emitWithAck('rating:pending', { counterId: 1 })).toEqual({ ok: true, data: null });
    expect(await page.emitWithAck('rating:submit', { counterId: 1, ticketId: ticket.id, level: 'satisfied' })).toEqual({
      ok: false,
      code: 'RATING_CLOSED',
      message: 'Đã hết thời gian đánh giá lượt phục vụ này.',
    });
    expect(ratingRows()).toEqual([]);
  });

  it('RT4: a counter’s page cannot rate another counter’s ticket', async () => {
    const other = await open(3);
    const ticket = await serve(1, 1);
    expect(
      await other.emitWithAck('rating:submit', { counterId: 1, ticketId: ticket.id, level: 'satisfied' }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(
      await other.emitWithAck('rating:submit', { counterId: 3, ticketId: ticket.id, level: 'satisfied' }),
    ).toMatchObject({ ok: false, code: 'NOTHING_TO_RATE' });
    expect(await other.emitWithAck('rating:pending', { counterId: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(ratingRows()).toEqual([]);
  });

  it('RT7: a counter with nothing to rate says so, and a ticket still being served cannot be rated', async () => {
    const page = await open(1);
    expect(await page.emitWithAck('rating:pending', { counterId: 1 })).toEqual({ ok: true, data: null });
    const issued = (await post(hub.demoTokens!.kiosk, '/api/tickets', { serviceId: 1 })).body as unknown as Ticket;
    await post(token(1), '/api/counters/1/call-next');
    await post(token(1), '/api/counters/1/start');
    expect(await page.emitWithAck('rating:submit', { counterId: 1, ticketId: issued.id, level: 'satisfied' })).toEqual({
      ok: false,
      code: 'NOTHING_TO_RATE',
      message: 'Không có lượt phục vụ nào cần đánh giá.',
    });
    expect((await rateByPhone(issued.publicId, { level: 'satisfied' })).status).toBe(409);
  });

  it('RT1 RT3: the five-level scale when the centre chooses it, and a reason only with an unhappy level', async () => {
    const page = await open(1);
    const a = await serve(1, 1);
    expect(await page.emitWithAck('rating:submit', { counterId: 1, ticketId: a.id, level: 'neutral' })).toMatchObject({
      ok: false,
      code: 'BAD_REQUEST',
    });
    const settings = hub.hub.centre.settings()!;
    hub.hub.centre.saveSettings({ ...settings, rating: { scale: 5, reasons: ['Phải chờ lâu'], windowSeconds: 60 } });
    expect(
      await page.emitWithAck('rating:submit', {
        counterId: 1,
        ticketId: a.id,
        level: 'satisfied',
        reason: 'Phải chờ lâu',
      }),
    ).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(
      await page.emitWithAck('rating:submit', {
        counterId: 1,
        ticketId: a.id,
        level: 'veryDissatisfied',
        reason: 'Phải chờ lâu',
      }),
    ).toMatchObject({ ok: true, data: { level: 'veryDissatisfied', scale: 5, reason: 'Phải chờ lâu' } });
    const b = await serve(1, 1);
    expect(await page.emitWithAck('rating:submit', { counterId: 1, ticketId: b.id, level: 'neutral' })).toMatchObject({
      ok: true,
      data: { level: 'neutral', scale: 5 },
    });
  });

  it('RT8: the phone page offers the rating after service, once, until the day ends', async () => {
    const waiting = (await post(hub.demoTokens!.kiosk, '/api/tickets', { serviceId: 3 })).body as unknown as Ticket;
    expect((await phoneStatus(waiting.publicId)).rating).toMatchObject({ canRate: false, level: null });
    const ticket = await serve(1, 1);
    expect((await phoneStatus(ticket.publicId)).rating).toMatchObject({ canRate: true, level: null, scale: 3 });
    // Long after the counter's window, the same day: still open on the phone.
    clock.advance(3 * 60 * 60 * 1000);
    expect((await rateByPhone(ticket.publicId, { level: 'dissatisfied', reason: 'Khác' })).status).toBe(400);
    const rated = await rateByPhone(ticket.publicId, { level: 'dissatisfied', reason: 'Phải chờ lâu' });
    expect(rated).toMatchObject({ status: 200, body: { level: 'dissatisfied', source: 'phone' } });
    expect((await phoneStatus(ticket.publicId)).rating).toMatchObject({ canRate: false, level: 'dissatisfied' });
    expect(await rateByPhone(ticket.publicId, { level: 'satisfied' })).toEqual({
      status: 409,
      body: { code: 'RATING_DONE', message: 'Lượt phục vụ này đã được đánh giá.' },
    });
    // Another ticket of the day, rated after midnight: closed.
    const late = await serve(1, 1);
    clock.advance(24 * 60 * 60 * 1000);
    expect((await rateByPhone(late.publicId, { level: 'satisfied' })).body).toMatchObject({ code: 'RATING_CLOSED' });
    expect((await rateByPhone('AAAAAAAAAAAAAAAA', { level: 'satisfied' })).status).toBe(404);
    expect((await rateByPhone(ticket.publicId, { level: 'great' })).status).toBe(400);
    expect(ratingRows().map((r) => r.source)).toEqual(['phone']);
  });
});
