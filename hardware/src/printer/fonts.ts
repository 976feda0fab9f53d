import { createRequire } from 'node:module';
import { GlobalFonts } from '@napi-rs/canvas';

/**
 * Be Vietnam Pro as @fontsource ships it: one file per Unicode subset. Skia picks one typeface per
 * family name, so each subset is registered under its own family and the CSS font list makes Skia
 * fall back glyph by glyph: ASCII from latin, ư/ơ/ộ/Ủ from vietnamese, the rest from latin-ext.
 * The woff2 files load directly (Skia's FreeType is built with brotli), so nothing is downloaded
 * or converted at run time.
 */
const SUBSETS = ['latin', 'vietnamese', 'latin-ext'] as const;
export const FONT_WEIGHTS = [500, 700, 800] as const;
export type FontWeight = (typeof FONT_WEIGHTS)[number];

const familyOf = (subset: (typeof SUBSETS)[number]): string => `Luot Be Vietnam Pro ${subset}`;

/**
 * Registers the ticket fonts with Skia. Safe to call before every render: GlobalFonts is the
 * library's own process-wide registry, so asking it keeps this idempotent without state of ours.
 */
export function registerTicketFonts(): void {
  const require = createRequire(import.meta.url);
  for (const subset of SUBSETS) {
    if (GlobalFonts.has(familyOf(subset))) continue;
    for (const weight of FONT_WEIGHTS) {
      const file = require.resolve(`@fontsource/be-vietnam-pro/files/be-vietnam-pro-${subset}-${weight}-normal.woff2`);
      if (!GlobalFonts.registerFromPath(file, familyOf(subset))) throw new Error(`cannot load font ${file}`);
    }
  }
}

/** A CSS font shorthand for the canvas, e.g. ticketFont(800, 200) for the big number. */
export function ticketFont(weight: FontWeight, px: number): string {
  return `${weight} ${px}px ${SUBSETS.map((s) => `"${familyOf(s)}"`).join(', ')}`;
}
