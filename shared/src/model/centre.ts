import { z } from 'zod';
import { AnnouncementTemplate, DEFAULT_ANNOUNCEMENT_TEMPLATE } from '../rules/announcement';
import type { NumberDialect } from '../rules/read-number-vi';

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
  /** Numbers per service per day: service k issues k·blockSize + 1 … (Q14). */
  blockSize: z.union([z.literal(1000), z.literal(10000)]),
  numberFormat: NumberFormat,
  priorityCategories: z.array(PriorityCategory),
  /** At most this many priority tickets in a row at a counter while ordinary ones wait. */
  maxPriorityInRow: z.number().int().min(1).max(20),
  /** Assumed service time before a service has history of its own. */
  defaultServiceSeconds: z.number().int().min(30).max(7200),
  /** Q20: a called ticket may be marked a no-show only this long after its call (unless recalled); 60 when absent. */
  noShowAfterSeconds: z.number().int().min(0).max(3600).optional(),
  /** The wording of a call (SPEC V10); V10's default when absent. */
  announcementTemplate: AnnouncementTemplate.optional(),
  /** Number words (and the voice) of announcements: northern when absent (V4, V5, V7, V12). */
  voiceDialect: z.enum(['north', 'south']).optional(),
});
export type CentreSettings = z.infer<typeof CentreSettings>;

/** The centre's announcement wording and dialect, defaults filled in (no centre yet: the defaults). */
export function announcementOptions(settings: CentreSettings | null): { template: string; dialect: NumberDialect } {
  return {
    template: settings?.announcementTemplate ?? DEFAULT_ANNOUNCEMENT_TEMPLATE,
    dialect: settings?.voiceDialect ?? 'north',
  };
}

/** Q20's default wait before a no-show, in seconds. */
export const DEFAULT_NO_SHOW_AFTER_SECONDS = 60;

export const DEFAULT_PRIORITY_CATEGORIES: PriorityCategory[] = [
  { id: 'elderly', name: 'Người cao tuổi', nameEn: 'Elderly' },
  { id: 'disability', name: 'Người khuyết tật', nameEn: 'Person with disability' },
  { id: 'pregnancy', name: 'Phụ nữ mang thai', nameEn: 'Pregnant woman' },
  { id: 'merit', name: 'Người có công với cách mạng', nameEn: 'Person with meritorious service' },
];
