import { announcementOptions, type Clock, type RequestName, type Ack, type RequestResult } from '@luot/shared';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { createDispatcher, type ActionTable, type Dispatch } from './actions';
import { followChanges } from './db/change-log';
import type { Db } from './db/open';
import { backupRoutes } from './features/backup/backup-routes';
import { createHubBackups, type BackupSettings, type HubBackups } from './features/backup/hub-backups';
import { centreActions } from './features/centre/centre-actions';
import { createCentreRepository, type CentreRepository } from './features/centre/centre-repository';
import { counterActions } from './features/counters/counter-actions';
import { createCounterService } from './features/counters/counter-service';
import { startDayRollover } from './features/day/day-rollover';
import { deviceActions } from './features/devices/device-actions';
import { createDeviceRepository, type Device, type DeviceRepository } from './features/devices/device-repository';
import { displayActions } from './features/display/display-actions';
import { createDisplayConfigs } from './features/display/display-configs';
import { displayRoutes } from './features/display/display-routes';
import { createDisplayService, type DisplayService } from './features/display/display-service';
import { dossierActions } from './features/dossiers/dossier-actions';
import { dossierRoutes } from './features/dossiers/dossier-routes';
import { createDossierService } from './features/dossiers/dossier-service';
import { createEventLog } from './features/event-log/event-log';
import { createAddressLimit } from './features/limits/address-limit';
import { withIssueLimit, withSignInLockout } from './features/limits/limit-actions';
import { resolveLimits, type LimitOptions } from './features/limits/limits';
import { createOfficerRepository, type OfficerRepository } from './features/officers/officer-repository';
import { withTicketPrinting } from './features/printing/printing-actions';
import { createTicketPrinting } from './features/printing/ticket-printing';
import { queueActions } from './features/queue/queue-actions';
import { createQueueService, type QueueService } from './features/queue/queue-service';
import { reportActions } from './features/reports/report-actions';
import { createQueueReport } from './features/reports/queue-report';
import type { SpeechEngine } from './features/speech/speech-engine';
import { speechRoutes } from './features/speech/speech-routes';
import { createTicketStatus } from './features/ticket-status/ticket-status';
import { ticketStatusRoutes } from './features/ticket-status/ticket-status-routes';
import { createHttpServer } from './http/http-server';
import { createRealtime, type Realtime } from './realtime/realtime';

export interface HubDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Built app folders by URL prefix (kiosk, counter, display). */
  apps: Record<string, string>;
  /** The voice that turns announcements into audio (eSpeak NG or a voice pack). */
  speech: SpeechEngine;
  /** Origins of other sites whose pages may use the hub (a screen served elsewhere); none by default (H5). */
  allowedOrigins?: readonly string[];
  /** What one kiosk, one officer name or one address may do (L2, L3, L5); DEFAULT_LIMITS otherwise. */
  limits?: LimitOptions;
  /** Serve HTTPS with this certificate (H8). */
  tls?: { cert: string; key: string };
  /** The nightly backups and the download's folder (B3, B4). */
  backup: BackupSettings;
}

export interface Hub {
  http: Server;
  realtime: Realtime;
  dispatch: Dispatch;
  /** Runs an action as a device would and tells the screens: the in-process edge (tests, bench). */
  perform<K extends RequestName>(name: K, device: Device, input: unknown): Ack<RequestResult<K>>;
  centre: CentreRepository;
  devices: DeviceRepository;
  officers: OfficerRepository;
  queue: QueueService;
  display: DisplayService;
  /** The hub's own backups: a download's copy, the nightly copy (B3, B4). */
  backups: HubBackups;
  /** Closes sockets and the HTTP server; the caller owns the database. */
  close(): Promise<void>;
}

/**
 * The composition root of the hub: every piece is made here and handed what it needs, nothing
 * else. It never listens itself: the caller does (main, or a test on port 0).
 */
