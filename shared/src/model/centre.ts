import { z } from 'zod';

export const PriorityCategory = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/),
  name: z.string().min(1),
  nameEn: z.string().min(1),
});
export type PriorityCategory = z.infer<typeof PriorityCategory>;

export const NumberFormat = z.enum(['numeric', 'letter']);
export type NumberFormat = z.infer<typeof NumberFormat>;

export const CentreSettings = z.object({
  name: z.string().min(1),
  /** Numbers per service per day: service k issues k·blockSize + 1 … (DOMAIN §3). */
  blockSize: z.union([z.literal(1000), z.literal(10000)]),
  numberFormat: NumberFormat,
  priorityCategories: z.array(PriorityCategory),
  /** At most this many priority tickets in a row at a counter while ordinary ones wait. */
  maxPriorityInRow: z.number().int().min(1).max(20),
  /** Assumed service time before a service has history of its own. */
  defaultServiceSeconds: z.number().int().min(30).max(7200),
});
export type CentreSettings = z.infer<typeof CentreSettings>;

export const DEFAULT_PRIORITY_CATEGORIES: PriorityCategory[] = [
  { id: 'elderly', name: 'Người cao tuổi', nameEn: 'Elderly' },
  { id: 'disability', name: 'Người khuyết tật', nameEn: 'Person with disability' },
  { id: 'pregnancy', name: 'Phụ nữ mang thai', nameEn: 'Pregnant woman' },
  { id: 'merit', name: 'Người có công với cách mạng', nameEn: 'Person with meritorious service' },
];
