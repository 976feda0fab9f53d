/**
 * The centre's setup as one document (SPEC C1–C9): what `luot setup export` writes, `luot setup
 * apply` and the admin console apply, and the demo is built from. Runtime state (tickets, who is
 * signed in, paused counters, device tokens, PIN hashes) is never part of it.
 */
import { z } from 'zod';
import { DisplayConfig } from '../protocol/display';
import { CentreSettings } from './centre';
import { WorkingCalendar } from './dossier';
import { Service } from './service';

export const SETUP_FORMAT = 'luot-setup/1';

/** A counter as set up: its services in order of preference (paused is the officer's, not setup). */
export const CounterSetup = z.object({
  id: z.number().int().positive(),
  number: z.number().int().min(1).max(999),
  name: z.string().trim().min(1).max(64),
  serviceIds: z.array(z.number().int().positive()),
});
export type CounterSetup = z.infer<typeof CounterSetup>;

/**
 * An officer as set up: the name they sign in with. `pin` is only read when the officer is new
 * (or to reset it); it is never exported, and only its salted scrypt hash is stored.
 */
export const OfficerSetup = z.object({
  name: z.string().trim().min(1).max(64),
  disabled: z.boolean().default(false),
  pin: z
    .string()
    .regex(/^\d{4,8}$/)
    .optional(),
});
export type OfficerSetup = z.infer<typeof OfficerSetup>;

/** A lobby wall as set up: its name and configuration (counters shown, orientation, notice, dossier panel). */
export const DisplaySetupEntry = z.object({
  id: z.number().int().positive(),
  name: z.string().trim().min(1).max(64),
  config: DisplayConfig,
});
export type DisplaySetupEntry = z.infer<typeof DisplaySetupEntry>;

/** The whole setup document. Shapes only: the rules across fields are `setupProblems` (C2–C6). */
export const CentreSetup = z.object({
  format: z.literal(SETUP_FORMAT),
  centre: CentreSettings,
  services: z.array(Service).max(99),
  counters: z.array(CounterSetup).max(200),
  officers: z.array(OfficerSetup).max(500),
  displays: z.array(DisplaySetupEntry).max(50),
  calendar: WorkingCalendar,
});
export type CentreSetup = z.infer<typeof CentreSetup>;
export type CentreSetupInput = z.input<typeof CentreSetup>;

/**
 * One field that is wrong, and why, in Vietnamese: `path` is the field's place in the document
 * ("services.1.schedule.week.2.0.to"), so a console form marks that very field.
 */
export const FieldProblem = z.object({ path: z.string(), message: z.string() });
export type FieldProblem = z.infer<typeof FieldProblem>;
