import { createServer, type Socket } from 'node:net';
import { decodeEscPos, type EscPosCommand } from './escpos-decoder';
import { composePaper, paperPng, type Align, type PaperElement } from './paper';
import { PAPER_DOTS, type PaperWidth } from './printable-ticket';
import type { QrErrorLevel, Raster } from './raster';
import { refusal, statusReplyByte, type PrinterStatus } from './status';

/** What a technician could do to a real printer: pull the paper, open the cover, press offline. */
export interface PrinterCondition {
  offline: boolean;
  coverOpen: boolean;
  paperOut: boolean;
  paperLow: boolean;
}

/** One piece of paper between two cuts: what was printed on it, and its picture. */
export interface PrintedTicket {
  elements: PaperElement[];
  paper: Raster;
  png: Buffer;
}

export interface VirtualPrinterOptions {
  paper?: PaperWidth;
  /** 0 (the default) picks a free port. */
  port?: number;
  condition?: Partial<PrinterCondition>;
  /** Called for each cut ticket, e.g. to write its PNG. */
  onTicket?: (ticket: PrintedTicket) => void;
}

export interface VirtualPrinter {
  readonly port: number;
  /** `tcp://127.0.0.1:PORT`, as `luot print-test --printer` takes it. */
  readonly url: string;
  /** The most recent cut tickets, oldest first. */
  readonly tickets: readonly PrintedTicket[];
  /** The most recent commands received, status queries included, oldest first. */
  readonly received: readonly EscPosCommand[];
  status(): PrinterStatus;
  setCondition(change: Partial<PrinterCondition>): void;
  close(): Promise<void>;
}

// A simulator left running all day must not grow without bound: keep only the recent history.
const KEEP_TICKETS = 200;
const KEEP_COMMANDS = 5000;

function keep<T>(list: T[], item: T, max: number): void {
  list.push(item);
  if (list.length > max) list.splice(0, list.length - max);
}

interface QrSettings {
  model: number;
  moduleDots: number;
  level: QrErrorLevel;
  data: string | null;
}
// Power-on defaults of Epson TM printers for GS ( k.
const QR_DEFAULTS: QrSettings = { model: 2, moduleDots: 3, level: 'L', data: null };

/**
 * The virtual twin of a network receipt printer: a TCP server on 127.0.0.1 that decodes the ESC/POS
 * stream, answers `DLE EOT` from a condition the test sets, and turns each cut into a PNG. Like a
 * real printer that is out of paper, open or offline, it answers status but prints nothing.
 * @example const p = await startVirtualPrinter({ paper: 58 }); await printTicket(createTcpTransport({ host: '127.0.0.1', port: p.port }), t, { paper: 58 })
 */
export async function startVirtualPrinter(options: VirtualPrinterOptions = {}): Promise<VirtualPrinter> {
  const dots = PAPER_DOTS[options.paper ?? 80];
  let condition: PrinterCondition = {
    offline: false,
    coverOpen: false,
    paperOut: false,
    paperLow: false,
    ...options.condition,
  };
  const tickets: PrintedTicket[] = [];
  const received: EscPosCommand[] = [];
  const sockets = new Set<Socket>();
  let elements: PaperElement[] = [];
  let align: Align = 'left';
  let qr: QrSettings = { ...QR_DEFAULTS };

  const status = (): PrinterStatus => ({
    online: !condition.offline && !condition.coverOpen && !condition.paperOut,
    coverOpen: condition.coverOpen,
    paperOut: condition.paperOut,
    paperLow: condition.paperLow,
  });

  function cutTicket(): void {
    // A cut with nothing printed since the last one leaves no ticket worth keeping.
    if (elements.length === 0) return;
    const paper = composePaper(elements, dots);
    const ticket: PrintedTicket = { elements, paper, png: paperPng(paper) };
    elements = [];
    keep(tickets, ticket, KEEP_TICKETS);
    options.onTicket?.(ticket);
  }

  function handle(cmd: EscPosCommand, socket: Socket): void {
    keep(received, cmd, KEEP_COMMANDS);
    if (cmd.kind === 'status') {
      socket.write(Buffer.of(statusReplyByte(cmd.n, status())));
      return;
    }
    if (cmd.kind === 'initialize') {
      align = 'left';
      qr = { ...QR_DEFAULTS };
    } else if (cmd.kind === 'justify') align = cmd.align;
    else if (cmd.kind === 'qrModel') qr.model = cmd.model;
    else if (cmd.kind === 'qrSize') qr.moduleDots = cmd.moduleDots;
    else if (cmd.kind === 'qrLevel') qr.level = cmd.level;
    else if (cmd.kind === 'qrStore') qr.data = cmd.data;
    // Paper moves only on a printer that can print.
    if (refusal(status()) !== null) return;
    if (cmd.kind === 'raster') elements.push({ kind: 'raster', raster: cmd.raster, align });
    else if (cmd.kind === 'qrPrint' && qr.data !== null) elements.push({ kind: 'qr', ...qr, data: qr.data, align });
    else if (cmd.kind === 'feed') elements.push({ kind: 'feed', lines: cmd.lines });
    else if (cmd.kind === 'cut') cutTicket();
  }

  const server = createServer((socket) => {
    sockets.add(socket);
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      const { commands, consumed } = decodeEscPos(pending);
      pending = pending.subarray(consumed);
      for (const cmd of commands) handle(cmd, socket);
    });
    // A client that vanishes mid-ticket is the client's problem, not the printer's.
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    port,
    url: `tcp://127.0.0.1:${port}`,
    tickets,
    received,
    status,
    setCondition(change) {
      condition = { ...condition, ...change };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
