import { DomainError, type ErrorCode, type Role } from '@luot/shared';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { Logger } from 'pino';
import type { Dispatch } from '../actions';
import { storageErrorCode } from '../db/storage-errors';
import type { Device, DeviceRepository } from '../features/devices/device-repository';
import type { HubEvent } from '../realtime/notifier';
import { applySecurityHeaders, originAllowed } from './edge-policy';
import { bearerToken, readJson, sendError, sendJson, sendRefusal } from './http-util';
import { OPENAPI_PATH, openApiDocumentOf } from './openapi';
import type { RawRoute } from './route-doc';
import { ACTION_ROUTES } from './routes';
import { serveApp } from './static-files';

export type { RawRoute } from './route-doc';

export interface HttpDeps {
  devices: DeviceRepository;
  dispatch: Dispatch;
  /** Tells the screens what an action caused, after the requester was answered. */
  publish(events: readonly HubEvent[]): void;
  /** Built app folders by URL prefix: { kiosk: '/…/kiosk-app/dist', … }. */
  apps: Record<string, string>;
  rawRoutes: readonly RawRoute[];
  logger: Logger;
  /** Origins of other sites allowed to call the API from a browser (H5); none by default. */
  allowedOrigins?: readonly string[];
  /** HTTPS with this certificate (H8); plain HTTP without. */
  tls?: { cert: string; key: string };
}

export function createHttpServer(deps: HttpDeps): Server {
  const tls = deps.tls;
  const serve = (handler: (req: IncomingMessage, res: ServerResponse) => void): Server =>
    tls ? createTlsServer({ cert: tls.cert, key: tls.key }, handler) : createServer(handler);
  return serve((req, res) => {
    applySecurityHeaders(res);
    // H5: another site's page may not use a device's token through this browser.
    if (!originAllowed(req, deps.allowedOrigins ?? [])) return sendError(res, 'FORBIDDEN');
    handle(deps, req, res).catch((e: unknown) => {
      // A body left unread (too large, bad upload) must not poison a kept-alive connection.
      if (!req.complete && !res.headersSent) res.setHeader('connection', 'close');
      const known = knownFailure(e);
      // G5: the path only: a query string may carry a device token (first pairing, ?token=).
      if (known === null)
        deps.logger.error({ err: e, method: req.method, path: loggablePath(req.url) }, 'http request failed');
      if (!res.headersSent) sendError(res, known ?? 'INTERNAL');
      else res.end();
    });
  });
}

/**
 * The answer to a failure that is not a bug: the domain's own code, a locked or full database
 * (H3), a percent-escape a handler could not decode (the client's mistake, G5); null otherwise.
 */
function knownFailure(e: unknown): ErrorCode | null {
  if (e instanceof DomainError) return e.code;
  if (e instanceof URIError) return 'BAD_REQUEST';
  return storageErrorCode(e);
}

/** G5: the part of a request target a log line may hold: the path, never the query string. */
export function loggablePath(target: string | undefined): string {
  const raw = target ?? '/';
  const end = raw.search(/[?#]/);
  return end === -1 ? raw : raw.slice(0, end);
}

/**
 * G5: the request target as a URL, or null when it is not one: not a URL at all, or a path that
 * starts with `//` (which a URL parser would read as a host name). A path that does not
 * percent-decode (`/%E0%A4%A`) is left to the route: the dossier look-up answers it as an unknown
 * code (D16), everything else as 400.
 */
export function requestUrl(target: string | undefined): URL | null {
  const raw = target ?? '/';
  if (raw.startsWith('//')) return null;
  try {
    return raw.startsWith('/') ? new URL(`http://hub${raw}`) : new URL(raw);
  } catch {
    return null;
  }
}

async function handle(deps: HttpDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = requestUrl(req.url);
  if (!url) {
    deps.logger.warn({ method: req.method, path: loggablePath(req.url) }, 'malformed request URL');
    return sendError(res, 'BAD_REQUEST');
  }
  const path = url.pathname;
  const method = req.method ?? 'GET';

  if (method === 'GET' && path === OPENAPI_PATH) return sendJson(res, 200, openApiDocumentOf(deps.rawRoutes));
  for (const route of deps.rawRoutes) {
    const m = route.method === method ? route.path.exec(path) : null;
    if (!m) continue;
    const device = route.roles === 'public' ? null : authenticate(deps, req, res, route.roles);
    if (route.roles !== 'public' && !device) return;
    await route.handle(req, res, m, device);
    return;
  }

  if (path.startsWith('/api/')) {
    const route = ACTION_ROUTES.find((r) => r.method === method && r.path.test(path));
    if (!route) return sendError(res, 'NOT_FOUND');
    const device = authenticate(deps, req, res, null);
    if (!device) return;
    const body = method === 'POST' || method === 'PUT' ? await readJson(req) : {};
    const input = route.input(route.path.exec(path) as RegExpExecArray, body, url.searchParams);
    const { ack, events } = await deps.dispatch(route.action, device, input);
    if (!ack.ok) return sendRefusal(res, ack);
    sendJson(res, route.status ?? 200, route.output ? route.output(ack.data as never) : ack.data);
    return deps.publish(events);
  }

  const app = /^\/(\w+)(?:\/(.*))?$/.exec(path);
  const root = app?.[1] ? deps.apps[app[1]] : undefined;
  if (app && root) {
    if (app[2] === undefined) {
      res.writeHead(301, { location: `/${app[1]}/${url.search}` });
      return void res.end();
    }
    if (serveApp(res, root, app[2])) return;
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    return void res.end('Ứng dụng chưa được build (npm run build).');
  }
  // C1: the hub's own address opens the staff app, which holds the first start and the admin console.
  if (path === '/') {
    res.writeHead(302, { location: '/counter/' });
    return void res.end();
  }
  sendError(res, 'NOT_FOUND');
}

/** Bearer-token check; answers 401/403 itself and returns null when the request may not go on. */
function authenticate(
  deps: HttpDeps,
  req: IncomingMessage,
  res: ServerResponse,
  roles: readonly Role[] | null,
): Device | null {
  const token = bearerToken(req);
  const device = token ? deps.devices.authenticate(token) : null;
  if (!device) {
    sendError(res, 'UNAUTHORIZED');
    return null;
  }
  if (roles && !roles.includes(device.role)) {
    sendError(res, 'FORBIDDEN');
    return null;
  }
  return device;
}
