/** The admin console's part of the wire contract (SPEC C1–C9, G6–G8). */
import { z } from 'zod';
import { CentreLevel } from '../model/centre';
import { CentreSetup } from '../model/setup';
import { Id, ROLES } from './common';

export const SetupGetResult = CentreSetup;

/** C8: the console and `luot setup apply` send the whole document; only what differs is changed. */
export const SetupApplyInput = z.strictObject({
  setup: z.unknown(),
  /** Say what would change, change nothing. */
  dryRun: z.boolean().optional(),
});
export type SetupApplyInput = z.infer<typeof SetupApplyInput>;

export const SetupApplied = z.object({
  /** What changed (or would), one Vietnamese line each; empty when the document matched. */
  changes: z.array(z.string()),
  setup: CentreSetup,
});
export type SetupApplied = z.infer<typeof SetupApplied>;

/** An officer as the console lists them: never the PIN hash. */
export const OfficerInfo = z.object({
  id: Id,
  name: z.string(),
  disabled: z.boolean(),
  /** The counter they are signed in at, by number, or null. */
  counterNumber: z.number().int().nullable(),
  /** L3: signed-in refused until then (epoch ms), or null. */
  lockedUntil: z.number().int().nullable(),
});
export type OfficerInfo = z.infer<typeof OfficerInfo>;
export const OfficerList = z.object({ officers: z.array(OfficerInfo) });
export type OfficerList = z.infer<typeof OfficerList>;

export const OfficerResetPinInput = z.strictObject({ officerId: Id, pin: z.string().regex(/^\d{4,8}$/) });
export type OfficerResetPinInput = z.infer<typeof OfficerResetPinInput>;

/** G6: a one-time code a new device types (or scans) once to receive its token. */
export const PairingCreateInput = z.strictObject({
  role: z.enum(ROLES),
  counterId: Id.optional(),
  displayId: Id.optional(),
  printer: z
    .string()
    .regex(/^tcp:\/\/[\w.-]+:\d{1,5}$/)
    .optional(),
  label: z.string().trim().min(1).max(64),
});
export type PairingCreateInput = z.infer<typeof PairingCreateInput>;

export const PairingCode = z.object({
  /** Six digits, shown as "123 456". */
  code: z.string().regex(/^\d{6}$/),
  expiresAt: z.number().int(),
  /** What the QR holds: the app's address with `?pair=CODE`. */
  url: z.string(),
});
export type PairingCode = z.infer<typeof PairingCode>;

/** The apps that pair: a code's role must suit the app it is typed in (G6). */
export const PAIRING_APPS = ['kiosk', 'counter', 'display'] as const;
export type PairingApp = (typeof PAIRING_APPS)[number];

/**
 * G6: the device's side: the code it was given, and the app it was typed in (a display's code
 * typed in a kiosk is refused and stays usable).
 */
export const PairInput = z.strictObject({ code: z.string().trim().max(32), app: z.enum(PAIRING_APPS) });
export type PairInput = z.infer<typeof PairInput>;
export const Paired = z.object({ token: z.string(), role: z.enum(ROLES) });
export type Paired = z.infer<typeof Paired>;

/** C1: the first start, on a hub with no admin password yet. */
export const FirstStartInput = z.strictObject({
  password: z.string().min(10).max(200),
  name: z.string().trim().min(1).max(200),
  level: CentreLevel,
  address: z.string().trim().max(300),
});
export type FirstStartInput = z.infer<typeof FirstStartInput>;

/** G7: the admin signs in with the password; the browser receives an admin device token. */
export const AdminSignInInput = z.strictObject({ password: z.string().min(1).max(200) });
export type AdminSignInInput = z.infer<typeof AdminSignInInput>;

/** C1, G7: what the first start and the admin's sign-in answer: a new admin device token. */
export const AdminToken = z.object({ token: z.string() });
export type AdminToken = z.infer<typeof AdminToken>;

/** Whether the centre is set up, for every app before it has a token (C1). */
export const SetupStatus = z.object({ setUp: z.boolean(), centreName: z.string() });
export type SetupStatus = z.infer<typeof SetupStatus>;

/** C9: one admin change: who, when, what. */
export const AuditEntry = z.object({
  id: Id,
  at: z.number().int(),
  deviceId: z.number().int().nullable(),
  /** The device's label, or "luot" for the command line. */
  actor: z.string(),
  action: z.string(),
  /** What changed, in Vietnamese. */
  summary: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditListInput = z.strictObject({
  beforeId: Id.optional(),
  limit: z.number().int().min(1).max(200).optional(),
});
export type AuditListInput = z.infer<typeof AuditListInput>;
export const AuditList = z.object({ entries: z.array(AuditEntry) });
export type AuditList = z.infer<typeof AuditList>;
