import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.wav': 'audio/wav',
  '.ico': 'image/x-icon',
};

/**
 * Serves a built single-page app from `root`: a file if it exists, else index.html
 * (so a reload on any app route works). Returns false when the app is not built.
 */
export function serveApp(res: ServerResponse, root: string, relPath: string): boolean {
  const safe = normalize(decodeURIComponent(relPath)).replace(/^([/\\])+/, '');
  if (safe.split(sep).includes('..')) return false;
  let file = join(root, safe);
  if (!safe || !existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) return false;
  const ext = extname(file);
  res.writeHead(200, {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    // Hashed assets never change; the page itself must be re-read so a new build is picked up.
    'cache-control': ext === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
  });
  createReadStream(file).pipe(res);
  return true;
}
