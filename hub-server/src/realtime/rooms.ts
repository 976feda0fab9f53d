import type { Role } from '@luot/shared';

/** The socket rooms: one per role, one per device. The only place their names are made. */
export const roleRoom = (role: Role): string => `role:${role}`;
export const deviceRoom = (deviceId: number): string => `device:${deviceId}`;
