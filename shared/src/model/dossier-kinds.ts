import { z } from 'zod';

/** The levels and channels a dossier is counted by (docs/DOMAIN.md §7). */
export const DOSSIER_LEVELS = ['province', 'district', 'commune'] as const;
export const DossierLevel = z.enum(DOSSIER_LEVELS);
export type DossierLevel = z.infer<typeof DossierLevel>;

export const DOSSIER_CHANNELS = ['counter', 'online', 'postal'] as const;
export const DossierChannel = z.enum(DOSSIER_CHANNELS);
export type DossierChannel = z.infer<typeof DossierChannel>;
