import { z } from 'zod';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
/** A session's end may be the end of the day. */
const HHMM_END = z.union([HHMM, z.literal('24:00')]);

/**
 * Q23: a session in which numbers are issued: from `from` until `lastNumberAt` (the last number
 * is given before it; the session's `to` when absent). `to` is when service ends.
 */
export const ServiceSession = z
  .object({ from: HHMM, to: HHMM_END, lastNumberAt: HHMM_END.optional() })
  .refine(
    (x) => x.from < x.to && (x.lastNumberAt === undefined || (x.from < x.lastNumberAt && x.lastNumberAt <= x.to)),
    {
      message: 'from < lastNumberAt ≤ to',
    },
  );
export type ServiceSession = z.infer<typeof ServiceSession>;

/**
 * Q23: when a service takes citizens. `week[0]` is Sunday … `week[6]` Saturday, each the day's
 * sessions (morning, afternoon…) in order, none overlapping; an empty day is closed. A holiday of
 * the centre's calendar is closed; a make-up working weekend day has Monday's sessions.
 */
export const ServiceSchedule = z.object({
  week: z.array(z.array(ServiceSession)).length(7),
  /** At most this many numbers a day (Q14's block is the hard limit). */
  dailyCap: z.number().int().min(1).max(9999).optional(),
});
export type ServiceSchedule = z.infer<typeof ServiceSchedule>;

export const Service = z.object({
  id: z.number().int().positive(),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  /** The field (lĩnh vực) of the service, e.g. "Đất đai". */
  field: z.string().min(1),
  /** k in the number block k·blockSize + 1 … */
  block: z.number().int().min(1).max(99),
  opensAt: HHMM,
  closesAt: HHMM,
  /** Q23: the sessions; when absent, one session opensAt–closesAt Monday to Friday. */
  schedule: ServiceSchedule.optional(),
});
export type Service = z.infer<typeof Service>;
