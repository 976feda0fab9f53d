import { z } from 'zod';

export const Counter = z.object({
  id: z.number().int().positive(),
  /** The number painted above the counter and spoken in announcements. */
  number: z.number().int().positive(),
  name: z.string().min(1),
  /** Services in this counter's order of preference. */
  serviceIds: z.array(z.number().int().positive()).min(1),
  paused: z.boolean(),
});
export type Counter = z.infer<typeof Counter>;
