import type { CentreSettings } from '@luot/shared';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { RawRoute } from '../../http/http-server';
import { sendError } from '../../http/http-util';

const LOGO_PATH = '/api/public/logo';

/** The logo as stored (C1): a data: URL of PNG, JPEG or SVG. */
function decode(logo: string): { type: string; bytes: Buffer } | null {
  const m = /^data:(image\/(?:png|jpeg|svg\+xml));base64,([A-Za-z0-9+/=]+)$/.exec(logo);
  return m ? { type: m[1] as string, bytes: Buffer.from(m[2] as string, 'base64') } : null;
}

let last: { logo: string; url: string } | undefined;

/**
 * C1: where the screens fetch the centre's logo, or null when it has none. The address changes
 * with the logo (`?v=` its hash), so a screen never shows an old one and may cache it for long.
 */
export function logoUrl(settings: Pick<CentreSettings, 'logo'> | null): string | null {
  const logo = settings?.logo;
  if (logo === undefined) return null;
  if (last?.logo !== logo) {
    last = { logo, url: `${LOGO_PATH}?v=${createHash('sha256').update(logo).digest('hex').slice(0, 12)}` };
  }
  return last.url;
}

/** C1: the centre's logo, public (the kiosk and the wall show it before anyone signs in). */
export function centreLogoRoutes(settings: () => CentreSettings | null): RawRoute[] {
  return [
    {
      method: 'GET',
      path: /^\/api\/public\/logo$/,
      roles: 'public',
      doc: {
        path: LOGO_PATH,
        summary: { vi: 'Biểu trưng của trung tâm', en: "The centre's logo" },
        query: z.object({ v: z.string().max(64).optional() }),
        queryExample: { v: 'a1b2c3d4e5f6' },
        response: { content: { 'image/png': null, 'image/jpeg': null, 'image/svg+xml': null } },
        errors: ['NO_LOGO'],
      },
      handle(_req, res) {
        const logo = settings()?.logo;
        const image = logo === undefined ? null : decode(logo);
        if (!image) return sendError(res, 'NO_LOGO');
        res.writeHead(200, {
          'content-type': image.type,
          'content-length': image.bytes.length,
          // The address changes with the logo (logoUrl): a day of caching is safe.
          'cache-control': 'public, max-age=86400',
          // An SVG is an image here, never a document that runs scripts.
          'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
        });
        res.end(image.bytes);
      },
    },
  ];
}
