/**
 * The only wire contract between the hub and the apps. Requests are `noun:verb` with an ack;
 * notifications are `noun:verbed`, sent only after the state change is committed.
 */
import { z } from 'zod';
import type { Ack } from './ack';
import type { Counter } from '../model/counter';
import type { IssuedTicket, Ticket } from '../model/ticket';
import type { Service } from '../model/service';
import type { PriorityCategory } from '../model/centre';

const Id = z.number().int().positive();

export const IssueTicketInput = z.strictObject({
  serviceId: Id,
  priority: z.string().min(1).max(32).optional(),
});
export type IssueTicketInput = z.infer<typeof IssueTicketInput>;

export const CounterInput = z.strictObject({ counterId: Id });
export type CounterInput = z.infer<typeof CounterInput>;

/**
 * An action on the counter's current ticket. `ticketId`, when given, must still be that ticket:
 * a button pressed on a screen that is out of date is refused (STALE_TICKET), not applied elsewhere.
 */
export const TicketActionInput = z.strictObject({ counterId: Id, ticketId: Id.optional() });
export type TicketActionInput = z.infer<typeof TicketActionInput>;

export const TransferInput = z.strictObject({ counterId: Id, serviceId: Id, ticketId: Id.optional() });
export type TransferInput = z.infer<typeof TransferInput>;

export const SignInInput = z.strictObject({
  counterId: Id,
  name: z.string().trim().min(1).max(64),
  pin: z.string().regex(/^\d{4,8}$/),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const DisplaySyncInput = z.strictObject({ afterSeq: z.number().int().min(0) });
export type DisplaySyncInput = z.infer<typeof DisplaySyncInput>;

export const EmptyInput = z.strictObject({});

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const QueueReportInput = z
  .strictObject({
    from: IsoDate,
    to: IsoDate,
    groupBy: z.enum(['service', 'counter', 'officer']).default('service'),
  })
  .refine((q) => q.from <= q.to, { message: 'from after to' });
export type QueueReportInput = z.input<typeof QueueReportInput>;

/** Queue figures for one group (DOMAIN §3): counts, and times in seconds. */
export interface QueueFigures {
  issued: number;
  called: number;
  served: number;
  noShows: number;
  transferred: number;
  waitMedianSeconds: number | null;
  waitP90Seconds: number | null;
  serviceMedianSeconds: number | null;
  serviceP90Seconds: number | null;
}

export interface QueueReport {
  from: string;
  to: string;
  groupBy: 'service' | 'counter' | 'officer';
  total: QueueFigures;
  groups: ({ key: number; name: string } & QueueFigures)[];
}

/** One announcement-worthy event: a call or a recall of a ticket to a counter. */
export interface CallEvent {
  /** Strictly increasing over the hub's life; a display uses it to catch up without repeats. */
  seq: number;
  kind: 'call' | 'recall';
  ticketId: number;
  label: string;
  number: number;
  serviceId: number;
  counterId: number;
  counterNumber: number;
  at: string;
}

export interface Officer {
  id: number;
  name: string;
}

export interface CounterState extends Counter {
  /** The ticket called or being served at this counter, if any. */
  current: Ticket | null;
  officer: Officer | null;
}

/** What an officer's screen shows: the counter, and who is next over its services. */
export interface CounterView {
  counter: CounterState;
  /** The next tickets in the order call-next would take them (at most 8). */
  next: Ticket[];
  queues: ServiceQueue[];
}

export interface ServiceQueue {
  serviceId: number;
  waiting: number;
  estimatedWaitMinutes: number | null;
}

/** Everything a screen needs to draw the centre now. */
export interface CentreSnapshot {
  centreName: string;
  services: Service[];
  counters: CounterState[];
  queues: ServiceQueue[];
  priorityCategories: PriorityCategory[];
}

export interface DisplayState {
  centreName: string;
  services: Service[];
  counters: CounterState[];
  lastCalls: CallEvent[];
  /** Highest call seq included in this state. */
  seq: number;
}

export interface DisplaySync {
  state: DisplayState;
  /** Calls after the requested seq, oldest first. */
  missed: CallEvent[];
}

export interface WhoAmI {
  role: Role;
  counterId: number | null;
  label: string;
}

export const ROLES = ['kiosk', 'counter', 'display', 'admin'] as const;
export type Role = (typeof ROLES)[number];

type Req<I, O> = (input: I, ack: (res: Ack<O>) => void) => void;

export interface ClientToServerEvents {
  'device:whoami': Req<Record<string, never>, WhoAmI>;
  'centre:get': Req<Record<string, never>, CentreSnapshot>;
  'ticket:issue': Req<IssueTicketInput, IssuedTicket>;
  'counter:view': Req<CounterInput, CounterView>;
  'counter:callNext': Req<CounterInput, Ticket>;
  'counter:recall': Req<TicketActionInput, Ticket>;
  'counter:start': Req<TicketActionInput, Ticket>;
  'counter:finish': Req<TicketActionInput, Ticket>;
  'counter:noShow': Req<TicketActionInput, Ticket>;
  'counter:transfer': Req<TransferInput, Ticket>;
  'counter:pause': Req<CounterInput, CounterState>;
  'counter:resume': Req<CounterInput, CounterState>;
  'officer:signIn': Req<SignInInput, Officer>;
  'officer:signOut': Req<CounterInput, CounterState>;
  'display:sync': Req<DisplaySyncInput, DisplaySync>;
  'report:queue': Req<QueueReportInput, QueueReport>;
}

export interface ServerToClientEvents {
  'ticket:issued': (ticket: Ticket) => void;
  'ticket:called': (call: CallEvent) => void;
  'counter:updated': (counter: CounterState) => void;
  'queue:updated': (queues: ServiceQueue[]) => void;
}

/** Input schema of every request event: the hub validates each payload with it. */
export const REQUEST_SCHEMAS = {
  'device:whoami': EmptyInput,
  'centre:get': EmptyInput,
  'ticket:issue': IssueTicketInput,
  'counter:view': CounterInput,
  'counter:callNext': CounterInput,
  'counter:recall': TicketActionInput,
  'counter:start': TicketActionInput,
  'counter:finish': TicketActionInput,
  'counter:noShow': TicketActionInput,
  'counter:transfer': TransferInput,
  'counter:pause': CounterInput,
  'counter:resume': CounterInput,
  'officer:signIn': SignInInput,
  'officer:signOut': CounterInput,
  'display:sync': DisplaySyncInput,
  'report:queue': QueueReportInput,
} satisfies { [K in keyof ClientToServerEvents]: z.ZodType };

export type RequestName = keyof ClientToServerEvents;
export type RequestInput<K extends RequestName> = Parameters<ClientToServerEvents[K]>[0];
export type RequestResult<K extends RequestName> =
  Parameters<Parameters<ClientToServerEvents[K]>[1]>[0] extends Ack<infer O> ? O : never;
