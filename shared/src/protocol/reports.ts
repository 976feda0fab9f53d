/** Queue figures on the wire (issue 4, SPEC Q11). */
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