export function createHub(deps: HubDeps): Hub {
  const { db, clock, logger } = deps;
  const limits = resolveLimits(deps.limits);
  const centre = createCentreRepository(db);
  const devices = createDeviceRepository(db, clock);
  const officers = createOfficerRepository(db);
  const events = createEventLog(db, clock);
  const dossiers = createDossierService(db, clock);
  // Q23: the centre's holidays are the dossiers' working-day calendar (D2).
  const queue = createQueueService(db, centre, clock, events, () => dossiers.calendar());
  const counters = createCounterService(db, centre, officers, events);
  const display = createDisplayService(db, centre, queue, officers);
  const displayConfigs = createDisplayConfigs(db, centre);
  const ticketStatus = createTicketStatus(db, centre, queue);
  const realtime = createRealtime(devices, { allowedOrigins: deps.allowedOrigins });
  const printing = createTicketPrinting({
    db,
    centre,
    events,
    status: ticketStatus,
    notify: realtime.notifier,
    origin: realtime.origin,
    logger,
    clock,
  });

  const limited = { db, events, logger, clock, limits };
  const actions: ActionTable = {
    ...centreActions(centre, queue, display),
    ...withIssueLimit(withTicketPrinting(queueActions(queue, display), printing), limited),
    ...withSignInLockout(counterActions(counters, display), limited),
    ...displayActions({ configs: displayConfigs, display, centre, clock }),
    ...reportActions(createQueueReport(db, centre)),
    ...dossierActions(dossiers),
    ...deviceActions(devices, clock),
  };
  const { dispatch, dispatchNow } = createDispatcher(actions, { logger, clock });
  // B3, B4: copies by the hub's own connection; a failed night tells the admins.
  const backups = createHubBackups({
    db,
    clock,
    logger,
    settings: deps.backup,
    alert: (alert) => realtime.notifier.hubAlert(alert),
  });

  const http = createHttpServer({
    devices,
    dispatch,
    publish: realtime.publish,
    apps: deps.apps,
    allowedOrigins: deps.allowedOrigins,
    tls: deps.tls,
    logger,
    rawRoutes: [
      ...speechRoutes({
        engine: deps.speech,
        centreSettings: () => centre.settings(),
        announcement: () => announcementOptions(centre.settings()),
      }),
      ...ticketStatusRoutes(
        ticketStatus,
        deps.apps.kiosk,
        createAddressLimit('ticketStatus', limits.ticketStatus, { clock, logger, maxKeys: limits.maxKeys }),
      ),
      ...displayRoutes(dispatch, realtime.publish),
      ...dossierRoutes({
        dossiers,
        notify: realtime.notifier,
        lookupLimit: createAddressLimit('dossierLookup', limits.dossierLookup, {
          clock,
          logger,
          maxKeys: limits.maxKeys,
        }),
      }),
      ...backupRoutes({ backups, clock, logger }),
    ],
  });
  realtime.attach(http, dispatch);

  const stopFollowing = followChanges(db, {
    logger,
    handlers: {
      displays: (ids) => realtime.publish(displayConfigs.changes([...ids]).map((c) => ['displayConfigured', c])),
      dossiers: () => realtime.notifier.dossiersUpdated(dossiers.panel()),
      // G2: a token the luot command revoked: that device's sockets are dropped.
      devices: (ids) => {
        for (const id of ids) if (id !== null && !devices.isActive(id)) realtime.disconnect(id);
      },
    },
  });
  const stopRollover = startDayRollover({ clock, queue, display, dossiers, publish: realtime.publish, logger });

  return {
    http,
    realtime,
    dispatch,
    perform(name, device, input) {
      const done = dispatchNow(name, device, input);
      realtime.publish(done.events);
      return done.ack;
    },
    centre,
    devices,
    officers,
    queue,
    display,
    backups,
    close: async () => {
      stopRollover();
      stopFollowing();
      await backups.close();
      await printing.close();
      // Kept-alive or half-read HTTP connections (a screen fetching audio) must not hold shutdown open.
      const closed = realtime.close();
      http.closeAllConnections();
      await closed;
      await deps.speech.close();
    },
  };
}
