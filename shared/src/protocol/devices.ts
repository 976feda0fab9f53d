/** Device tokens on the wire: listing and revoking them (SPEC G1, G2). */
import { z } from 'zod';
import { Id, ROLES } from './common';

/**
 * One device as an admin sees it: never its token nor the token's hash. Times are epoch ms;
 * `lastSeenAt` is when its token last authenticated (kept to the minute, G1), null if never.
 */
export const DeviceInfo = z.object({
  id: Id,
  role: z.enum(ROLES),
  counterId: Id.nullable(),
  displayId: Id.nullable(),
  printer: z.string().nullable(),
  label: z.string(),
  createdAt: z.number().int(),
  lastSeenAt: z.number().int().nullable(),
  revokedAt: z.number().int().nullable(),
});
export type DeviceInfo = z.infer<typeof DeviceInfo>;

export const DeviceList = z.object({ devices: z.array(DeviceInfo) });
export type DeviceList = z.infer<typeof DeviceList>;

export const DeviceRevokeInput = z.strictObject({ deviceId: Id });
export type DeviceRevokeInput = z.infer<typeof DeviceRevokeInput>;
