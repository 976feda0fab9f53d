/**
 * The only wire contract between the hub and the apps. Requests are `noun:verb` with an ack;
 * notifications are `noun:verbed`, sent only after the state change is committed.
 */
import { z } from 'zod';
import { Id, ROLES } from './common';
import { DisplayConfigureInput, DisplayConfigured, DisplaySetup, DisplaySync } from './display';
import { DeviceInfo, DeviceList, DeviceRevokeInput } from './devices';
import { KioskPrinting, PrintJob, TicketRefInput, type PrinterAlert, type TicketPrint } from './printing';
import { CallEvent, CentreSnapshot, CounterState, CounterView, Officer, ServiceQueue } from './queue';
import { QueueReport, QueueReportInput } from './reports';
import type { Ack } from './ack';
import { IssuedTicket, Ticket } from '../model/ticket';
import { DossierPanel } from './dossier-results';
import { CentreSetup } from '../model/setup';
import {
  AuditList,
  AuditListInput,
  OfficerInfo,
  OfficerList,
  OfficerResetPinInput,
  PairingCode,
  PairingCreateInput,
  SetupApplied,
  SetupApplyInput,
} from './admin';
import { VoiceList } from './voice';
import { DossierSourceSetInput, DossierSourceState } from './dossier-source';
import { Rating, RatingPending, RatingSubmitInput, type RatingRequest } from './ratings';
import { ProcedureDeleted, ProcedureDeleteInput, ProcedureSaveInput } from './procedures';
import { Procedure } from '../model/procedure';

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

/**
 * Q19: call next. While the counter's current ticket is only `called` (service never started) the
 * officer says what became of it: `served` (the citizen came and was served) or `noShow`; without it
 * the answer is CURRENT_NOT_RESOLVED and nothing changes.
 */
export const CallNextInput = z.strictObject({ counterId: Id, resolve: z.enum(['served', 'noShow']).optional() });
export type CallNextInput = z.infer<typeof CallNextInput>;

/** A ticket number as printed and spoken (Q14): 1–999,999. */
const TicketNumberInput = z.number().int().min(1).max(999_999);

/** Q21: call one waiting number of the counter's services out of order. */
export const CallNumberInput = z.strictObject({ counterId: Id, number: TicketNumberInput });
export type CallNumberInput = z.infer<typeof CallNumberInput>;

/** Q22: call again today's no-show who came back, by ticket id or number. */
export const RecallNoShowInput = z.strictObject({
  counterId: Id,
  /** Exactly one of the two (else BAD_REQUEST). */
  ticketId: Id.optional(),
  number: TicketNumberInput.optional(),
});
export type RecallNoShowInput = z.infer<typeof RecallNoShowInput>;

export const TransferInput = z.strictObject({ counterId: Id, serviceId: Id, ticketId: Id.optional() });
export type TransferInput = z.infer<typeof TransferInput>;

export const SignInInput = z.strictObject({
  counterId: Id,
  name: z.string().trim().min(1).max(64),
  pin: z.string().regex(/^\d{4,8}$/),
  /** Q18: the officer is signed in at another counter and confirmed the move (it closes that one). */
  move: z.boolean().optional(),
});
export type SignInInput = z.infer<typeof SignInInput>;

/** Why an admin cancels tickets (Q17): 1–200 characters once trimmed; logged with each ticket. */
export const CancelReason = z.string().trim().min(1).max(200);

/** Q17: an admin cancels one waiting or called ticket. */
export const CancelTicketInput = z.strictObject({ ticketId: Id, reason: CancelReason });
export type CancelTicketInput = z.infer<typeof CancelTicketInput>;

/** Q17: an admin cancels every ticket still waiting for a service. */
export const CancelWaitingInput = z.strictObject({ serviceId: Id, reason: CancelReason });
export type CancelWaitingInput = z.infer<typeof CancelWaitingInput>;

export const CancelWaitingResult = z.object({
  serviceId: z.number().int().positive(),
  /** How many waiting tickets were cancelled (0 when nobody waited). */
  cancelled: z.number().int().min(0),
});
export type CancelWaitingResult = z.infer<typeof CancelWaitingResult>;

export const DisplaySyncInput = z.strictObject({ afterSeq: z.number().int().min(0) });
export type DisplaySyncInput = z.infer<typeof DisplaySyncInput>;

export const EmptyInput = z.strictObject({});

export const WhoAmI = z.object({
  role: z.enum(ROLES),
  counterId: z.number().int().positive().nullable(),
  label: z.string(),
});
export type WhoAmI = z.infer<typeof WhoAmI>;

type Req<I, O> = (input: I, ack: (res: Ack<O>) => void) => void;

