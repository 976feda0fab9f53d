import { startVirtualPrinter, type VirtualPrinter } from '@luot/hardware';
import type { IssuedTicket, PrinterAlert, ServerToClientEvents, TicketPrint } from '@luot/shared';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, connect as tcpConnect, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../src/main';
import { api, connect, tempDbPath, type TestSocket } from './support/hub';

/** The next `event` on `socket` matching `match`; rejects after `ms` so a missing notification fails the test. */
function next<E extends 'print:finished' | 'printer:failed'>(
  socket: TestSocket,
  event: E,
  match: (p: Parameters<ServerToClientEvents[E]>[0]) => boolean,
  ms = 10_000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    const on = socket.on.bind(socket) as (ev: string, fn: (p: never) => void) => void;
    on(event, (p: Parameters<ServerToClientEvents[E]>[0]) => {
      if (!match(p)) return;
      clearTimeout(timer);
      resolve(p);
    });
  });
}

/** A TCP relay in front of a printer that counts the connections the hub opens. */
async function countingRelay(
  targetPort: number,
): Promise<{ port: number; connections: () => number; close(): Promise<void> }> {
  let connections = 0;
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    connections += 1;
    const upstream = tcpConnect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('error', () => undefined);
      s.on('close', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    connections: () => connections,
    close: () =>
      new Promise<void>((r) => {
        for (const s of open) s.destroy();
        server.close(() => r());
      }),
  };
}

