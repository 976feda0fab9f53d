import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createTcpTransport,
  printTicket,
  sampleTicket,
  startVirtualPrinter,
  STATUS_QUERIES,
  statusReplyByte,
} from '../src/index';

const ticket = sampleTicket(Date.UTC(2025, 2, 5, 1, 15));
const ready = { online: true, coverOpen: false, paperOut: false, paperLow: false };
const READY_REPLY = Buffer.of(statusReplyByte(1, ready), statusReplyByte(2, ready), statusReplyByte(4, ready));

/** A stand-in printer whose behaviour each test scripts; it records every byte it receives. */
async function fakePrinter(
  onData: (socket: Socket, received: Buffer) => void,
): Promise<{ port: number; received: () => Buffer; server: Server }> {
  let all = Buffer.alloc(0);
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('data', (chunk: Buffer) => {
      all = Buffer.concat([all, chunk]);
      onData(socket, all);
    });
    socket.on('error', () => undefined);
  });
  server.on('close', () => sockets.forEach((s) => s.destroy()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, received: () => all, server };
}

async function freePort(): Promise<number> {
  const { port, server } = await fakePrinter(() => undefined);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) {
    s.close();
    s.emit('close');
  }
});

async function elapsed(work: () => Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const start = performance.now();
  const error = await work().then(
    () => null,
    (e: unknown) => e,
  );
  return { ms: performance.now() - start, error };
}

describe('TCP transport', () => {
  it('PR10: nothing listening on the port gives PRINTER_UNREACHABLE at once', async () => {
    const transport = createTcpTransport({ host: '127.0.0.1', port: await freePort() });
    const { ms, error } = await elapsed(() => printTicket(transport, ticket, { paper: 80 }));
    expect(error).toMatchObject({ code: 'PRINTER_UNREACHABLE' });
    expect(ms).toBeLessThan(1000);
    await transport.close();
  });

  it('PR10: a printer that accepts but never answers gives PRINTER_UNREACHABLE within the status timeout, and gets no ticket', async () => {
    const silent = await fakePrinter(() => undefined);
    servers.push(silent.server);
    const transport = createTcpTransport({ host: '127.0.0.1', port: silent.port });
    const { ms, error } = await elapsed(() => printTicket(transport, ticket, { paper: 80, statusTimeoutMs: 300 }));
    expect(error).toMatchObject({ code: 'PRINTER_UNREACHABLE' });
    expect(ms).toBeGreaterThanOrEqual(290);
    expect(ms).toBeLessThan(1500);
    expect(silent.received()).toEqual(STATUS_QUERIES);
    await transport.close();
  });

  it('PR10: a printer that hangs up mid-question gives PRINTER_UNREACHABLE without waiting out the timeout', async () => {
    const rude = await fakePrinter((socket) => socket.destroy());
    servers.push(rude.server);
    const transport = createTcpTransport({ host: '127.0.0.1', port: rude.port });
    const { ms, error } = await elapsed(() => printTicket(transport, ticket, { paper: 80, statusTimeoutMs: 5000 }));
    expect(error).toMatchObject({ code: 'PRINTER_UNREACHABLE' });
    expect(ms).toBeLessThan(2000);
    await transport.close();
  });

  it('PR11: a printer that takes the ticket and then falls silent yields after = null, not an error', async () => {
    let answered = false;
    const fading = await fakePrinter((socket) => {
      if (!answered) socket.write(READY_REPLY);
      answered = true;
    });
    servers.push(fading.server);
    const transport = createTcpTransport({ host: '127.0.0.1', port: fading.port });
    const result = await printTicket(transport, ticket, { paper: 80, statusTimeoutMs: 300 });
    expect(result.after).toBeNull();
    expect(fading.received().length).toBe(STATUS_QUERIES.length * 2 + result.bytes);
    await transport.close();
  });

  it('two kiosks printing through one transport at once get two whole tickets', async () => {
    const printer = await startVirtualPrinter();
    const transport = createTcpTransport({ host: '127.0.0.1', port: printer.port });
    try {
      const results = await Promise.all([
        printTicket(transport, ticket, { paper: 80 }),
        printTicket(transport, { ...ticket, label: '4018' }, { paper: 80 }),
      ]);
      expect(results.every((r) => r.after?.online)).toBe(true);
      expect(printer.tickets).toHaveLength(2);
      expect(printer.received.filter((c) => c.kind === 'unknown')).toEqual([]);
    } finally {
      await transport.close();
      await printer.close();
    }
  });

  it('reconnects when the printer restarted between two tickets', async () => {
    const first = await startVirtualPrinter();
    const transport = createTcpTransport({ host: '127.0.0.1', port: first.port });
    await printTicket(transport, ticket, { paper: 80 });
    await first.close();
    const second = await startVirtualPrinter({ port: first.port });
    try {
      await printTicket(transport, ticket, { paper: 80 });
      expect(second.tickets).toHaveLength(1);
    } finally {
      await transport.close();
      await second.close();
    }
  });
});
