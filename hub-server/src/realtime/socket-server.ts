import { REQUEST_SCHEMAS, vi, type RequestName, type Role } from '@luot/shared';
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Dispatch } from '../actions';
import type { Device, DeviceRepository } from '../features/devices/device-repository';
import type { HubIo } from './notifier';

interface SocketData {
  device: Device;
}

/** socket.io on the hub's HTTP server: every socket carries a device token (`auth.token`). */
export function createSocketServer(http: HttpServer, devices: DeviceRepository): HubIo {
  const io: HubIo = new Server(http, {
    serveClient: false,
    cors: { origin: true },
    maxHttpBufferSize: 1e6,
  });
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
  return io;
}

export const roleRoom = (role: Role): string => `role:${role}`;

/** Binds every request event of the protocol to the dispatcher. */
export function bindRequests(io: HubIo, dispatch: Dispatch): void {
  io.on('connection', (socket) => {
    const { device } = socket.data as SocketData;
    // A room per role, so a notification goes only to the screens that use it.
    void socket.join(roleRoom(device.role));
    for (const name of Object.keys(REQUEST_SCHEMAS) as RequestName[]) {
      // Every request has the same shape (payload, ack); a client that omits the ack is ignored.
      (socket.on as (ev: string, fn: (input: unknown, ack: unknown) => void) => void)(name, (input, ack) => {
        if (typeof ack !== 'function') return;
        (ack as (res: unknown) => void)(dispatch(name, device, input));
      });
    }
  });
}
