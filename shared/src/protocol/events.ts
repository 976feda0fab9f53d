/**
 * The only wire contract between the hub and the apps. Requests are `noun:verb` with an ack;
 * notifications are `noun:verbed`, sent only after the state change is committed.
 */
import { z } from 'zod';
import type { Ack } from './ack';
import type { Counter } from '../model/counter';
import type { IssuedTicket, Ticket, TicketStatus } from '../model/ticket';
import type { ErrorCode } from './errors';
import type { Service } from '../model/service';
import type { PriorityCategory } from '../model/centre';
import type { DossierPanel } from '../model/dossier';
import type { NumberDialect } from '../rules/read-number-vi';

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

/** W3: a wall follows its configuration, or the window's shape when `auto`. */
export const DisplayOrientation = z.enum(['auto', 'landscape', 'portrait']);
export type DisplayOrientation = z.infer<typeof DisplayOrientation>;

/** W6: counter numbers as on the wall, each once; empty means every counter. */
const DisplayCounters = z
  .array(z.number().int().min(1).max(999))
  .max(100)
  .refine((ns) => new Set(ns).size === ns.length, { message: 'counter listed twice' });

/** W6: one line of at most 500 characters, NFC, no control characters. */
const DisplayNotice = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.string().max(500).regex(/^[^\u0000-\u001f\u007f]*$/));

/** A wall's configuration (stored in `displays.config`): each field has a default, so `{}` is valid. */
export const DisplayConfig = z.object({
  counters: DisplayCounters.default([]),
  orientation: DisplayOrientation.default('auto'),
  notice: DisplayNotice.default(''),
});
export type DisplayConfig = z.infer<typeof DisplayConfig>;
export const DEFAULT_DISPLAY_CONFIG: DisplayConfig = DisplayConfig.parse({});

/** W6: a change to one display's configuration; fields left out keep their value. */
export const DisplayConfigureInput = z.strictObject({
  displayId: Id,
  counters: DisplayCounters.optional(),
  orientation: DisplayOrientation.optional(),
  notice: DisplayNotice.optional(),
});
export type DisplayConfigureInput = z.input<typeof DisplayConfigureInput>;

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

/** What a wall needs besides the queue: its configuration, the centre's wording, the hub's time. */
export interface DisplaySetup {
  /** The display the token shows; null for a token that names none (defaults apply). */
  displayId: number | null;
  name: string;
  config: DisplayConfig;
  announcement: { template: string; dialect: NumberDialect };
  /** The hub's clock when it answered (epoch ms): W5, the wall corrects its own clock with it. */
  serverTime: number;
}

export interface DisplayConfigured {
  displayId: number;
  config: DisplayConfig;
}

export interface WhoAmI {
  role: Role;
  counterId: number | null;
  label: string;
}

/** Kiosk printing and the phone page (issue 7, SPEC K1–K9, P1–P3). */
export const TicketRefInput = z.strictObject({ ticketId: Id });
export type TicketRefInput = z.infer<typeof TicketRefInput>;

/** A ticket's opaque public id: 12 random bytes in base64url (never derived from another ticket). */
export const PublicId = z.string().regex(/^[A-Za-z0-9_-]{16}$/);

/**
 * What goes on a paper ticket (DOMAIN §4), built by the hub for both printing paths; the printer
 * side validates it again (hardware's PrintableTicket). `issuedAt` is epoch ms.
 */
export interface PrintJob {
  centreName: string;
  serviceName: string;
  label: string;
  issuedAt: number;
  ahead: number;
  estimatedWaitMinutes: number | null;
  priorityName: string | null;
  qrUrl: string;
  notice: string;
}

/**
 * How one print ended. `confirmed` is false when the printer took the ticket and then stopped
 * answering: it may be on paper, so it is not printed again.
 */
export type PrintOutcome = { ok: true; confirmed: boolean; paperLow: boolean } | { ok: false; code: ErrorCode };

/** To the kiosk that took the ticket only. */
export interface TicketPrint {
  ticketId: number;
  outcome: PrintOutcome;
}

/** To admin devices: a kiosk's ticket did not print. */
export interface PrinterAlert {
  deviceId: number;
  deviceLabel: string;
  ticketId: number;
  label: string;
  code: ErrorCode;
  at: string;
}

/** Whether the hub prints this kiosk's tickets: its token names a network printer (K8). */
export interface KioskPrinting {
  hubPrinter: boolean;
}

/**
 * What the public status page may know of a ticket (P1): nothing about the citizen, and no
 * priority category (it would tell who they are).
 */
export interface PublicTicketStatus {
  label: string;
  serviceName: string;
  serviceNameEn: string;
  status: TicketStatus;
  /** While waiting. */
  ahead: number | null;
  /** While waiting; null also when no counter is open for the service. */
  estimatedWaitMinutes: number | null;
  /** Once called. */
  counterNumber: number | null;
}

/** `window.luotShell` in the kiosk's Electron shell (K8). */
export interface KioskShellBridge {
  /** Present only when the shell has a USB printer: prints the job there, the hub's encoder. */
  printTicket?(job: PrintJob): Promise<PrintOutcome>;
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
  'dossiers:panel': Req<Record<string, never>, DossierPanel>;
  'display:get': Req<Record<string, never>, DisplaySetup>;
  'display:configure': Req<DisplayConfigureInput, DisplayConfigured>;
  'report:queue': Req<QueueReportInput, QueueReport>;
  'printer:get': Req<Record<string, never>, KioskPrinting>;
  'ticket:printable': Req<TicketRefInput, PrintJob>;
}

export interface ServerToClientEvents {
  /** The wall's dossier figures, after dossiers were imported or pushed (committed). */
  'dossiers:updated': (panel: DossierPanel) => void;
  'ticket:issued': (ticket: Ticket) => void;
  'ticket:called': (call: CallEvent) => void;
  'counter:updated': (counter: CounterState) => void;
  'queue:updated': (queues: ServiceQueue[]) => void;
  'print:finished': (print: TicketPrint) => void;
  'printer:failed': (alert: PrinterAlert) => void;
  'display:configured': (change: DisplayConfigured) => void;
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
  'dossiers:panel': EmptyInput,
  'display:get': EmptyInput,
  'display:configure': DisplayConfigureInput,
  'report:queue': QueueReportInput,
  'printer:get': EmptyInput,
  'ticket:printable': TicketRefInput,
} satisfies { [K in keyof ClientToServerEvents]: z.ZodType };

export type RequestName = keyof ClientToServerEvents;
export type RequestInput<K extends RequestName> = Parameters<ClientToServerEvents[K]>[0];
export type RequestResult<K extends RequestName> =
  Parameters<Parameters<ClientToServerEvents[K]>[1]>[0] extends Ack<infer O> ? O : never;
