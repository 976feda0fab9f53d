import { PublicId, type PublicTicketStatus, type Ticket } from '@luot/shared';
import type { Db } from '../../db/open';
import type { CentreRepository } from '../centre/centre-repository';
import type { RatingService } from '../ratings/rating-service';
import { queueStatements } from '../queue/queue-statements';
import type { QueueService, TicketWait } from '../queue/queue-service';
import { toTicket } from '../queue/ticket-row';

/**
 * Where a ticket stands now and what the citizen's public page may show of it (P1).
 * Read-only, apart from closing a past day (Q8) first.
 */
export function createTicketStatus(
  db: Db,
  centre: CentreRepository,
  queue: QueueService,
  ratings: Pick<RatingService, 'publicRating'>,
) {
  const stmt = queueStatements(db);
  const waitOf = (ticket: Ticket): TicketWait => queue.waitOf(ticket.id);

  return {
    waitOf,
    /** The public view of the ticket behind `publicId`, or null for anything that is not one. */
    publicStatus(publicId: string): PublicTicketStatus | null {
      if (!PublicId.safeParse(publicId).success) return null;
      // A ticket from yesterday reads as expired even if nobody has acted yet today.
      queue.rollover();
      const row = stmt.byPublicId.get(publicId);
      if (!row) return null;
      const ticket = toTicket(row);
      const service = centre.service(ticket.serviceId);
      const atCounter = (ticket.status === 'called' || ticket.status === 'serving') && ticket.counterId !== null;
      const counter = atCounter ? centre.counter(ticket.counterId as number) : null;
      return {
        centreName: centre.settings()?.name ?? '',
        addressForm: centre.settings()?.addressForm ?? 'congDan',
        label: ticket.label,
        serviceName: service?.name ?? '',
        serviceNameEn: service?.nameEn ?? '',
        status: ticket.status,
        ...waitOf(ticket),
        counterNumber: counter?.number ?? null,
        // RT8: the rating after service, once.
        rating: ratings.publicRating(publicId),
      };
    },
  };
}
export type TicketStatusService = ReturnType<typeof createTicketStatus>;
