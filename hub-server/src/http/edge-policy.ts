import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * H5: what every answer carries. The apps load only their own scripts (no inline script runs);
 * Vue sets some styles inline, which CSP allows for styles only. No page may frame ours.
 */
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

export function applySecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

/**
 * H5: a browser request from another site is refused unless that origin is configured (a screen
 * served from a separate host). A request without an Origin header is not a cross-site browser
 * request (a device's own page fetching, the `luot` tools, the one-stop system's server).
 */
export function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const host = req.headers.host;
  if (host !== undefined) {
    try {
      if (new URL(origin).host === host) return true;
    } catch {
      return false;
    }
  }
  return allowed.includes(origin);
}
