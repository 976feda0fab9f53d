import type { Ticket, TicketStatus } from '@luot/shared';

export interface TicketRow {
  id: number;
  public_id: string;
  day: string;
  service_id: number;
  number: number;
  label: string;
  priority: string | null;
  status: TicketStatus;
  issued_at: number;
  queued_at: number;
  counter_id: number | null;
  officer_id: number | null;
  called_at: number | null;
  served_at: number | null;
  ended_at: number | null;
  transferred_from: number | null;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function toTicket(r: TicketRow): Ticket {
  return {
    id: r.id,
    publicId: r.public_id,
    serviceId: r.service_id,
    number: r.number,
    label: r.label,
    day: r.day,
    priority: r.priority,
    status: r.status,
    issuedAt: new Date(r.issued_at).toISOString(),
    counterId: r.counter_id,
    calledAt: iso(r.called_at),
  };
}
