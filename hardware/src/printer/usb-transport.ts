import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { PrinterError } from './printer-error';
import { oneAtATime, type PrinterTransport } from './transport';

export interface UsbTransportOptions {
  /** How often to retry a device that has nothing to read or no room to write. */
  pollMs?: number;
  writeTimeoutMs?: number;
}

/** Stale input is drained at most this many reads, so a chatty device cannot hold a query forever. */
const MAX_DRAIN_READS = 16;

const unreachable = (detail: string): PrinterError => new PrinterError('PRINTER_UNREACHABLE', detail);
const wouldBlock = (e: unknown): boolean => (e as NodeJS.ErrnoException).code === 'EAGAIN';

/**
 * A USB printer-class device file such as /dev/usb/lp0 (Linux usblp): bytes are written to it and
 * status replies read back from it. Opened non-blocking because usblp's read blocks until the
 * printer answers and a blocked read cannot be cancelled: polling keeps every wait bounded.
 * Without libusb this is all the kernel offers, and it needs no native addon.
 */
export function createUsbTransport(devicePath: string, options: UsbTransportOptions = {}): PrinterTransport {
  const pollMs = options.pollMs ?? 20;
  const writeTimeoutMs = options.writeTimeoutMs ?? 10_000;
  let handle: Promise<FileHandle> | null = null;

  function device(): Promise<FileHandle> {
    handle ??= open(devicePath, constants.O_RDWR | constants.O_NONBLOCK).catch((e: NodeJS.ErrnoException) => {
      handle = null;
      throw unreachable(`${devicePath}: ${e.code ?? e.message}`);
    });
    return handle;
  }

  async function write(bytes: Uint8Array): Promise<void> {
    const fh = await device();
    const deadline = Date.now() + writeTimeoutMs;
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += (await fh.write(bytes, offset, bytes.length - offset, null)).bytesWritten;
      } catch (e) {
        if (!wouldBlock(e)) throw unreachable(`${devicePath}: ${(e as Error).message}`);
        if (Date.now() > deadline) throw unreachable(`${devicePath}: not accepting data after ${writeTimeoutMs} ms`);
        await sleep(pollMs);
      }
    }
  }

  /** One non-blocking read: the bytes available now, possibly none. */
  async function readNow(fh: FileHandle, max: number): Promise<Buffer> {
    const buf = Buffer.alloc(max);
    try {
      const { bytesRead } = await fh.read(buf, 0, max, null);
      return buf.subarray(0, bytesRead);
    } catch (e) {
      if (wouldBlock(e)) return Buffer.alloc(0);
      throw unreachable(`${devicePath}: ${(e as Error).message}`);
    }
  }

  async function query(bytes: Uint8Array, replyLength: number, timeoutMs: number): Promise<Buffer> {
    const fh = await device();
    // A late reply to an earlier query that timed out must not be taken for this one's.
    for (let i = 0; i < MAX_DRAIN_READS; i++) if ((await readNow(fh, 64)).length === 0) break;
    await write(bytes);
    const deadline = Date.now() + timeoutMs;
    let reply = Buffer.alloc(0);
    while (reply.length < replyLength) {
      reply = Buffer.concat([reply, await readNow(fh, replyLength - reply.length)]);
      if (reply.length >= replyLength) break;
      if (Date.now() > deadline) throw unreachable(`${devicePath}: no reply within ${timeoutMs} ms`);
      await sleep(pollMs);
    }
    return reply;
  }

  async function close(): Promise<void> {
    const fh = handle ? await handle.catch(() => null) : null;
    handle = null;
    await fh?.close();
  }

  const queue = oneAtATime();
  return {
    write: (bytes) => queue(() => write(bytes)),
    query: (bytes, replyLength, timeoutMs) => queue(() => query(bytes, replyLength, timeoutMs)),
    close: () => queue(close),
  };
}
