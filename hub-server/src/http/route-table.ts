import { adminAccessRoutes } from '../features/admin-access/admin-access-routes';
import { backupRoutes } from '../features/backup/backup-routes';
import { centreLogoRoutes } from '../features/centre/centre-logo';
import { dossierRoutes } from '../features/dossiers/dossier-routes';
import { displayRoutes } from '../features/display/display-routes';
import { procedureRoutes } from '../features/procedures/procedure-routes';
import { ratingRoutes } from '../features/ratings/rating-routes';
import { speechRoutes } from '../features/speech/speech-routes';
import { voiceRoutes } from '../features/speech/voice-routes';
import { ticketStatusRoutes } from '../features/ticket-status/ticket-status-routes';
import type { RawRoute } from './http-server';

/** Stands for every dependency of a route factory: reading it is harmless, calling it throws. */
const inert: never = new Proxy(() => undefined, {
  get: (_target, key) => (key === Symbol.toPrimitive ? () => 'inert' : inert),
  apply: () => {
    throw new Error('a route of rawRouteTable() was called: it documents routes, it does not serve them');
  },
}) as never;

/**
 * The raw routes the hub mounts (see `rawRoutes` in hub.ts), made with inert dependencies: their
 * method, path, roles and doc, for the OpenAPI document without a running hub. Their handlers do
 * not work. test/openapi.integration.test.ts checks that a running hub serves exactly these.
 */
export function rawRouteTable(): RawRoute[] {
  return [
    ...speechRoutes(inert),
    ...ticketStatusRoutes(inert, undefined),
    ...ratingRoutes(inert),
    ...displayRoutes(inert, inert),
    ...dossierRoutes(inert),
    ...backupRoutes(inert),
    ...centreLogoRoutes(inert),
    ...voiceRoutes(inert),
    ...adminAccessRoutes(inert),
    ...procedureRoutes(inert),
  ];
}
