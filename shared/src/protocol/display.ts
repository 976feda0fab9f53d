/** The wall's part of the wire contract: its configuration and what it is sent (issue 6, SPEC W*). */
import { z } from 'zod';
import type { Service } from '../model/service';
import type { NumberDialect } from '../rules/read-number-vi';
import { Id } from './common';
import type { CallEvent, CounterState } from './events';

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

