/**
 * A byte pipe to a printer: raw TCP (port 9100) or a USB printer-class device file. Status and
 * tickets are built on top (status.ts, print-ticket.ts), so every transport behaves the same.
 * Failures reject with PrinterError('PRINTER_UNREACHABLE').
 */
export interface PrinterTransport {
  /** Resolves once the bytes are handed to the operating system. */
  write(bytes: Uint8Array): Promise<void>;
  /**
   * Drops input nobody asked for, sends `bytes`, and resolves with the next `replyLength` bytes
   * the printer sends back; rejects after `timeoutMs` without them.
   */
  query(bytes: Uint8Array, replyLength: number, timeoutMs: number): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * Runs operations one after another in call order. A printer is one byte stream: two kiosks
 * printing at once must not interleave bytes, and a status reply must reach the query that asked.
 */
export function oneAtATime(): <T>(op: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(op: () => Promise<T>): Promise<T> => {
    const run = tail.then(op, op);
    tail = run.catch(() => undefined);
    return run;
  };
}
