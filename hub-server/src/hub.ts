import type { Clock } from '@luot/shared';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { createDispatcher, type ActionTable, type Dispatch } from './actions';
import type { Db } from './db/open';
import { createCentreRepository, type CentreRepository } from './features/centre/centre-repository';
import { createDeviceRepository, type DeviceRepository } from './features/devices/device-repository';
import { createDisplayService, type DisplayService } from './features/display/display-service';
import { createQueueService, type QueueService } from './features/queue/queue-service';
import { createHttpServer, type RawRoute } from './http/http-server';
import { createNotifier, type HubIo, type Notifier } from './realtime/notifier';
import { bindRequests, createSocketServer } from './realtime/socket-server';

export interface HubDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Built app folders by URL prefix (kiosk, counter, display). */
  apps: Record<string, string>;
}

export interface Hub {
  http: Server;
  io: HubIo;
  dispatch: Dispatch;
  centre: CentreRepository;
  devices: DeviceRepository;
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
  const display = createDisplayService(db, centre, queue);

  const rawRoutes: RawRoute[] = [];
  let dispatch: Dispatch = () => {
    throw new Error('dispatch used before the hub was wired');
  };
  const http = createHttpServer({ devices, dispatch: (...a) => dispatch(...a), apps: deps.apps, rawRoutes, logger });
  const io = createSocketServer(http, devices);
  const notify = createNotifier(io);

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
    'ticket:issue': {
      roles: ['kiosk', 'admin'],
      run: (device, input) => {
        const ticket = queue.issue(input, { deviceId: device.id });
        notify.ticketIssued(ticket);
        notify.queueUpdated(queue.queues());
        return ticket;
      },
    },
    'counter:callNext': {
      roles: ['counter', 'admin'],
      run: (device, input) => {
        const { ticket, callSeq } = queue.callNext(input.counterId, { deviceId: device.id });
        const call = display.call(callSeq);
        if (call) notify.ticketCalled(call);
        const state = display.counterState(input.counterId);
        if (state) notify.counterUpdated(state);
        notify.queueUpdated(queue.queues());
        return ticket;
      },
    },
    'display:sync': {
      roles: ['display', 'admin'],
      run: (_device, input) => display.sync(input.afterSeq),
    },
  };
  dispatch = createDispatcher(actions, logger);
  bindRequests(io, dispatch);

  return {
    http,
    io,
    dispatch,
    centre,
    devices,
    queue,
    display,
    notify,
    close: () =>
      new Promise<void>((resolve) => {
        io.close(() => resolve());
      }),
  };
}
