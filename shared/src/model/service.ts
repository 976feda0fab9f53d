import { z } from 'zod';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

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
});
export type Service = z.infer<typeof Service>;
