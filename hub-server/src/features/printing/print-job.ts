import { publicBase, vi, type CentreSettings, type PrintJob, type Service, type Ticket } from '@luot/shared';
import type { TicketWait } from '../queue/queue-service';

/**
 * K4: what goes on paper for a ticket, in Vietnamese whatever language the kiosk
 * shows: the centre, the service, the number, people ahead and the wait as the ticket stands,
 * the priority category's name, and the QR code of the ticket's public page.
 * @example printJob(ticket, { ahead: 3, estimatedWaitMinutes: 15 }, settings, service, 'http://192.168.1.10:8080')
 */
export function printJob(
  ticket: Ticket,
  wait: TicketWait,
  settings: CentreSettings | null,
  service: Service | null,
  origin: string,
): PrintJob {
  const category = settings?.priorityCategories.find((c) => c.id === ticket.priority);
  return {
    centreName: settings?.name ?? '',
    serviceName: service?.name ?? '',
    label: ticket.label,
    issuedAt: Date.parse(ticket.issuedAt),
    ahead: wait.ahead ?? 0,
    estimatedWaitMinutes: wait.estimatedWaitMinutes,
    // A category removed since the ticket was issued still prints as priority.
    priorityName: ticket.priority === null ? null : (category?.name ?? vi.kiosk.priorityMark),
    qrUrl: `${publicBase(settings, origin)}/t/${ticket.publicId}`,
    notice: vi.kiosk.ticketNotice,
  };
}
