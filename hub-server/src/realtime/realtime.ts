import { REQUEST_SCHEMAS, vi, type RequestName } from '@luot/shared';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { Server } from 'socket.io';
import type { Dispatch } from '../actions';
import type { Device, DeviceRepository } from '../features/devices/device-repository';
import { createSocketNotifier, publish, type HubEvent, type HubIo, type Notifier } from './notifier';
import { originAllowed } from '../http/edge-policy';
import { counterRoom, deviceRoom, roleRoom } from './rooms';

interface SocketData {
  device: Device;
}

/** A Host header we are willing to print into a QR code: a name or address and a port. */
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The hub's realtime edge, and its only owner of socket.io: the typed server, the rooms, the
 * connection handler that authenticates a device and binds every request of the protocol to the
 * dispatcher (answer first, then tell the screens), and the notifier features use.
 */
export interface Realtime {
  notifier: Notifier;
  /**
   * Tells the screens what an action caused; call it after the requester was answered. A function
   * property, like `origin`: the hub hands both on detached from this object.
   */
  publish: (events: readonly HubEvent[]) => void;
  /** Starts serving sockets on the hub's HTTP server, every request going through `dispatch`. */
  attach(http: HttpServer, dispatch: Dispatch): void;
  /** Where a device reached the hub (scheme, host, port): where a phone on its network reaches it too. */
  origin: (deviceId: number) => string;
  /**
   * Drops the sockets of one device (G2: its token was revoked by the `luot` command), or of every
   * device (they reconnect by themselves).
   */
  disconnect(deviceId?: number): void;
  close(): Promise<void>;
}

export function createRealtime(
  devices: DeviceRepository,
  options: { allowedOrigins?: readonly string[] } = {},
): Realtime {
  const allowed = options.allowedOrigins ?? [];
  const io: HubIo = new Server({
    serveClient: false,
    // H5: same-origin by default; a screen served from another host must be configured.
    cors: { origin: [...allowed] },
    allowRequest: (req, done) => done(null, originAllowed(req, allowed)),
    maxHttpBufferSize: 1e6,
  });
  const notifier = createSocketNotifier(io);
  const origins = new Map<number, string>();
  let http: HttpServer | null = null;

  io.use((socket, next) => {
    const token: unknown = socket.handshake.auth?.token;
    const device = typeof token === 'string' ? devices.authenticate(token) : null;
    if (!device) {
      const err = new Error(vi.errors.UNAUTHORIZED) as Error & { data: unknown };
      err.data = { code: 'UNAUTHORIZED' };
      return next(err);
    }
    (socket.data as SocketData).device = device;
    next();
  });

  function serve(dispatch: Dispatch): void {
    io.on('connection', (socket) => {
      const { device } = socket.data as SocketData;
      void socket.join([roleRoom(device.role), deviceRoom(device.id)]);
      if (device.counterId !== null) void socket.join(counterRoom(device.counterId));
      const host = socket.handshake.headers.host;
      if (host && HOST.test(host)) origins.set(device.id, `${socket.handshake.secure ? 'https' : 'http'}://${host}`);
      for (const name of Object.keys(REQUEST_SCHEMAS) as RequestName[]) {
        // Every request has the same shape (payload, ack); a client that omits the ack is ignored.
        (socket.on as (ev: string, fn: (input: unknown, ack: unknown) => void) => void)(name, (input, ack) => {
          if (typeof ack !== 'function') return;
          // G2: a token revoked by another process is refused before the change log drops the socket.
          if (!devices.isActive(device.id)) {
            (ack as (res: unknown) => void)({ ok: false, code: 'UNAUTHORIZED', message: vi.errors.UNAUTHORIZED });
            socket.disconnect(true);
            return;
          }
          void dispatch(name, device, input).then((done) => {
            (ack as (res: unknown) => void)(done.ack);
            publish(notifier, done.events);
          });
        });
      }
    });
  }

  /** For a device that never opened a socket: the machine's LAN address and the hub's port. */
  function lanOrigin(): string {
    const port = (http?.address() as AddressInfo | null)?.port ?? 8080;
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    return `http://${lan?.address ?? '127.0.0.1'}:${port}`;
  }

  return {
    notifier,
    publish: (events) => publish(notifier, events),
    attach(server, dispatch) {
      http = server;
      io.attach(server);
      serve(dispatch);
    },
    origin: (deviceId) => origins.get(deviceId) ?? lanOrigin(),
    disconnect(deviceId) {
      if (deviceId === undefined) io.disconnectSockets(true);
      else io.in(deviceRoom(deviceId)).disconnectSockets(true);
    },
    close: () => new Promise<void>((resolve) => void io.close(() => resolve())),
  };
}
