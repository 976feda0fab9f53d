/** The queue as screens see it on the wire: calls, counters and waiting counts (Q1–Q16, W1–W11, H9). */
import { z } from 'zod';
import { AddressForm, PriorityCategory } from '../model/centre';
import { Counter } from '../model/counter';
import { Service } from '../model/service';
import { Ticket } from '../model/ticket';

/** One announcement-worthy event: a call or a recall of a ticket to a counter. */
export const CallEvent = z.object({
  /** Strictly increasing over the hub's life; a display uses it to catch up without repeats. */
  seq: z.number().int().positive(),
  kind: z.enum(['call', 'recall']),
  ticketId: z.number().int().positive(),
  label: z.string(),
  number: z.number().int().positive(),
  serviceId: z.number().int().positive(),
  counterId: z.number().int().positive(),
  counterNumber: z.number().int().positive(),
  /** ISO-8601 instant of the call. */
  at: z.string(),
});
export type CallEvent = z.infer<typeof CallEvent>;

export const Officer = z.object({
  id: z.number().int().positive(),
  name: z.string(),
});
export type Officer = z.infer<typeof Officer>;

/**
 * H9: what every screen may know of a counter's ticket: what a tile shows. The status page id,
 * the priority category and the times stay with the officer's own view (CounterView.current).
 */
export const ScreenTicket = Ticket.pick({
  id: true,
  serviceId: true,
  number: true,
  label: true,
  status: true,
  counterId: true,
});
export type ScreenTicket = z.infer<typeof ScreenTicket>;

export const CounterState = Counter.extend({
  /** The ticket called or being served at this counter, if any. */
  current: ScreenTicket.nullable(),
  officer: Officer.nullable(),
});
export type CounterState = z.infer<typeof CounterState>;

export const ServiceQueue = z.object({
  serviceId: z.number().int().positive(),
  waiting: z.number().int().min(0),
  /** Minutes, or null when no counter is open for the service. */
  estimatedWaitMinutes: z.number().int().min(0).nullable(),
});
export type ServiceQueue = z.infer<typeof ServiceQueue>;

/** What an officer's screen shows: the counter, and who is next over its services. */
export const CounterView = z.object({
  counter: CounterState,
  /** The counter's ticket in full (priority, call time) for the officer. */
  current: Ticket.nullable(),
  /** The next tickets in the order call-next would take them (at most 8). */
  next: z.array(Ticket),
  queues: z.array(ServiceQueue),
});
export type CounterView = z.infer<typeof CounterView>;

/** Everything a screen needs to draw the centre now. */
export const CentreSnapshot = z.object({
  centreName: z.string(),
  /** I5: how the public screens address people. */
  addressForm: AddressForm,
  /** C1: the centre's public address for the ticket's QR (phones outside its network), or null. */
  publicUrl: z.string().nullable(),
  /** C1: the centre's logo (`GET /api/public/logo?v=…`, changing with the logo), or null: the emblem. */
  logoUrl: z.string().nullable(),
  services: z.array(Service),
  counters: z.array(CounterState),
  queues: z.array(ServiceQueue),
  priorityCategories: z.array(PriorityCategory),
});
export type CentreSnapshot = z.infer<typeof CentreSnapshot>;
