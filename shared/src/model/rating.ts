import { z } from 'zod';

/** RT1: every level a centre's scale can have, best first. */
export const RatingLevel = z.enum(['verySatisfied', 'satisfied', 'neutral', 'dissatisfied', 'veryDissatisfied']);
export type RatingLevel = z.infer<typeof RatingLevel>;

/** RT1: three levels by default, five where the province uses them (docs/DOMAIN.md §9). */
export const RatingScale = z.union([z.literal(3), z.literal(5)]);
export type RatingScale = z.infer<typeof RatingScale>;

/** RT1: the levels of each scale, best first, as the buttons are laid out. */
export const RATING_LEVELS: Record<RatingScale, readonly RatingLevel[]> = {
  3: ['verySatisfied', 'satisfied', 'dissatisfied'],
  5: ['verySatisfied', 'satisfied', 'neutral', 'dissatisfied', 'veryDissatisfied'],
};

/** RT3: the levels after which a reason may be chosen: the unhappy ones. */
export const UNHAPPY_LEVELS: readonly RatingLevel[] = ['dissatisfied', 'veryDissatisfied'];

/** RT5: where a rating came from: the counter's rating page, the citizen's phone, a rating pad. */
export const RatingSource = z.enum(['counter', 'phone', 'pad']);
export type RatingSource = z.infer<typeof RatingSource>;

/** One reason a citizen may tick after an unhappy rating, as the centre wrote it. */
export const RatingReason = z.string().trim().min(1).max(120);

/** The centre's rating settings (CentreSettings.rating); absent: DEFAULT_RATING_SETTINGS. */
export const RatingSettings = z.object({
  scale: RatingScale,
  /** RT3: the reasons offered after an unhappy rating; none: no reason is asked. */
  reasons: z.array(RatingReason).max(12),
  /** RT2: how long after a ticket is finished the counter's page may rate it. */
  windowSeconds: z.number().int().min(10).max(3600),
});
export type RatingSettings = z.infer<typeof RatingSettings>;

export const DEFAULT_RATING_SETTINGS: RatingSettings = {
  scale: 3,
  reasons: ['Phải chờ lâu', 'Thái độ phục vụ chưa tốt', 'Hướng dẫn chưa rõ ràng', 'Giải quyết chưa đúng hẹn'],
  windowSeconds: 120,
};

/** The centre's rating settings with the defaults filled in. */
export const ratingSettingsOf = (settings: { rating?: Partial<RatingSettings> } | null): RatingSettings => ({
  ...DEFAULT_RATING_SETTINGS,
  ...settings?.rating,
});
