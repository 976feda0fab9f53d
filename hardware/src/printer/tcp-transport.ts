import { createConnection, type Socket } from 'node:net';
import { z } from 'zod';
import { PrinterError } from './printer-error';
import { oneAtATime, type PrinterTransport } from './transport';

export interface TcpPrinterAddress {
  host: string;
  port: number;
}

export interface TcpTransportOptions {
  /** A printer that has not accepted the connection by then counts as unreachable. */
  connectTimeoutMs?: number;
  /** A printer that stops taking bytes (buffer full, jammed) counts as unreachable after this. */
  writeTimeoutMs?: number;
}

const PrinterUrl = z.url({ protocol: /^tcp$/ });

/** The raw-printing port of network printers (JetDirect / AppSocket). */
export const RAW_PRINT_PORT = 9100;

/** `tcp://HOST[:PORT]` (port 9100 by default), or null when it is not such an address. */
export function parsePrinterUrl(url: string): TcpPrinterAddress | null {
  if (!PrinterUrl.safeParse(url).success) return null;
  const u = new URL(url);
  if (!u.hostname || u.pathname.replace(/^\/$/, '') || u.search || u.username) return null;
  return { host: u.hostname.replace(/^\[(.*)\]$/, '$1'), port: u.port ? Number(u.port) : RAW_PRINT_PORT };
}

const unreachable = (detail: string): PrinterError => new PrinterError('PRINTER_UNREACHABLE', detail);

/**
 * A network printer over raw TCP. Connects on first use and again after the printer drops the
 * connection (many close idle sockets), so one transport can serve a kiosk all day.
 * @example const t = createTcpTransport({ host: '192.168.1.50', port: 9100 })
 */
export function createTcpTransport(address: TcpPrinterAddress, options: TcpTransportOptions = {}): PrinterTransport {
  const connectTimeoutMs = options.connectTimeoutMs ?? 3000;
  const writeTimeoutMs = options.writeTimeoutMs ?? 10_000;
  const where = `${address.host}:${address.port}`;
  let connection: Promise<Socket> | null = null;
  let inbox = Buffer.alloc(0);
  // Wakes a pending query when bytes arrive or the socket closes.
  let wake: (() => void) | null = null;

  function connect(): Promise<Socket> {
    if (connection) return connection;
    const attempt = new Promise<Socket>((resolve, reject) => {
      const socket = createConnection(address);
      socket.setNoDelay(true);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(unreachable(`${where}: no connection within ${connectTimeoutMs} ms`));
      }, connectTimeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(socket);
      });
      socket.on('data', (chunk: Buffer) => {
        inbox = Buffer.concat([inbox, chunk]);
        wake?.();
      });
      socket.on('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(unreachable(`${where}: ${e.code ?? e.message}`));
      });
      socket.on('close', () => {
        if (connection === attempt) connection = null;
        wake?.();
      });
    });
    connection = attempt;
    // The caller sees the rejection; this only stops an unobserved copy from crashing the process.
    attempt.catch(() => undefined);
    return attempt;
  }

  async function write(bytes: Uint8Array): Promise<void> {
    const socket = await connect();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.destroy();
        reject(unreachable(`${where}: not accepting data after ${writeTimeoutMs} ms`));
      }, writeTimeoutMs);
      socket.write(bytes, (e) => {
        clearTimeout(timer);
        if (e) reject(unreachable(`${where}: ${e.message}`));
        else resolve();
      });
    });
  }

  async function ask(socket: Socket, bytes: Uint8Array, replyLength: number, timeoutMs: number): Promise<Buffer> {
    inbox = Buffer.alloc(0);
    await write(bytes);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => settle(unreachable(`${where}: no reply within ${timeoutMs} ms`)), timeoutMs);
      function settle(error: PrinterError | null): void {
        clearTimeout(timer);
        wake = null;
        if (error) reject(error);
        else resolve();
      }
      wake = () => {
        if (inbox.length >= replyLength) settle(null);
        else if (socket.destroyed) settle(unreachable(`${where}: connection closed`));
      };
      wake();
    });
    const reply = inbox.subarray(0, replyLength);
    inbox = inbox.subarray(replyLength);
    return reply;
  }

  async function query(bytes: Uint8Array, replyLength: number, timeoutMs: number): Promise<Buffer> {
    const reused = connection !== null;
    const socket = await connect();
    try {
      return await ask(socket, bytes, replyLength, timeoutMs);
    } catch (e) {
      // A printer that dropped an idle connection (or restarted) is noticed only when we next
      // speak. A status question is safe to ask twice, so ask once more on a new connection.
      if (!reused || !socket.destroyed) throw e;
      if (connection !== null && (await connection.catch(() => null)) === socket) connection = null;
      return ask(await connect(), bytes, replyLength, timeoutMs);
    }
  }

  async function close(): Promise<void> {
    const socket = connection ? await connection.catch(() => null) : null;
    connection = null;
    if (!socket || socket.destroyed) return;
    await new Promise<void>((resolve) => {
      // end() lets queued bytes reach the printer; the timer bounds a peer that never closes.
      const timer = setTimeout(() => socket.destroy(), 1000);
      socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.end();
    });
  }

  const queue = oneAtATime();
  return {
    write: (bytes) => queue(() => write(bytes)),
    query: (bytes, replyLength, timeoutMs) => queue(() => query(bytes, replyLength, timeoutMs)),
    close: () => queue(close),
  };
}
