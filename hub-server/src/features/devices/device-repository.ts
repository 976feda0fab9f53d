import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@luot/shared';
import type { Db } from '../../db/open';

export interface Device {
  id: number;
  role: Role;
  counterId: number | null;
  /** For a display token: which display's configuration it shows. */
  displayId: number | null;
  /** For a kiosk token: the network printer the hub prints its tickets on (tcp://host:port). */
  printer: string | null;
  label: string;
}

export interface DeviceOptions {
  counterId?: number | null;
  displayId?: number | null;
  printer?: string | null;
}

const hash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Device tokens: only their hash is stored, so a copy of the database does not leak them. */
export function createDeviceRepository(db: Db) {
  const insert = db.prepare(
    'INSERT INTO devices (token_hash, role, counter_id, display_id, printer, label, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const byHash = db.prepare<
    [string],
    { id: number; role: Role; counter_id: number | null; display_id: number | null; printer: string | null; label: string }
  >('SELECT id, role, counter_id, display_id, printer, label FROM devices WHERE token_hash = ? AND revoked_at IS NULL');

  return {
    /** Creates a device and returns its token (shown once, never stored). */
    create(role: Role, counterId: number | null, label: string, now: number, options: DeviceOptions = {}): string {
      const token = randomBytes(24).toString('base64url');
      insert.run(hash(token), role, counterId, options.displayId ?? null, options.printer ?? null, label, now);
      return token;
    },
    authenticate(token: string): Device | null {
      const row = byHash.get(hash(token));
      return row
        ? {
            id: row.id,
            role: row.role,
            counterId: row.counter_id,
            displayId: row.display_id,
            printer: row.printer,
            label: row.label,
          }
        : null;
    },
  };
}
export type DeviceRepository = ReturnType<typeof createDeviceRepository>;
