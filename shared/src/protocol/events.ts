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

export const TransferInput = z.strictObject({ counterId: Id, serviceId: Id });
export type TransferInput = z.infer<typeof TransferInput>;

export const DisplaySyncInput = z.strictObject({ afterSeq: z.number().int().min(0) });
export type DisplaySyncInput = z.infer<typeof DisplaySyncInput>;

export const EmptyInput = z.strictObject({});

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

export interface CounterState extends Counter {
  /** The ticket called or being served at this counter, if any. */
  current: Ticket | null;
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
  'counter:callNext': Req<CounterInput, Ticket>;
  'display:sync': Req<DisplaySyncInput, DisplaySync>;
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
  'counter:callNext': CounterInput,
  'display:sync': DisplaySyncInput,
} satisfies { [K in keyof ClientToServerEvents]: z.ZodType };

export type RequestName = keyof ClientToServerEvents;
export type RequestInput<K extends RequestName> = Parameters<ClientToServerEvents[K]>[0];
export type RequestResult<K extends RequestName> =
  Parameters<Parameters<ClientToServerEvents[K]>[1]>[0] extends Ack<infer O> ? O : never;
