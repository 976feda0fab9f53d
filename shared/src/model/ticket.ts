import { z } from 'zod';

/** Q16; `cancelled` by an admin (Q17). */
export const TicketStatus = z.enum([
  'waiting',
  'called',
  'serving',
  'done',
  'noShow',
  'transferred',
  'expired',
  'cancelled',
]);
export type TicketStatus = z.infer<typeof TicketStatus>;

export const Ticket = z.object({
  id: z.number().int().positive(),
  /** Opaque id for the citizen's live status page; not derivable from any other ticket. */
  publicId: z.string(),
  serviceId: z.number().int().positive(),
  number: z.number().int().positive(),
  /** How the number is shown: "1001", or "A001" for a letter-prefixed centre. */
  label: z.string(),
  /** Local date (Asia/Ho_Chi_Minh) of the day the number belongs to. */
  day: z.string(),
  priority: z.string().nullable(),
  status: TicketStatus,
  /** ISO-8601 instant the number was issued (kept across a transfer). */
  issuedAt: z.string(),
  counterId: z.number().int().nullable(),
  calledAt: z.string().nullable(),
});
export type Ticket = z.infer<typeof Ticket>;

export const IssuedTicket = Ticket.extend({
  /** People who will be served before this ticket. */
  ahead: z.number().int().min(0),
  /** Minutes, or null when no counter is open for the service. */
  estimatedWaitMinutes: z.number().int().min(0).nullable(),
});
export type IssuedTicket = z.infer<typeof IssuedTicket>;
