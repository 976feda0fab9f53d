import type { Role } from '@luot/shared';

/** The socket rooms: one per role, one per device. The only place their names are made. */
export const roleRoom = (role: Role): string => `role:${role}`;
export const deviceRoom = (deviceId: number): string => `device:${deviceId}`;
/** RT6: the devices bound to one counter (the officer's screen, the rating page beside it). */
export const counterRoom = (counterId: number): string => `counter:${counterId}`;