export interface ClientToServerEvents {
  'device:whoami': Req<Record<string, never>, WhoAmI>;
  'centre:get': Req<Record<string, never>, CentreSnapshot>;
  'ticket:issue': Req<IssueTicketInput, IssuedTicket>;
  'counter:view': Req<CounterInput, CounterView>;
  'counter:callNext': Req<CallNextInput, Ticket>;
  'counter:callNumber': Req<CallNumberInput, Ticket>;
  'counter:recallNoShow': Req<RecallNoShowInput, Ticket>;
  'counter:recall': Req<TicketActionInput, Ticket>;
  'counter:start': Req<TicketActionInput, Ticket>;
  'counter:finish': Req<TicketActionInput, Ticket>;
  'counter:noShow': Req<TicketActionInput, Ticket>;
  'counter:transfer': Req<TransferInput, Ticket>;
  'ticket:cancel': Req<CancelTicketInput, Ticket>;
  'service:cancelWaiting': Req<CancelWaitingInput, CancelWaitingResult>;
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
  'device:list': Req<Record<string, never>, DeviceList>;
  'device:revoke': Req<DeviceRevokeInput, DeviceInfo>;
  'setup:get': Req<Record<string, never>, CentreSetup>;
  'setup:apply': Req<SetupApplyInput, SetupApplied>;
  'officer:list': Req<Record<string, never>, OfficerList>;
  'officer:resetPin': Req<OfficerResetPinInput, OfficerInfo>;
  'pairing:create': Req<PairingCreateInput, PairingCode>;
  'audit:list': Req<AuditListInput, AuditList>;
  'voice:list': Req<Record<string, never>, VoiceList>;
  'dossierSource:get': Req<Record<string, never>, DossierSourceState>;
  'dossierSource:set': Req<DossierSourceSetInput, DossierSourceState>;
  'dossierSource:pullNow': Req<Record<string, never>, DossierSourceState>;
  'rating:submit': Req<RatingSubmitInput, Rating>;
  'rating:pending': Req<CounterInput, RatingPending>;
  'procedure:save': Req<ProcedureSaveInput, Procedure>;
  'procedure:delete': Req<ProcedureDeleteInput, ProcedureDeleted>;
}

/** Something the head of the centre must act on. */
export interface HubAlert {
  /** DISK_FULL: writes fail (H3); BACKUP_FAILED: the nightly backup was not made (B4). */
  code: 'DISK_FULL' | 'BACKUP_FAILED';
  at: string;
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
  /** To the admins: the hub cannot do its work (a full disk) or missed its nightly backup; once per minute at most per code. */
  'hub:alert': (alert: HubAlert) => void;
  /** C8: the centre's setup changed (services, counters, names, hours…): re-read it (`centre:get`). */
  'centre:changed': () => void;
  /** RT6: to the devices bound to that counter: a ticket just finished there may be rated. */
  'rating:requested': (request: RatingRequest) => void;
}

/** Input schema of every request event: the hub validates each payload with it. */
export const REQUEST_SCHEMAS = {
  'device:whoami': EmptyInput,
  'centre:get': EmptyInput,
  'ticket:issue': IssueTicketInput,
  'counter:view': CounterInput,
  'counter:callNext': CallNextInput,
  'counter:callNumber': CallNumberInput,
  'counter:recallNoShow': RecallNoShowInput,
  'counter:recall': TicketActionInput,
  'counter:start': TicketActionInput,
  'counter:finish': TicketActionInput,
  'counter:noShow': TicketActionInput,
  'counter:transfer': TransferInput,
  'ticket:cancel': CancelTicketInput,
  'service:cancelWaiting': CancelWaitingInput,
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
  'device:list': EmptyInput,
  'device:revoke': DeviceRevokeInput,
  'setup:get': EmptyInput,
  'setup:apply': SetupApplyInput,
  'officer:list': EmptyInput,
  'officer:resetPin': OfficerResetPinInput,
  'pairing:create': PairingCreateInput,
  'audit:list': AuditListInput,
  'voice:list': EmptyInput,
  'dossierSource:get': EmptyInput,
  'dossierSource:set': DossierSourceSetInput,
  'dossierSource:pullNow': EmptyInput,
  'rating:submit': RatingSubmitInput,
  'rating:pending': CounterInput,
  'procedure:save': ProcedureSaveInput,
  'procedure:delete': ProcedureDeleteInput,
} satisfies { [K in keyof ClientToServerEvents]: z.ZodType };

export type RequestName = keyof ClientToServerEvents;
export type RequestInput<K extends RequestName> = Parameters<ClientToServerEvents[K]>[0];
export type RequestResult<K extends RequestName> =
  Parameters<Parameters<ClientToServerEvents[K]>[1]>[0] extends Ack<infer O> ? O : never;

/**
 * Result schema of every request event (the `data` of a successful ack, and the body a REST route
 * answers unless it returns only part of it). The hub does not parse its own answers with them:
 * they are the contract the apps and GET /api/openapi.json are written against.
 */
export const RESULT_SCHEMAS = {
  'device:whoami': WhoAmI,
  'centre:get': CentreSnapshot,
  'ticket:issue': IssuedTicket,
  'counter:view': CounterView,
  'counter:callNext': Ticket,
  'counter:callNumber': Ticket,
  'counter:recallNoShow': Ticket,
  'counter:recall': Ticket,
  'counter:start': Ticket,
  'counter:finish': Ticket,
  'counter:noShow': Ticket,
  'counter:transfer': Ticket,
  'ticket:cancel': Ticket,
  'service:cancelWaiting': CancelWaitingResult,
  'counter:pause': CounterState,
  'counter:resume': CounterState,
  'officer:signIn': Officer,
  'officer:signOut': CounterState,
  'display:sync': DisplaySync,
  'dossiers:panel': DossierPanel,
  'display:get': DisplaySetup,
  'display:configure': DisplayConfigured,
  'report:queue': QueueReport,
  'printer:get': KioskPrinting,
  'ticket:printable': PrintJob,
  'device:list': DeviceList,
  'device:revoke': DeviceInfo,
  'setup:get': CentreSetup,
  'setup:apply': SetupApplied,
  'officer:list': OfficerList,
  'officer:resetPin': OfficerInfo,
  'pairing:create': PairingCode,
  'audit:list': AuditList,
  'voice:list': VoiceList,
  'dossierSource:get': DossierSourceState,
  'dossierSource:set': DossierSourceState,
  'dossierSource:pullNow': DossierSourceState,
  'rating:submit': Rating,
  'rating:pending': RatingPending,
  'procedure:save': Procedure,
  'procedure:delete': ProcedureDeleted,
} satisfies { [K in RequestName]: z.ZodType<RequestResult<K>> };