describe('kiosk printing through the hub', () => {
  let running: RunningHub;
  let url: string;
  let printer: VirtualPrinter;
  const logLines: Record<string, unknown>[] = [];
  const sockets: TestSocket[] = [];
  const open = async (token: string) => {
    const s = await connect(url, token);
    sockets.push(s);
    return s;
  };
  const kioskWithPrinter = (printerUrl: string, label = 'kiosk-printer'): string =>
    running.hub.devices.create('kiosk', null, label, Date.now(), { printer: printerUrl });
  const issue = async (kiosk: TestSocket, serviceId: number, priority?: string): Promise<IssuedTicket> => {
    const ack = await kiosk.emitWithAck('ticket:issue', priority ? { serviceId, priority } : { serviceId });
    if (!ack.ok) throw new Error(ack.code);
    return ack.data;
  };
  const events = (ticketId: number) =>
    running.db
      .prepare<[number], { type: string; data: string }>(
        'SELECT type, data FROM queue_events WHERE ticket_id = ? ORDER BY id',
      )
      .all(ticketId);

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    running = await startHub({
      dbPath: tempDbPath(),
      port: 0,
      host: '127.0.0.1',
      demo: true,
      logger: pino({ level: 'warn' }, sink),
    });
    url = `http://127.0.0.1:${running.port}`;
    printer = await startVirtualPrinter({ paper: 80 });
  });
  afterEach(() => {
    printer.setCondition({ paperOut: false, coverOpen: false, offline: false });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await running?.stop();
    await printer?.close();
  });

  it('K1 K4: prints the committed ticket once, with the QR of its public page, and tells only that kiosk', async () => {
    const kiosk = await open(kioskWithPrinter(printer.url));
    const other = await open(kioskWithPrinter(printer.url, 'other-kiosk'));
    const heardByOther: TicketPrint[] = [];
    other.on('print:finished', (p) => heardByOther.push(p));
    const before = printer.tickets.length;

    const ticket = await issue(kiosk, 1, 'elderly');
    const printed = await next(kiosk, 'print:finished', (p) => p.ticketId === ticket.id);

    expect(printed.outcome).toEqual({ ok: true, confirmed: true, paperLow: false });
    expect(printer.tickets.length).toBe(before + 1);
    const qr = printer.tickets.at(-1)!.elements.find((e) => e.kind === 'qr');
    expect(qr).toMatchObject({ kind: 'qr', data: `${url}/t/${ticket.publicId}` });
    expect(events(ticket.id).map((e) => e.type)).toEqual(['issued', 'printed']);
    expect(heardByOther).toEqual([]);
    // The paper as the virtual printer saw it, for a person to look at.
    const shots = join(process.cwd(), 'test-results', 'screenshots');
    mkdirSync(shots, { recursive: true });
    writeFileSync(join(shots, 'kiosk-5-paper-ticket.png'), printer.tickets.at(-1)!.png);
  });

  it('K2: paper out — the ticket stays valid and waiting, the hub logs it and tells the admins, nothing is printed', async () => {
    printer.setCondition({ paperOut: true });
    const kiosk = await open(kioskWithPrinter(printer.url, 'kiosk-sảnh'));
    const admin = await open(running.demoTokens!.admin);
    const before = printer.tickets.length;

    const ticket = await issue(kiosk, 2);
    const alert = next(admin, 'printer:failed', (a) => a.ticketId === ticket.id);
    const printed = await next(kiosk, 'print:finished', (p) => p.ticketId === ticket.id);

    expect(printed.outcome).toEqual({ ok: false, code: 'PRINTER_PAPER_OUT' });
    expect(await alert).toMatchObject({
      deviceLabel: 'kiosk-sảnh',
      label: ticket.label,
      code: 'PRINTER_PAPER_OUT',
    } satisfies Partial<PrinterAlert>);
    expect(printer.tickets.length).toBe(before);
    const logged = events(ticket.id).at(-1)!;
    expect(logged.type).toBe('printFailed');
    expect(JSON.parse(logged.data)).toMatchObject({ code: 'PRINTER_PAPER_OUT', printer: printer.url });
    expect(logLines).toContainEqual(
      expect.objectContaining({ msg: 'ticket not printed', ticketId: ticket.id, code: 'PRINTER_PAPER_OUT' }),
    );
    const status = await api(url, null, 'GET', `/api/public/tickets/${ticket.publicId}`);
    expect(status.body).toMatchObject({ status: 'waiting', label: ticket.label });

    // No ticket is doubled: once paper is back, the next ticket prints and the failed one does not come out late.
    printer.setCondition({ paperOut: false });
    const nextTicket = await issue(kiosk, 2);
    await next(kiosk, 'print:finished', (p) => p.ticketId === nextTicket.id);
    expect(printer.tickets.length).toBe(before + 1);
    expect(printer.tickets.at(-1)!.elements.find((e) => e.kind === 'qr')).toMatchObject({
      data: `${url}/t/${nextTicket.publicId}`,
    });
  });

  it('K1: the kiosk is answered at once even when the printer never answers', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    try {
      const kiosk = await open(kioskWithPrinter(`tcp://127.0.0.1:${port}`));
      const start = performance.now();
      const ticket = await issue(kiosk, 3);
      const answeredMs = performance.now() - start;
      const printed = await next(kiosk, 'print:finished', (p) => p.ticketId === ticket.id);
      const printedMs = performance.now() - start;
      expect(answeredMs).toBeLessThan(500);
      expect(printed.outcome).toEqual({ ok: false, code: 'PRINTER_UNREACHABLE' });
      // The status timeout (2 s) had to pass before the hub gave up: the answer did not wait for it.
      expect(printedMs).toBeGreaterThan(1500);
    } finally {
      silent.close();
    }
  });

  it('K3: one connection per printer, shared by its kiosks, for every ticket', async () => {
    const relay = await countingRelay(printer.port);
    try {
      const address = `tcp://127.0.0.1:${relay.port}`;
      const a = await open(kioskWithPrinter(address, 'a'));
      const b = await open(kioskWithPrinter(address, 'b'));
      const before = printer.tickets.length;
      const tickets = await Promise.all([issue(a, 4), issue(b, 4), issue(a, 5)]);
      const outcomes = await Promise.all(
        tickets.map((t, i) => next(i === 1 ? b : a, 'print:finished', (p) => p.ticketId === t.id)),
      );
      expect(outcomes.every((p) => p.outcome.ok)).toBe(true);
      expect(printer.tickets.length).toBe(before + 3);
      expect(relay.connections()).toBe(1);
    } finally {
      await relay.close();
    }
  });

  it('K8: a kiosk learns who prints its tickets and gets the print job only for its own tickets', async () => {
    const usbKiosk = await open(running.demoTokens!.kiosk);
    const networkKiosk = await open(kioskWithPrinter(printer.url));
    expect(await usbKiosk.emitWithAck('printer:get', {})).toEqual({ ok: true, data: { hubPrinter: false } });
    expect(await networkKiosk.emitWithAck('printer:get', {})).toEqual({ ok: true, data: { hubPrinter: true } });

    const ticket = await issue(usbKiosk, 5, 'pregnancy');
    const job = await usbKiosk.emitWithAck('ticket:printable', { ticketId: ticket.id });
    expect(job).toEqual({
      ok: true,
      data: {
        centreName: 'Trung tâm Phục vụ hành chính công xã Mù Cang Chải',
        serviceName: 'Lao động – Thương binh và Xã hội',
        label: ticket.label,
        issuedAt: Date.parse(ticket.issuedAt),
        ahead: ticket.ahead,
        estimatedWaitMinutes: ticket.estimatedWaitMinutes,
        priorityName: 'Phụ nữ mang thai',
        qrUrl: `${url}/t/${ticket.publicId}`,
        notice: 'Vui lòng chú ý màn hình và loa gọi số. Vé chỉ có giá trị trong ngày.',
      },
    });
    expect(await networkKiosk.emitWithAck('ticket:printable', { ticketId: ticket.id })).toMatchObject({
      ok: false,
      code: 'TICKET_NOT_FOUND',
    });
    expect(await usbKiosk.emitWithAck('ticket:printable', { ticketId: -1 })).toMatchObject({
      ok: false,
      code: 'BAD_REQUEST',
    });
  });
});
