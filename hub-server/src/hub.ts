import { announcementOptions, localDate, nextLocalMidnight, type Clock } from '@luot/shared';

const HOUR_MS = 60 * 60 * 1000;
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { createDispatcher, type ActionTable, type Dispatch } from './actions';
import type { Db } from './db/open';
import { createCentreRepository, type CentreRepository } from './features/centre/centre-repository';
import { createDeviceRepository, type DeviceRepository } from './features/devices/device-repository';
import { displayActions } from './features/display/display-actions';
import { createDisplayService, type DisplayService } from './features/display/display-service';
import { createQueueReport } from './features/reports/queue-report';
import { queueActions } from './features/queue/queue-actions';
import { createQueueService, type QueueService } from './features/queue/queue-service';
import { createCounterService } from './features/counters/counter-service';
import { createOfficerRepository, type OfficerRepository } from './features/officers/officer-repository';
import { speechRoutes } from './features/speech/speech-routes';
import { createTicketPrinting } from './features/printing/ticket-printing';
import { withTicketPrinting } from './features/printing/printing-actions';
import { createTicketStatus } from './features/ticket-status/ticket-status';
import { ticketStatusRoutes } from './features/ticket-status/ticket-status-routes';
import { watchDisplayConfigs } from './features/display/display-config-watch';
import { displayRoutes } from './features/display/display-routes';
import { createDossierService } from './features/dossiers/dossier-service';
import { dossierRoutes } from './features/dossiers/dossier-routes';
import type { SpeechEngine } from './features/speech/speech-engine';
import { createHttpServer, type RawRoute } from './http/http-server';
import { createNotifier, type HubIo, type Notifier } from './realtime/notifier';
import { bindRequests, createSocketServer } from './realtime/socket-server';

export interface HubDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Built app folders by URL prefix (kiosk, counter, display). */
  apps: Record<string, string>;
  /** The voice that turns announcements into audio (eSpeak NG or a voice pack). */
  speech: SpeechEngine;
}

export interface Hub {
  http: Server;
  io: HubIo;
  dispatch: Dispatch;
  centre: CentreRepository;
  devices: DeviceRepository;
  officers: OfficerRepository;
  queue: QueueService;
  display: DisplayService;
  notify: Notifier;
  /** Closes sockets and the HTTP server; the caller owns the database. */
  close(): Promise<void>;
}

/** Wires the hub together. It never listens itself: the caller does (main, or a test on port 0). */
export function createHub(deps: HubDeps): Hub {
  const { db, clock, logger } = deps;
  const centre = createCentreRepository(db);
  const devices = createDeviceRepository(db);
  const queue = createQueueService(db, centre, clock);
  const officers = createOfficerRepository(db);
  const counters = createCounterService(db, centre, officers, clock);
  const display = createDisplayService(db, centre, queue, officers);
  const queueReport = createQueueReport(db, centre);
  const dossiers = createDossierService(db, clock);
  const ticketStatus = createTicketStatus(db, centre, queue);

  const rawRoutes: RawRoute[] = [
    ...speechRoutes({
      engine: deps.speech,
      centreSettings: () => centre.settings(),
      announcement: () => announcementOptions(centre.settings()),
    }),
    ...ticketStatusRoutes(ticketStatus, deps.apps.kiosk),
    ...displayRoutes((...a) => dispatch(...a)),
    ...dossierRoutes({ dossiers, onChange: () => notify.dossiersUpdated(dossiers.panel()) }),
  ];
  let dispatch: Dispatch = () => {
    throw new Error('dispatch used before the hub was wired');
  };
  const http = createHttpServer({ devices, dispatch: (...a) => dispatch(...a), apps: deps.apps, rawRoutes, logger });
  const io = createSocketServer(http, devices);
  const notify = createNotifier(io);
  const stopConfigWatch = watchDisplayConfigs({ db, centre, onChange: (c) => io.emit('display:configured', c) });
  const printing = createTicketPrinting({ db, centre, status: ticketStatus, io, http, logger, clock });

  const actions: ActionTable = {
    'device:whoami': {
      roles: ['kiosk', 'counter', 'display', 'admin'],
      run: (device) => ({ role: device.role, counterId: device.counterId, label: device.label }),
    },
    'centre:get': {
      roles: ['kiosk', 'counter', 'display', 'admin'],
      run: () => ({
        centreName: centre.settings()?.name ?? '',
        services: centre.services(),
        counters: display.counterStates(),
        queues: queue.queues(),
        priorityCategories: centre.settings()?.priorityCategories ?? [],
      }),
    },
    ...withTicketPrinting(queueActions(queue, counters, display, notify), printing),
    ...displayActions({ db, centre, io, clock }),
    'report:queue': {
      roles: ['admin'],
      run: (_device, input) => queueReport(input.from, input.to, input.groupBy ?? 'service'),
    },
    'dossiers:panel': {
      roles: ['display', 'admin'],
      run: () => dossiers.panel(),
    },
    'display:sync': {
      roles: ['display', 'admin'],
      run: (_device, input) => display.sync(input.afterSeq),
    },
  };
  dispatch = createDispatcher(actions, logger);
  bindRequests(io, dispatch);

  // Q8: the day closes at 00:00 Asia/Ho_Chi_Minh even when nobody acts; screens are told.
  let midnight: NodeJS.Timeout | undefined;
  let day = localDate(clock.now());
  const armMidnight = (): void => {
    const delay = Math.min(HOUR_MS, Math.max(1000, nextLocalMidnight(clock.now()) - clock.now() + 1000));
    midnight = setTimeout(() => {
      if (queue.rollover()) {
        for (const c of display.counterStates()) notify.counterUpdated(c);
        notify.queueUpdated(queue.queues());
      }
      // "This month" and "this year" move with the date.
      if (localDate(clock.now()) !== day) {
        day = localDate(clock.now());
        notify.dossiersUpdated(dossiers.panel());
      }
      armMidnight();
    }, delay);
    midnight.unref();
  };
  armMidnight();

  return {
    http,
    io,
    dispatch,
    centre,
    devices,
    officers,
    queue,
    display,
    notify,
    close: async () => {
      clearTimeout(midnight);
      stopConfigWatch();
      await printing.close();
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
        // Kept-alive or half-read HTTP connections (a screen fetching audio) must not hold shutdown open.
        http.closeAllConnections();
      });
      await deps.speech.close();
    },
  };
}
