/** The wall's part of the wire contract: its configuration and what it is sent (SPEC W1–W11). */
import { z } from 'zod';
import { AddressForm } from '../model/centre';
import { Service } from '../model/service';
import { Id } from './common';
import { CallEvent, CounterState } from './queue';

/** W3: a wall follows its configuration, or the window's shape when `auto`. */
export const DisplayOrientation = z.enum(['auto', 'landscape', 'portrait']);
export type DisplayOrientation = z.infer<typeof DisplayOrientation>;

/** W6: counter numbers as on the wall, each once; empty means every counter. */
const DisplayCounters = z
  .array(z.number().int().min(1).max(999))
  .max(100)
  .refine((ns) => new Set(ns).size === ns.length, { message: 'counter listed twice' });

/** No control character (C0 or DEL) anywhere: a notice is one plain line. */
// eslint-disable-next-line no-control-regex -- naming the control characters is the point of this pattern
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;

/** W6: one line of at most 500 characters, NFC, no control characters. */
const DisplayNotice = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.string().max(500).regex(NO_CONTROL_CHARACTERS));

/** A wall's configuration (stored in `displays.config`): each field has a default, so `{}` is valid. */
export const DisplayConfig = z.object({
  counters: DisplayCounters.default([]),
  orientation: DisplayOrientation.default('auto'),
  notice: DisplayNotice.default(''),
  /** C7: the dossier figures panel beside the calls; on unless turned off. */
  dossierPanel: z.boolean().default(true),
});
export type DisplayConfig = z.infer<typeof DisplayConfig>;
export const DEFAULT_DISPLAY_CONFIG: DisplayConfig = DisplayConfig.parse({});

/** W6: a change to one display's configuration; fields left out keep their value. */
export const DisplayConfigureInput = z.strictObject({
  displayId: Id,
  counters: DisplayCounters.optional(),
  orientation: DisplayOrientation.optional(),
  notice: DisplayNotice.optional(),
  dossierPanel: z.boolean().optional(),
});
export type DisplayConfigureInput = z.input<typeof DisplayConfigureInput>;

export const DisplayState = z.object({
  centreName: z.string(),
  /** I5: how the wall addresses people. */
  addressForm: AddressForm,
  /** C1: the centre's logo, or null (see CentreSnapshot). */
  logoUrl: z.string().nullable(),
  services: z.array(Service),
  counters: z.array(CounterState),
  lastCalls: z.array(CallEvent),
  /** Highest call seq included in this state (0 before the first call). */
  seq: z.number().int().min(0),
});
export type DisplayState = z.infer<typeof DisplayState>;

export const DisplaySync = z.object({
  state: DisplayState,
  /** Calls after the requested seq, oldest first. */
  missed: z.array(CallEvent),
});
export type DisplaySync = z.infer<typeof DisplaySync>;

/** What a wall needs besides the queue: its configuration, the centre's wording, the hub's time. */
export const DisplaySetup = z.object({
  /** The display the token shows; null for a token that names none (defaults apply). */
  displayId: Id.nullable(),
  name: z.string(),
  config: DisplayConfig,
  announcement: z.object({ template: z.string(), dialect: z.enum(['north', 'south']) }),
  /** The hub's clock when it answered (epoch ms): W5, the wall corrects its own clock with it. */
  serverTime: z.number().int(),
});
export type DisplaySetup = z.infer<typeof DisplaySetup>;

export const DisplayConfigured = z.object({
  displayId: Id,
  config: DisplayConfig,
});
export type DisplayConfigured = z.infer<typeof DisplayConfigured>;
