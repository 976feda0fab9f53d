import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { HubIo } from '../../realtime/notifier';
import type { Device } from '../devices/device-repository';

const ADMIN_ROOM = 'role:admin';
const deviceRoom = (id: number): string => `device:${id}`;
/** A Host header we are willing to print into a QR code: a name or address and a port. */
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * Notifications for one device or for the admins, rather than for every screen; and where each
 * device reached the hub, which is where a phone on the same network reaches it too.
 */
export function createDeviceRooms(io: HubIo, http: Server) {
  const origins = new Map<number, string>();
  io.on('connection', (socket) => {
    // The socket server's middleware put the authenticated device there.
    const device = (socket.data as { device: Device }).device;
    void socket.join(deviceRoom(device.id));
    if (device.role === 'admin') void socket.join(ADMIN_ROOM);
    const host = socket.handshake.headers.host;
    if (host && HOST.test(host)) origins.set(device.id, `${socket.handshake.secure ? 'https' : 'http'}://${host}`);
  });

  /** For a device that never opened a socket: the machine's LAN address and the hub's port. */
  function lanOrigin(): string {
    const port = (http.address() as AddressInfo | null)?.port ?? 8080;
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    return `http://${lan?.address ?? '127.0.0.1'}:${port}`;
  }

  return {
    toDevice: (deviceId: number) => io.to(deviceRoom(deviceId)),
    toAdmins: () => io.to(ADMIN_ROOM),
    origin: (deviceId: number): string => origins.get(deviceId) ?? lanOrigin(),
  };
}
export type DeviceRooms = ReturnType<typeof createDeviceRooms>;
