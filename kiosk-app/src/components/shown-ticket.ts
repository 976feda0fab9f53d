import type { IssuedTicket, Service } from '@luot/shared';

/** The ticket just taken, as its screen shows it: printed (TicketCard) or not (PrintFailure). */
export interface ShownTicket {
  ticket: IssuedTicket;
  service: Service;
  priorityName: string | null;
  statusUrl: string;
}
