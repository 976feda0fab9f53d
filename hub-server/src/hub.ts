import { announcementOptions, type Clock, type RequestName, type Ack, type RequestResult } from '@luot/shared';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { createDispatcher, type ActionTable, type Dispatch } from './actions';
import { followChanges } from './db/change-log';
import type { Db } from './db/open';
import { createAdminAccess } from './features/admin-access/admin-access';
import { adminAccessActions } from './features/admin-access/admin-access-actions';
import { adminAccessRoutes } from './features/admin-access/admin-access-routes';
import { backupRoutes } from './features/backup/backup-routes';
import { createHubBackups, type BackupSettings, type HubBackups } from './features/backup/hub-backups';
import { centreActions } from './features/centre/centre-actions';
import { centreLogoRoutes } from './features/centre/centre-logo';
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
import { createLockout } from './features/limits/lockout';
import { createOfficerRepository, type OfficerRepository } from './features/officers/officer-repository';
import { createProcedureRepository } from './features/procedures/procedure-repository';
import { PROCEDURE_LIMIT, procedureRoutes } from './features/procedures/procedure-routes';
import { procedureActions } from './features/procedures/procedure-actions';
import { withTicketPrinting } from './features/printing/printing-actions';
import { createTicketPrinting } from './features/printing/ticket-printing';
import { queueActions } from './features/queue/queue-actions';
import { createQueueService, type QueueService } from './features/queue/queue-service';
import { reportActions } from './features/reports/report-actions';
import { createQueueReport } from './features/reports/queue-report';
import { setupActions } from './features/setup/setup-actions';
import { createSetupStore } from './features/setup/setup-store';
import type { SpeechEngine } from './features/speech/speech-engine';
import { speechRoutes } from './features/speech/speech-routes';
import { createRecordedVoice, voiceNeedsOf } from './features/speech/recorded-voice';
import { voiceActions } from './features/speech/voice-actions';
import { voiceRoutes } from './features/speech/voice-routes';
import { createAuditLog } from './features/audit/audit-log';
import { createDossierSource } from './features/dossiers/dossier-source';
import { dossierSourceActions } from './features/dossiers/dossier-source-actions';
import { createTicketStatus } from './features/ticket-status/ticket-status';
import { ratingActions, withRatingRequests } from './features/ratings/rating-actions';
import { ratingRoutes } from './features/ratings/rating-routes';
import { createRatingService } from './features/ratings/rating-service';
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
  /** D21: the scheduled dossier pull's timer period (tests) and fetch timeout (30 s). */
  dossierSource?: { pollMs?: number; timeoutMs?: number };
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
  const ratings = createRatingService(db, centre, events, clock);
  const ticketStatus = createTicketStatus(db, centre, queue, ratings);
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

  const access = createAdminAccess({ db, clock, centre, devices });
  const audit = createAuditLog(db, clock);
  // V17: the centre's recorded voice, in front of the voice the hub started with; D21: the dossier pull.
  const voice = createRecordedVoice({
    db,
    clock,
    logger,
    audit,
    base: deps.speech,
    needs: () => voiceNeedsOf(centre),
  });
  const dossierSource = createDossierSource({
    db,
    clock,
    logger,
    dossiers,
    notify: realtime.notifier,
    audit,
    ...deps.dossierSource,
  });
  // L3's lock-outs, shared by the sign-in and the console's officer list (C6).
  const signInLockout = createLockout(limits.signIn, clock, { maxKeys: limits.maxKeys });
  const limited = { db, events, logger, clock, limits, signInLockout };
  const setup = createSetupStore(db, { centre, officers, clock });
  // R4, R12: one catalogue (and one search index) for the public routes, the upload and the console.
  const procedures = createProcedureRepository(db);
  const actions: ActionTable = {
    ...centreActions(centre, queue, display),
    ...withRatingRequests(
      withIssueLimit(withTicketPrinting(queueActions(queue, display), printing), limited),
      ratings,
      queue,
    ),
    ...ratingActions(ratings),
    ...withSignInLockout(counterActions(counters, display), limited),
    ...displayActions({ configs: displayConfigs, display, centre, clock, audit }),
    ...reportActions(createQueueReport(db, centre)),
    ...dossierActions(dossiers),
    ...deviceActions(devices, clock, audit),
    ...setupActions({ db, clock, setup, officers, display, signInLockout }),
    ...voiceActions(voice),
    ...dossierSourceActions(dossierSource),
    ...procedureActions({ db, clock, procedures, audit }),
    ...adminAccessActions(access),
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
        engine: voice.engine,
        centreSettings: () => centre.settings(),
        announcement: () => announcementOptions(centre.settings()),
      }),
      ...ticketStatusRoutes(
        ticketStatus,
        deps.apps.kiosk,
        createAddressLimit('ticketStatus', limits.ticketStatus, { clock, logger, maxKeys: limits.maxKeys }),
      ),
      // RT8: the phone's rating shares the phone page's per-address limit (L5).
      ...ratingRoutes(
        ratings,
        createAddressLimit('ticketRating', limits.ticketStatus, { clock, logger, maxKeys: limits.maxKeys }),
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
      ...centreLogoRoutes(() => centre.settings()),
      ...procedureRoutes({
        procedures,
        clock,
        centreName: () => centre.settings()?.name ?? '',
        kioskDist: deps.apps.kiosk,
        limit: createAddressLimit('procedures', PROCEDURE_LIMIT, { clock, logger, maxKeys: limits.maxKeys }),
      }),
      ...voiceRoutes(voice),
      ...adminAccessRoutes({
        access,
        clock,
        logger,
        lockout: limits.signIn,
        maxKeys: limits.maxKeys,
        notify: realtime.notifier,
      }),
    ],
  });
  realtime.attach(http, dispatch);

  const stopFollowing = followChanges(db, {
    logger,
    handlers: {
      displays: (ids) => realtime.publish(displayConfigs.changes([...ids]).map((c) => ['displayConfigured', c])),
      dossiers: () => realtime.notifier.dossiersUpdated(dossiers.panel()),
      // C8: `luot setup apply` changed the centre: every screen reads it again.
      centre: () => {
        centre.forgetCachedSettings();
        realtime.notifier.centreChanged();
      },
      // C6: `luot officer disable` may have signed an officer out.
      officers: () => realtime.publish(display.counterStates().map((c) => ['counterUpdated', c])),
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
      await dossierSource.close();
      await printing.close();
      // Kept-alive or half-read HTTP connections (a screen fetching audio) must not hold shutdown open.
      const closed = realtime.close();
      http.closeAllConnections();
      await closed;
      await deps.speech.close();
    },
  };
}
