import { createHash, randomBytes } from 'node:crypto';
import { systemClock, type Clock, type DeviceInfo, type Role } from '@luot/shared';
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

/** G1: a device's last authentication is written at most this often (a socket or REST call is not a write). */
export const LAST_SEEN_EVERY_MS = 60_000;

const hash = (token: string): string => createHash('sha256').update(token).digest('hex');

interface DeviceRow {
  id: number;
  role: Role;
  counter_id: number | null;
  display_id: number | null;
  printer: string | null;
  label: string;
  created_at: number;
  last_seen_at: number | null;
  revoked_at: number | null;
}
const COLUMNS = 'id, role, counter_id, display_id, printer, label, created_at, last_seen_at, revoked_at';

const infoOf = (r: DeviceRow): DeviceInfo => ({
  id: r.id,
  role: r.role,
  counterId: r.counter_id,
  displayId: r.display_id,
  printer: r.printer,
  label: r.label,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  revokedAt: r.revoked_at,
});

/**
 * Device tokens: only their hash is stored, so a copy of the database does not leak them; no
 * listing ever returns the hash either (G1). A revoked token authenticates no more (G2).
 */
export function createDeviceRepository(db: Db, clock: Clock = systemClock) {
  const insert = db.prepare(
    'INSERT INTO devices (token_hash, role, counter_id, display_id, printer, label, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const byHash = db.prepare<[string], DeviceRow>(
    `SELECT ${COLUMNS} FROM devices WHERE token_hash = ? AND revoked_at IS NULL`,
  );
  const byId = db.prepare<[number], DeviceRow>(`SELECT ${COLUMNS} FROM devices WHERE id = ?`);
  const all = db.prepare<[], DeviceRow>(`SELECT ${COLUMNS} FROM devices ORDER BY id`);
  const active = db.prepare<[number], { one: number }>(
    'SELECT 1 AS one FROM devices WHERE id = ? AND revoked_at IS NULL',
  );
  const markSeen = db.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?');
  const markRevoked = db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  /** When this process last wrote each device's last_seen_at. */
  const written = new Map<number, number>();

  /** G1: at most one write a minute per device; bookkeeping never fails an authentication. */
  function seen(id: number): void {
    const now = clock.now();
    const last = written.get(id);
    if (last !== undefined && now - last < LAST_SEEN_EVERY_MS && now >= last) return;
    written.set(id, now);
    try {
      markSeen.run(now, id);
    } catch {
      // Another writer holds the database (a long import): the next minute will do.
    }
  }

  return {
    /** Creates a device and returns its token (shown once, never stored). */
    create(role: Role, counterId: number | null, label: string, now: number, options: DeviceOptions = {}): string {
      const token = randomBytes(24).toString('base64url');
      insert.run(hash(token), role, counterId, options.displayId ?? null, options.printer ?? null, label, now);
      return token;
    },
    /** The device a token names, unless it was revoked; notes that it was seen (G1). */
    authenticate(token: string): Device | null {
      const row = byHash.get(hash(token));
      if (!row) return null;
      seen(row.id);
      return {
        id: row.id,
        role: row.role,
        counterId: row.counter_id,
        displayId: row.display_id,
        printer: row.printer,
        label: row.label,
      };
    },
    /**
     * False once the device was revoked (G2): an open socket checks it before each request. Never
     * throws: a read the database refuses counts as active, and the action then meets the same
     * database and answers for it (H3).
     */
    isActive(id: number): boolean {
      try {
        return active.get(id) !== undefined;
      } catch {
        return true;
      }
    },
    /** G1: every device, revoked ones included, by id. */
    list: (): DeviceInfo[] => all.all().map(infoOf),
    get(id: number): DeviceInfo | null {
      const row = byId.get(id);
      return row ? infoOf(row) : null;
    },
    /**
     * G2: revokes a device's token; one already revoked keeps its first revocation time (`changed`
     * false). Returns the device as it now stands, or null when there is no such device.
     */
    revoke(id: number, now: number): { device: DeviceInfo; changed: boolean } | null {
      const changed = markRevoked.run(now, id).changes > 0;
      written.delete(id);
      const row = byId.get(id);
      return row ? { device: infoOf(row), changed } : null;
    },
  };
}
export type DeviceRepository = ReturnType<typeof createDeviceRepository>;
