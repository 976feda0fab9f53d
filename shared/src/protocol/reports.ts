/** Queue figures on the wire (SPEC Q11). */
import { z } from 'zod';
import { IsoDateShape } from './common';

export const QueueReportInput = z
  .strictObject({
    from: IsoDateShape,
    to: IsoDateShape,
    groupBy: z.enum(['service', 'counter', 'officer']).default('service'),
  })
  .refine((q) => q.from <= q.to, { message: 'from after to' });
export type QueueReportInput = z.input<typeof QueueReportInput>;

/** Queue figures for one group (Q11): counts, and times in seconds. */
export const QueueFigures = z.object({
  issued: z.number().int().min(0),
  called: z.number().int().min(0),
  served: z.number().int().min(0),
  noShows: z.number().int().min(0),
  transferred: z.number().int().min(0),
  waitMedianSeconds: z.number().nullable(),
  waitP90Seconds: z.number().nullable(),
  serviceMedianSeconds: z.number().nullable(),
  serviceP90Seconds: z.number().nullable(),
});
export type QueueFigures = z.infer<typeof QueueFigures>;

export const QueueReport = z.object({
  from: IsoDateShape,
  to: IsoDateShape,
  groupBy: z.enum(['service', 'counter', 'officer']),
  total: QueueFigures,
  /** One line per service, counter or officer: its id (`key`), its name and its figures. */
  groups: z.array(QueueFigures.extend({ key: z.number().int(), name: z.string() })),
  /**
   * Q25: the tickets without the key, grouped by counter or officer (never called at a counter, or
   * called with nobody signed in), so that groups + ungrouped add up to the total; null by service.
   */
  ungrouped: QueueFigures.nullable(),
});
export type QueueReport = z.infer<typeof QueueReport>;
