/** Kiosk printing, the Electron bridge and the phone page on the wire (SPEC K1–K9, P1–P3, E3). */
import { z } from 'zod';
import { AddressForm } from '../model/centre';
import { TicketStatus } from '../model/ticket';
import { Id } from './common';
import { PublicRating } from './ratings';
import type { ErrorCode } from './errors';

/** Kiosk printing and the phone page (SPEC K1–K9, P1–P3). */
export const TicketRefInput = z.strictObject({ ticketId: Id });
export type TicketRefInput = z.infer<typeof TicketRefInput>;

/** A ticket's opaque public id: 12 random bytes in base64url (never derived from another ticket). */
export const PublicId = z.string().regex(/^[A-Za-z0-9_-]{16}$/);

/**
 * What goes on a paper ticket (K4), built by the hub for both printing paths; the printer
 * side validates it again (hardware's PrintableTicket). `issuedAt` is epoch ms.
 */
export const PrintJob = z.object({
  centreName: z.string(),
  serviceName: z.string(),
  label: z.string(),
  issuedAt: z.number().int(),
  ahead: z.number().int().min(0),
  estimatedWaitMinutes: z.number().int().min(0).nullable(),
  priorityName: z.string().nullable(),
  qrUrl: z.string(),
  notice: z.string(),
});
export type PrintJob = z.infer<typeof PrintJob>;

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

/** To admin and counter devices (K2, K12): a kiosk's ticket did not print. */
export interface PrinterAlert {
  deviceId: number;
  deviceLabel: string;
  ticketId: number;
  label: string;
  code: ErrorCode;
  at: string;
}

/** Whether the hub prints this kiosk's tickets: its token names a network printer (K8). */
export const KioskPrinting = z.object({ hubPrinter: z.boolean() });
export type KioskPrinting = z.infer<typeof KioskPrinting>;

/**
 * What the public status page may know of a ticket (P1): nothing about the citizen, and no
 * priority category (it would tell who they are).
 */
export const PublicTicketStatus = z.object({
  /** The centre, named at the top of the page (P5). */
  centreName: z.string(),
  /** I5: how the page addresses the citizen. */
  addressForm: AddressForm,
  label: z.string(),
  serviceName: z.string(),
  serviceNameEn: z.string(),
  status: TicketStatus,
  /** While waiting. */
  ahead: z.number().int().min(0).nullable(),
  /** While waiting; null also when no counter is open for the service. */
  estimatedWaitMinutes: z.number().int().min(0).nullable(),
  /** Once called. */
  counterNumber: z.number().int().positive().nullable(),
  /** RT8: the rating after service, once. */
  rating: PublicRating,
});
export type PublicTicketStatus = z.infer<typeof PublicTicketStatus>;

/** `window.luotShell` in the kiosk's Electron shell (K8). */
export interface KioskShellBridge {
  /** Present only when the shell has a USB printer: prints the job there, the hub's encoder. */
  printTicket?(job: PrintJob): Promise<PrintOutcome>;
}
