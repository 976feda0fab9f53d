/** The scheduled dossier pull (SPEC D21). */
import { z } from 'zod';

/** A request header name (RFC 9110 token). */
const HeaderName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/);
/** A header value: visible ASCII and spaces, no line break. */
const HeaderValue = z
  .string()
  .max(2000)
  .regex(/^[\x20-\x7e\t]*$/);

export const DOSSIER_SOURCE_FORMATS = ['json', 'csv'] as const;

/** D21: where and how often the hub pulls dossiers. */
export const DossierSource = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  format: z.enum(DOSSIER_SOURCE_FORMATS),
  /** A request header sent with every pull ("Authorization: Bearer …"), or null. */
  header: z.strictObject({ name: HeaderName, value: HeaderValue }).nullable(),
  everyMinutes: z.number().int().min(5).max(1440),
  enabled: z.boolean(),
});
export type DossierSource = z.infer<typeof DossierSource>;

/**
 * `dossierSource:set`. `header.value` null keeps the value already stored (the console never
 * receives it, so it cannot send it back); `source` null removes the source.
 */
export const DossierSourceSetInput = z.strictObject({
  source: DossierSource.extend({
    header: z.strictObject({ name: HeaderName, value: HeaderValue.nullable() }).nullable(),
  }).nullable(),
});
export type DossierSourceSetInput = z.infer<typeof DossierSourceSetInput>;

/** The source as the console sees it: the header's value masked ("Bear…(32)"). */
export const DossierSourceView = z.object({
  url: z.string(),
  format: z.enum(DOSSIER_SOURCE_FORMATS),
  header: z.object({ name: z.string(), masked: z.string() }).nullable(),
  everyMinutes: z.number().int(),
  enabled: z.boolean(),
});
export type DossierSourceView = z.infer<typeof DossierSourceView>;

/** D21: the last pull's result. */
export const DossierPull = z.object({
  /** When it ended (epoch ms). */
  at: z.number().int(),
  ok: z.boolean(),
  /** Rows kept: new dossiers and dossiers replaced (D10). */
  imported: z.number().int().min(0),
  /** How many rows were rejected (D9). */
  rejected: z.number().int().min(0),
  /** The first 20 of them: row, code, Vietnamese reason. */
  rejectedRows: z.array(z.object({ row: z.number().int(), code: z.string().nullable(), reason: z.string() })),
  /** Why the pull failed, in Vietnamese; absent when it worked. */
  error: z.string().optional(),
});
export type DossierPull = z.infer<typeof DossierPull>;

export const DossierSourceState = z.object({
  source: DossierSourceView.nullable(),
  last: DossierPull.nullable(),
  /** A pull is running now; its result replaces `last` when it ends (at most 30 s). */
  pulling: z.boolean(),
});
export type DossierSourceState = z.infer<typeof DossierSourceState>;
