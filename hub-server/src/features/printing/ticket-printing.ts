import {
  createTcpTransport,
  parsePrinterUrl,
  printForOutcome,
  type PaperWidth,
  type PrinterTransport,
  type PrintReport,
} from '@luot/hardware';
import { DomainError, type Clock, type IssuedTicket, type PrintJob, type Ticket } from '@luot/shared';
import type { Logger } from 'pino';
import type { Db } from '../../db/open';
import type { EventLog } from '../event-log/event-log';
import type { Notifier } from '../../realtime/notifier';
import type { CentreRepository } from '../centre/centre-repository';
import type { Device } from '../devices/device-repository';
import { toTicket, type TicketRow } from '../queue/ticket-row';
import type { TicketWait } from '../queue/queue-service';
import type { TicketStatusService } from '../ticket-status/ticket-status';
import { printJob } from './print-job';

export interface TicketPrintingDeps {
  db: Db;
  centre: CentreRepository;
  events: EventLog;
  status: TicketStatusService;
  notify: Pick<Notifier, 'printFinished' | 'printerFailed'>;
  /** Where a device reached the hub: the base of the ticket's QR link. */
  origin(deviceId: number): string;
  logger: Logger;
  clock: Clock;
  /** Paper of the kiosks' network printers; 80 mm unless told. */
  paper?: PaperWidth;
}

/**
 * Tickets on the kiosks' network printers (K1–K4, K8). The ticket is committed and acknowledged
 * before its bytes leave the hub; each print is tried once (no retry can double a ticket), and
 * its outcome goes to the kiosk that took the ticket, to the log, to `queue_events`, and, when it
 * failed, to the admins.
 */
export function createTicketPrinting(deps: TicketPrintingDeps) {
  const { db, centre, logger, clock } = deps;
  /** K3: one transport per printer, kept for the hub's life (it reconnects by itself). */
  const transports = new Map<string, PrinterTransport>();
  const inFlight = new Set<Promise<void>>();
  const issuedBy = db.prepare<[number, number], TicketRow>(
    `SELECT t.* FROM tickets t JOIN queue_events e ON e.ticket_id = t.id AND e.type = 'issued'
     WHERE t.id = ? AND e.device_id = ?`,
  );

  const jobFor = (ticket: Ticket, wait: TicketWait, deviceId: number): PrintJob =>
    printJob(ticket, wait, centre.settings(), centre.service(ticket.serviceId), deps.origin(deviceId));

  function transportFor(printer: string): PrinterTransport | null {
    const known = transports.get(printer);
    if (known) return known;
    const address = parsePrinterUrl(printer);
    if (!address) return null;
    const transport = createTcpTransport(address);
    transports.set(printer, transport);
    return transport;
  }

  async function print(device: Device, printer: string, ticket: IssuedTicket): Promise<void> {
    const transport = transportFor(printer);
    const report: PrintReport = transport
      ? await printForOutcome(transport, jobFor(ticket, ticket, device.id), { paper: deps.paper ?? 80 })
      : { outcome: { ok: false, code: 'PRINTER_UNREACHABLE' }, detail: `not a tcp://HOST:PORT address: ${printer}` };
    const { outcome } = report;
    const at = clock.now();
    const where = { deviceId: device.id, device: device.label, printer, ticketId: ticket.id, label: ticket.label };
    if (outcome.ok) {
      deps.events.record({ type: 'printed', ticketId: ticket.id, deviceId: device.id, data: { printer, ...outcome } });
      if (outcome.paperLow) logger.warn(where, 'printer paper is low');
    } else {
      deps.events.record({
        type: 'printFailed',
        ticketId: ticket.id,
        deviceId: device.id,
        data: { printer, code: outcome.code },
      });
      logger.warn({ ...where, code: outcome.code, detail: report.detail }, 'ticket not printed');
      deps.notify.printerFailed({
        deviceId: device.id,
        deviceLabel: device.label,
        ticketId: ticket.id,
        label: ticket.label,
        code: outcome.code,
        at: new Date(at).toISOString(),
      });
    }
    deps.notify.printFinished(device.id, { ticketId: ticket.id, outcome });
  }

  return {
    /**
     * K1: called by the issue action once the ticket is committed; printing starts after the
     * action has returned, so the kiosk's answer never waits for paper.
     */
    afterIssue(device: Device, ticket: IssuedTicket): void {
      const printer = device.printer;
      if (printer === null) return;
      const run = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => print(device, printer, ticket))
        .catch((e: unknown) => logger.error({ err: e, ticketId: ticket.id }, 'ticket printing failed'))
        .finally(() => inFlight.delete(run));
      inFlight.add(run);
    },
    /** K8: the job a kiosk prints on its own USB printer; only for a ticket it issued itself. */
    printable(device: Device, ticketId: number): PrintJob {
      const row = issuedBy.get(ticketId, device.id);
      if (!row) throw new DomainError('TICKET_NOT_FOUND');
      const ticket = toTicket(row);
      return jobFor(ticket, deps.status.waitOf(ticket), device.id);
    },
    /** Lets prints under way finish (each is bounded by the transport's timeouts), then hangs up. */
    async close(): Promise<void> {
      await Promise.allSettled([...inFlight]);
      await Promise.allSettled([...transports.values()].map((t) => t.close()));
      transports.clear();
    },
  };
}
export type TicketPrinting = ReturnType<typeof createTicketPrinting>;
