import { z } from 'zod';
import { AnnouncementTemplate, DEFAULT_ANNOUNCEMENT_TEMPLATE } from '../rules/announcement';
import type { NumberDialect } from '../rules/read-number-vi';
import { RatingSettings } from './rating';

export const PriorityCategory = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/),
  name: z.string().min(1),
  nameEn: z.string().min(1),
});
export type PriorityCategory = z.infer<typeof PriorityCategory>;

export const NumberFormat = z.enum(['numeric', 'letter']);
export type NumberFormat = z.infer<typeof NumberFormat>;

/** C1: a provincial centre (Trung tâm Phục vụ hành chính công) or a commune/ward one-stop desk. */
export const CentreLevel = z.enum(['province', 'commune']);
export type CentreLevel = z.infer<typeof CentreLevel>;

/** C1: how every screen addresses people: "công dân" (default) or "Ông/Bà". */
export const AddressForm = z.enum(['congDan', 'ongBa']);
export type AddressForm = z.infer<typeof AddressForm>;

/**
 * C1: where a phone opens the centre's public pages (the ticket's QR, a procedure's QR): the
 * centre's public address when it has one (reachable from outside its network), else the origin
 * the device itself uses; no trailing slash.
 */
export function publicBase(settings: { publicUrl?: string | null } | null, origin: string): string {
  return (settings?.publicUrl ?? origin).replace(/\/+$/, '');
}

/** I5: "công dân" as the centre addresses people: as it is, or "Ông/Bà" (either case at the start). */
export function addressAs(text: string, form: AddressForm): string {
  return form === 'congDan' ? text : text.replace(/[Cc]ông dân/g, 'Ông/Bà');
}

export const CentreSettings = z.object({
  name: z.string().min(1),
  /** C1: set at first start; absent on a database from before it. */
  level: CentreLevel.optional(),
  address: z.string().max(300).optional(),
  /** C1: the address phones outside the centre's network open the ticket's QR at (https://…). */
  publicUrl: z
    .url({ protocol: /^https?$/ })
    .max(300)
    .optional(),
  /** C1: the logo as a data: URL (PNG, JPEG or SVG, at most 200 KB). */
  logo: z
    .string()
    .max(280_000)
    .regex(/^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+$/)
    .optional(),
  /** C1: "công dân" when absent. */
  addressForm: AddressForm.optional(),
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
  /** RT1–RT3: the satisfaction scale, reasons and the counter page's window; DEFAULT_RATING_SETTINGS when absent. */
  rating: RatingSettings.optional(),
});
export type CentreSettings = z.infer<typeof CentreSettings>;

/** The centre's announcement wording and dialect, defaults filled in (no centre yet: the defaults). */
export function announcementOptions(
  settings: Pick<CentreSettings, 'announcementTemplate' | 'voiceDialect' | 'addressForm'> | null,
): { template: string; dialect: NumberDialect } {
  return {
    // I5: the default wording in the centre's register; a centre's own template as written.
    template:
      settings?.announcementTemplate ?? addressAs(DEFAULT_ANNOUNCEMENT_TEMPLATE, settings?.addressForm ?? 'congDan'),
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
